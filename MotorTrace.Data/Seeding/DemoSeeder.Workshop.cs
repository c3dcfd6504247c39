using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Seeding;

public sealed partial class DemoSeeder
{
    /// <summary>One dealer's workshop: customers, vehicles, catalogue, stock, appointments, work orders, money, programmes.</summary>
    private Task SeedDealerAsync(Dealer dealer, int number, DemoScale scale, Dictionary<string, ApplicationRole> roles) =>
        Task.CompletedTask;
}
