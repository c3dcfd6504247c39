using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Seeding;

namespace MotorTrace.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies pending schema changes, and in Development seeds the demo network on first run and
    /// prints its sign-ins, so <c>dotnet run</c> on a fresh clone is all a newcomer needs.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotorTraceDbContext>();
        await db.Database.MigrateAsync();

        if (!app.Configuration.GetValue<bool>("Demo:SeedOnFirstRun")) return;
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        if (await seeder.SeedIfEmptyAsync(DemoScale.Default))
            app.Logger.LogInformation("Seeded the demo network.");
        Console.WriteLine(DemoSeeder.SignInSummary());
    }
}
