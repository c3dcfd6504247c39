using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Tests.Services;

/// <summary>
/// A workshop of its own for the estimate tests (dealer D7xx, 18% tax, manager approval above a 10% discount): a
/// manager, two advisors and a technician; one customer with one car; an oil filter in stock (10 at 450.00) and a
/// brake pad category with nothing on the shelf; "Oil change" (1,500.00: one labour step, a filter) and "Brake service"
/// (2,500.00: one labour step, pads). Each test opens its own work order with <see cref="NewWorkOrderAsync"/>.
/// </summary>
public sealed class EstimateScenario
{
    private static readonly ConcurrentDictionary<MotorTraceFactory, Lazy<Task<EstimateScenario>>> Shops = new();
    private static int _nextDealer = 700;
    private static int _nextNumber;

    private EstimateScenario(MotorTraceFactory app) => App = app;

    public MotorTraceFactory App { get; }
    public int DealerNumber { get; private set; }
    public Guid DealerId { get; private set; }
    public string Manager { get; private set; } = "";
    public string Advisor { get; private set; } = "";
    public string SecondAdvisor { get; private set; } = "";
    public string Technician { get; private set; } = "";
    public Guid TechnicianId { get; private set; }
    public Guid ManagerId { get; private set; }
    public Guid CustomerId { get; private set; }
    public Guid VehicleId { get; private set; }
    public Guid OilChange { get; private set; }
    public Guid BrakeService { get; private set; }
    public Guid OilDrain { get; private set; }
    public Guid OilFilter { get; private set; }
    public string BrakePads { get; private set; } = "";

    public static Task<EstimateScenario> ForAsync(MotorTraceFactory app) =>
        Shops.GetOrAdd(app, a => new Lazy<Task<EstimateScenario>>(() => new EstimateScenario(a).BuildAsync())).Value;

    private async Task<EstimateScenario> BuildAsync()
    {
        DealerNumber = Interlocked.Increment(ref _nextDealer);
        var dealer = new Dealer { DealerCode = $"D{DealerNumber:000}", Name = $"Estimate Workshop {DealerNumber}", Country = "India", TimeZoneId = "Asia/Kolkata" };
        DealerId = dealer.Id;
        var filters = new InventoryCategory { Name = $"Oil filters {DealerNumber}" };
        var pads = new InventoryCategory { Name = $"Brake pads {DealerNumber}" };
        BrakePads = pads.Name;
        var filter = new InventoryItem
        {
            DealerId = DealerId, CategoryId = filters.Id, Name = "Oil filter", Sku = $"OF-{DealerNumber}", PartNumber = $"04E115561{DealerNumber}",
            Quantity = 10, UnitPrice = 450m, CostPrice = 300m, Version = Guid.NewGuid(),
        };
        var drain = new LaborCatalog { DealerId = DealerId, Code = "L-OIL", Name = "Drain and refill oil", EstimatedMinutes = 30, Rate = 1200m };
        var brakeCheck = new LaborCatalog { DealerId = DealerId, Code = "L-BRK", Name = "Replace brake pads", EstimatedMinutes = 45, Rate = 1000m };
        var oil = new CannedService { DealerId = DealerId, Code = "OIL", Name = "Oil change", Duration = 30, Price = 1500m };
        oil.Labor.Add(new CannedServiceLabor { DealerId = DealerId, LaborCatalogId = drain.Id, Sequence = 1, EstimatedMinutes = 30 });
        oil.PartsCategories.Add(new CannedServicePartsCategory { DealerId = DealerId, CategoryId = filters.Id, IsRequired = true });
        var brakes = new CannedService { DealerId = DealerId, Code = "BRK", Name = "Brake service", Duration = 60, Price = 2500m };
        brakes.Labor.Add(new CannedServiceLabor { DealerId = DealerId, LaborCatalogId = brakeCheck.Id, Sequence = 1, EstimatedMinutes = 45 });
        brakes.PartsCategories.Add(new CannedServicePartsCategory { DealerId = DealerId, CategoryId = pads.Id, IsRequired = true });
        var customer = new Customer { DealerId = DealerId, Name = "Meera Iyer", Phone = "+919800000077" };
        var vehicle = new Vehicle { DealerId = DealerId, CustomerId = customer.Id, Make = "Skoda", Model = "Kushaq", Year = 2022, Vin = $"TMBJB9NW5N{DealerNumber:0000000}", LicensePlate = $"KA 01 AB {DealerNumber}" };
        await App.WithDbAsync(db =>
        {
            db.Dealers.Add(dealer);
            db.DealerSettings.Add(new DealerSettings { DealerId = DealerId, TaxRatePercent = 18m, DiscountApprovalPercent = 10m, Version = Guid.NewGuid() });
            db.InventoryCategories.AddRange(filters, pads);
            db.InventoryItems.Add(filter);
            db.LaborCatalog.AddRange(drain, brakeCheck);
            db.CannedServices.AddRange(oil, brakes);
            db.Customers.Add(customer);
            db.Vehicles.Add(vehicle);
            return db.SaveChangesAsync();
        });
        (CustomerId, VehicleId, OilChange, BrakeService, OilDrain, OilFilter) = (customer.Id, vehicle.Id, oil.Id, brakes.Id, drain.Id, filter.Id);
        Manager = await App.CreateUserAsync(Roles.Manager, DealerNumber, "Maya Manager");
        Advisor = await App.CreateUserAsync(Roles.ServiceAdvisor, DealerNumber, "Arjun Advisor");
        SecondAdvisor = await App.CreateUserAsync(Roles.ServiceAdvisor, DealerNumber, "Sara Second");
        Technician = await App.CreateUserAsync(Roles.Technician, DealerNumber, "Tarun Technician");
        TechnicianId = await UserIdAsync(Technician);
        ManagerId = await UserIdAsync(Manager);
        return this;
    }

