using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// Records the vehicle tests start from, written as the system (no tenancy filter), each with fresh VINs so the
/// tests of one fixture never collide.
/// </summary>
public sealed class VehicleTestData(MotorTraceFactory app)
{
    private static readonly char[] VinAlphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789".ToCharArray();

    public Task<Guid> DealerIdAsync(int dealer) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{dealer:000}").Select(d => d.Id).SingleAsync());

    /// <summary>
    /// A name no other test uses, in letters only: digits in a searched name also match phone numbers
    /// (the customer search looks for them there), which would find other customers.
    /// </summary>
    public static string UniqueName(string name) =>
        name + " " + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    /// <summary>A European VIN (first character W: no check digit) that no other test uses.</summary>
    public static string NewVin()
    {
        var random = Random.Shared;
        return "WVW" + new string([.. Enumerable.Range(0, 14).Select(_ => VinAlphabet[random.Next(VinAlphabet.Length)])]);
    }

    /// <summary>A North-American VIN (first character 1) whose check digit is right, or deliberately wrong.</summary>
    public static string NewNorthAmericanVin(bool rightCheckDigit)
    {
        var vin = ("1" + NewVin()[1..]).ToCharArray();
        vin[8] = '0';
        var right = VinRules.CheckDigit(new string(vin));
        vin[8] = rightCheckDigit ? right : right == '5' ? '6' : '5';
        return new string(vin);
    }

    public async Task<Customer> CustomerAsync(int dealer = 1, string? name = null)
    {
        var customer = new Customer
        {
            DealerId = await DealerIdAsync(dealer),
            Name = name ?? $"Test Customer {Guid.NewGuid().ToString("N")[..6]}",
            Phone = $"+9198{Random.Shared.Next(10_000_000, 99_999_999)}",
        };
        await app.WithDbAsync(db => { db.Customers.Add(customer); return db.SaveChangesAsync(); });
        return customer;
    }

    public async Task<Vehicle> VehicleAsync(Customer owner, string? vin = null, int? odometer = null, string? plate = null)
    {
        var vehicle = new Vehicle
        {
            DealerId = owner.DealerId,
            CustomerId = owner.Id,
            Make = "Volkswagen",
            Model = "Virtus",
            Year = 2022,
            Vin = vin ?? NewVin(),
            LicensePlate = plate,
            Mileage = odometer is { } km ? new VehicleMileage { DealerId = owner.DealerId, CurrentMileage = km, LastUpdated = DateTime.UtcNow.AddDays(-30) } : null,
        };
        await app.WithDbAsync(db => { db.Vehicles.Add(vehicle); return db.SaveChangesAsync(); });
        return vehicle;
    }

    public async Task<Vehicle> VehicleOfNewCustomerAsync(int dealer = 1, int? odometer = null) =>
        await VehicleAsync(await CustomerAsync(dealer), odometer: odometer);

    public async Task<ServiceRecommendation> RecommendationAsync(Vehicle vehicle, RecommendationStatus status = RecommendationStatus.Pending)
    {
        var rule = new ServiceRule
        {
            Code = "T-" + Guid.NewGuid().ToString("N")[..10],
            Name = "Brake fluid",
            ServiceType = "Maintenance",
            ServiceName = "Brake fluid replacement",
            RuleType = ServiceRuleType.Time,
            TimeIntervalMonths = 24,
        };
        var recommendation = new ServiceRecommendation
        {
            DealerId = vehicle.DealerId,
            VehicleId = vehicle.Id,
            Rule = rule,
            Status = status,
            Priority = ServicePriority.Medium,
            TriggeredAt = DateTime.UtcNow.AddDays(-3),
            DueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)),
            Reason = "Two years since the brake fluid was replaced.",
            EstimatedCost = 1650m,
        };
        await app.WithDbAsync(db => { db.ServiceRecommendations.Add(recommendation); return db.SaveChangesAsync(); });
        return recommendation;
    }

    public async Task<WorkOrder> WorkOrderAsync(Vehicle vehicle, WorkOrderStatus status, params string[] services)
    {
        var now = DateTime.UtcNow;
        var workOrder = new WorkOrder
        {
            DealerId = vehicle.DealerId,
            CustomerId = vehicle.CustomerId,
            VehicleId = vehicle.Id,
            WorkOrderNumber = "WO-T" + Random.Shared.Next(100_000, 999_999),
            Status = status,
            JobType = JobType.Repair,
            OdometerReading = 30_050,
            TotalAmount = 5900m,
            OpenedAt = now.AddDays(-40),
            ClosedAt = status == WorkOrderStatus.Closed ? now.AddDays(-38) : null,
            FinalizedAt = status is WorkOrderStatus.Invoiced or WorkOrderStatus.Closed ? now.AddDays(-38) : null,
            Services = [.. services.Select(s => new WorkOrderService { DealerId = vehicle.DealerId, Description = s, UnitPrice = 1000m, Subtotal = 1000m, CustomerApproved = true })],
        };
        await app.WithDbAsync(db => { db.WorkOrders.Add(workOrder); return db.SaveChangesAsync(); });
        return workOrder;
    }

    public async Task<VehicleServiceHistory> HistoryAsync(Vehicle vehicle, WorkOrder? workOrder, string name, decimal cost)
    {
        var history = new VehicleServiceHistory
        {
            DealerId = vehicle.DealerId,
            VehicleId = vehicle.Id,
            WorkOrderId = workOrder?.Id,
            ServiceType = "Maintenance",
            ServiceName = name,
            ServiceDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-38)),
            ServiceMileage = 30_050,
            Provider = workOrder is null ? "Another workshop" : "Riverside Motors",
            Cost = cost,
        };
        await app.WithDbAsync(db => { db.VehicleServiceHistories.Add(history); return db.SaveChangesAsync(); });
        return history;
    }

    public async Task<CarExpense> ExpenseAsync(Vehicle vehicle, ExpenseCategory category, decimal amount, DateOnly date)
    {
        var expense = new CarExpense { DealerId = vehicle.DealerId, VehicleId = vehicle.Id, Category = category, Amount = amount, Date = date, Description = $"{category} test" };
        await app.WithDbAsync(db => { db.CarExpenses.Add(expense); return db.SaveChangesAsync(); });
        return expense;
    }
}
