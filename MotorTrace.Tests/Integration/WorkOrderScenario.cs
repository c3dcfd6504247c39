using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using ServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// The work-order tests' workshop: <see cref="AppointmentScenario"/>'s dealer (its own, unknown to the demo data) with a
/// signed-in user of each of the six staff roles, and a builder of work orders written straight to the database.
/// </summary>
public sealed class WorkOrderScenario
{
    private static readonly ConcurrentDictionary<MotorTraceFactory, Lazy<Task<WorkOrderScenario>>> Shops = new();

    private WorkOrderScenario(AppointmentScenario shop) => Shop = shop;

    public AppointmentScenario Shop { get; }
    public MotorTraceFactory App => Shop.App;
    public Guid DealerId => Shop.DealerId;
    public SignedInUser Advisor => Shop.Advisor;
    public SignedInUser Manager => Shop.Manager;
    public SignedInUser Technician => Shop.Technician;
    public SignedInUser Admin { get; private set; } = default!;
    public SignedInUser Parts { get; private set; } = default!;
    public SignedInUser Warranty { get; private set; } = default!;

    /// <summary>The six staff roles, each with its user.</summary>
    public IReadOnlyDictionary<string, SignedInUser> ByRole { get; private set; } = new Dictionary<string, SignedInUser>();

    public static Task<WorkOrderScenario> ForAsync(MotorTraceFactory app) =>
        Shops.GetOrAdd(app, a => new Lazy<Task<WorkOrderScenario>>(async () => await new WorkOrderScenario(await AppointmentScenario.ForAsync(a)).BuildAsync())).Value;

    private async Task<WorkOrderScenario> BuildAsync()
    {
        var number = int.Parse(Shop.DealerCode[1..]);
        Admin = await App.SignInAsync(await App.CreateUserAsync(Roles.Admin, number, "Test Admin"));
        Parts = await App.SignInAsync(await App.CreateUserAsync(Roles.InventoryManager, number, "Test Parts"));
        Warranty = await App.SignInAsync(await App.CreateUserAsync(Roles.WarrantyManager, number, "Test Warranty"));
        ByRole = new Dictionary<string, SignedInUser>
        {
            [Roles.Admin] = Admin, [Roles.Manager] = Manager, [Roles.ServiceAdvisor] = Advisor,
            [Roles.Technician] = Technician, [Roles.InventoryManager] = Parts, [Roles.WarrantyManager] = Warranty,
        };
        return this;
    }

    /// <summary>A customer with one car of their own (at <paramref name="mileage"/> km), for tests that need their own vehicle.</summary>
    public async Task<(Guid CustomerId, Guid VehicleId)> NewCustomerAsync(string name = "Ravi Kumar", string? plate = null, int mileage = AppointmentScenario.StartingMileage)
    {
        var customer = new Customer { DealerId = DealerId, Name = name };
        var vehicle = new Vehicle
        {
            DealerId = DealerId, CustomerId = customer.Id, Make = "Hyundai", Model = "Creta", Year = 2022,
            Vin = $"MALC{Guid.NewGuid():N}"[..17].ToUpperInvariant(), LicensePlate = plate ?? $"KA 01 {Random.Shared.Next(1000, 9999)}",
        };
        vehicle.Mileage = new VehicleMileage { DealerId = DealerId, VehicleId = vehicle.Id, CurrentMileage = mileage, LastUpdated = DateTime.UtcNow };
        await App.WithDbAsync(db =>
        {
            db.Customers.Add(customer);
            db.Vehicles.Add(vehicle);
            return db.SaveChangesAsync();
        });
        return (customer.Id, vehicle.Id);
    }

    /// <summary>
    /// A work order of the scenario's customer and car (or the given ones) in <paramref name="status"/>, with one approved
    /// "Oil change" service line unless <paramref name="lines"/> is false; <paramref name="change"/> sets anything else.
    /// </summary>
    public async Task<WorkOrder> InsertAsync(WorkOrderStatus status = WorkOrderStatus.Open, Action<WorkOrder>? change = null, bool lines = true,
        bool approved = true, Guid? customerId = null, Guid? vehicleId = null)
    {
        var order = new WorkOrder
        {
            DealerId = DealerId, WorkOrderNumber = $"WO-{Shop.DealerCode}-9{Random.Shared.Next(10_000, 99_999)}", CustomerId = customerId ?? Shop.CustomerId,
            VehicleId = vehicleId ?? Shop.VehicleId, Status = status, OpenedAt = App.Clock.GetUtcNow().UtcDateTime.AddHours(-2), OdometerReading = 12_000,
            Version = Guid.NewGuid(),
        };
        if (lines)
            order.Services.Add(new ServiceLine
            {
                DealerId = DealerId, CannedServiceId = Shop.Oil.Id, Description = "Oil change", Quantity = 2, UnitPrice = 500.10m, Subtotal = 1000.20m,
                CustomerApproved = approved,
            });
        change?.Invoke(order);
        await App.WithDbAsync(db => { db.WorkOrders.Add(order); return db.SaveChangesAsync(); });
        return order;
    }

    /// <summary>Removes the dealer's work orders and what they wrote (history, recommendations, requests), so list tests count only their own.</summary>
    public Task ClearAsync() => App.WithDbAsync(async db =>
    {
        await db.VehicleServiceHistories.IgnoreQueryFilters().Where(h => h.DealerId == DealerId).ExecuteDeleteAsync();
        await db.ServiceRecommendations.IgnoreQueryFilters().Where(r => r.DealerId == DealerId).ExecuteDeleteAsync();
        await db.ProcessedRequests.IgnoreQueryFilters().Where(r => r.DealerId == DealerId).ExecuteDeleteAsync();
        await db.WorkOrders.IgnoreQueryFilters().Where(w => w.DealerId == DealerId).ExecuteDeleteAsync();
    });

    public Task<T> DbAsync<T>(Func<MotorTrace.Data.MotorTraceDbContext, Task<T>> work) => App.WithDbAsync(work);

    public Task<T> AsAsync<TService, T>(SignedInUser user, Func<TService, Task<T>> work) where TService : notnull => App.AsUserAsync(user.Email, work);
}