    public Task<Guid> UserIdAsync(string email) => App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>An open work order of the scenario's car with no lines yet.</summary>
    public async Task<Guid> NewWorkOrderAsync(WorkOrderStatus status = WorkOrderStatus.Open)
    {
        var order = new WorkOrder
        {
            DealerId = DealerId, WorkOrderNumber = $"WO-D{DealerNumber:000}-{Interlocked.Increment(ref _nextNumber):000000}", CustomerId = CustomerId,
            VehicleId = VehicleId, Status = status, OpenedAt = DateTime.UtcNow, OdometerReading = 25_000, Version = Guid.NewGuid(),
        };
        await App.WithDbAsync(db => { db.WorkOrders.Add(order); return db.SaveChangesAsync(); });
        return order.Id;
    }

    /// <summary>Puts the oil filter's shelf back to <paramref name="quantity"/> units.</summary>
    public Task SetStockAsync(int quantity) =>
        App.WithDbAsync(db => db.InventoryItems.Where(i => i.Id == OilFilter).ExecuteUpdateAsync(s => s.SetProperty(i => i.Quantity, quantity)));

    public Task<int> OnHandAsync() => App.WithDbAsync(db => db.InventoryItems.Where(i => i.Id == OilFilter).Select(i => i.Quantity).SingleAsync());

    public Task<T> AsAsync<T>(string email, Func<WorkOrderEstimateService, Task<T>> work) => App.AsUserAsync(email, work);

    public async Task<WorkOrderEstimate> EstimateAsync(Guid id, string? email = null) =>
        await AsAsync(email ?? Advisor, s => s.EstimateAsync(id)) ?? throw new InvalidOperationException("No estimate.");

    public Task<T> DbAsync<T>(Func<MotorTraceDbContext, Task<T>> work) => App.WithDbAsync(work);

    /// <summary>Runs a change as <paramref name="email"/> with the version the page would hold now, and insists it succeeds.</summary>
    public async Task<string> ChangeAsync(Guid id, Func<WorkOrderEstimateService, Guid, Task<ServiceResult<string>>> change, string? email = null)
    {
        var version = (await EstimateAsync(id)).Version;
        var result = await AsAsync(email ?? Advisor, s => change(s, version));
        Assert.True(result.Succeeded, string.Join(" | ", result.Result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Value!;
    }

    public static string MessagesAt(ServiceResult result, string field) =>
        string.Join(" | ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));

    public static ApprovalForm Answer(ApprovalDecision decision, ApprovalMethod method = ApprovalMethod.Phone, string by = "Meera Iyer") =>
        new() { Decision = decision, Method = method, AnsweredBy = by };
}
