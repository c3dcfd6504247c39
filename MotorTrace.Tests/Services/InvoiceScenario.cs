using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Finance;
using WorkOrderServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Tests.Services;

/// <summary>A line of a completed work order for the invoice tests: a service, a labour operation or a part, with its payer and answer.</summary>
public sealed record JobLine(string Description, int Quantity, decimal UnitPrice, LineItemType Type = LineItemType.Service, LinePayer Payer = LinePayer.Customer,
    bool Approved = true);

/// <summary>
/// Completed work orders of the estimate tests' workshop (<see cref="EstimateScenario"/>: dealer D7xx, 18% tax added on top,
/// invoices due in 15 days), built straight in the database with the lines each test needs, and the finance services as
/// its people.
/// </summary>
public sealed class InvoiceScenario(EstimateScenario shop)
{
    private static int _next;

    public EstimateScenario Shop => shop;
    public MotorTraceFactory App => shop.App;

    public static async Task<InvoiceScenario> ForAsync(MotorTraceFactory app) => new(await EstimateScenario.ForAsync(app));

    /// <summary>A completed work order with these lines (a labour line is a service added from the labour catalogue).</summary>
    public async Task<(Guid Id, Guid Version)> CompletedAsync(JobLine[] lines, DiscountType discount = DiscountType.None, decimal discountValue = 0,
        Guid? customerId = null, Guid? vehicleId = null)
    {
        var order = new WorkOrder
        {
            DealerId = shop.DealerId, WorkOrderNumber = $"WO-INV-{Interlocked.Increment(ref _next):000000}-{Guid.NewGuid().ToString("N")[..4]}",
            CustomerId = customerId ?? shop.CustomerId, VehicleId = vehicleId ?? shop.VehicleId, Status = WorkOrderStatus.Completed,
            OpenedAt = DateTime.UtcNow.AddDays(-1), DiscountType = discount, DiscountValue = discountValue, Version = Guid.NewGuid(),
        };
        var at = DateTime.UtcNow.AddHours(-3);
        foreach (var line in lines)
        {
            at = at.AddSeconds(1);
            if (line.Type == LineItemType.Part)
                order.Parts.Add(new WorkOrderPart
                {
                    DealerId = shop.DealerId, Description = line.Description, Quantity = line.Quantity, UnitPrice = line.UnitPrice, Payer = line.Payer,
                    CustomerApproved = line.Approved, CustomerRejected = !line.Approved, Source = PartSource.Supplier, SupplierName = "Depot", CreatedAt = at,
                });
            else
            {
                var service = new WorkOrderServiceLine
                {
                    DealerId = shop.DealerId, Description = line.Description, Quantity = line.Quantity, UnitPrice = line.UnitPrice, Payer = line.Payer,
                    CustomerApproved = line.Approved, CustomerRejected = !line.Approved, CreatedAt = at,
                    CannedServiceId = line.Type == LineItemType.Service ? shop.OilChange : null,
                };
                if (line.Type == LineItemType.Labor)
                    service.Labor.Add(new WorkOrderLabor { DealerId = shop.DealerId, WorkOrderId = order.Id, LaborCatalogId = shop.OilDrain, Description = line.Description });
                order.Services.Add(service);
            }
        }
        await App.WithDbAsync(db => { db.WorkOrders.Add(order); return db.SaveChangesAsync(); });
        var version = await App.WithDbAsync(db => db.WorkOrders.Where(w => w.Id == order.Id).Select(w => w.Version).SingleAsync());
        return (order.Id, version);
    }

    /// <summary>Another customer with a car, for tests that read a customer's own balances.</summary>
    public async Task<(Guid Customer, Guid Vehicle)> NewCustomerAsync(string name)
    {
        var customer = new Customer { DealerId = shop.DealerId, Name = name, Phone = $"+9198{Random.Shared.Next(10_000_000, 99_999_999)}" };
        var vehicle = new Vehicle
        {
            DealerId = shop.DealerId, CustomerId = customer.Id, Make = "Skoda", Model = "Slavia", Year = 2023,
            Vin = $"TMBKC9NW{Random.Shared.Next(100_000_000, 999_999_999)}", LicensePlate = $"KA 05 {Random.Shared.Next(1000, 9999)}",
        };
        await App.WithDbAsync(db => { db.Customers.Add(customer); db.Vehicles.Add(vehicle); return db.SaveChangesAsync(); });
        return (customer.Id, vehicle.Id);
    }

    public Task<T> AsAsync<TService, T>(string email, Func<TService, Task<T>> work) where TService : notnull => App.AsUserAsync(email, work);

    public async Task<InvoiceView> ViewAsync(Guid id, string? email = null) =>
        await AsAsync<InvoiceService, InvoiceView?>(email ?? shop.Advisor, s => s.ViewAsync(id)) ?? throw new InvalidOperationException("No invoice.");

    /// <summary>Drafts the invoices of a completed work order and returns them, customer's first.</summary>
    public async Task<IReadOnlyList<InvoiceView>> InvoiceAsync(Guid workOrderId, Guid version)
    {
        var created = await AsAsync<InvoiceService, ServiceResult<Guid>>(shop.Advisor, s => s.CreateFromWorkOrderAsync(workOrderId, version));
        Assert.True(created.Succeeded, Errors(created.Result));
        var ids = await App.WithDbAsync(db => db.Invoices.Where(i => i.WorkOrderId == workOrderId).OrderBy(i => i.Payer).Select(i => i.Id).ToListAsync());
        var views = new List<InvoiceView>();
        foreach (var id in ids) views.Add(await ViewAsync(id));
        return views;
    }

    public async Task<InvoiceView> FinaliseAsync(Guid id)
    {
        var view = await ViewAsync(id);
        var result = await AsAsync<InvoiceService, ServiceResult>(shop.Advisor, s => s.FinaliseAsync(id, view.Version));
        Assert.True(result.Succeeded, Errors(result));
        return await ViewAsync(id);
    }

    /// <summary>A finalised customer invoice of one work order with these lines.</summary>
    public async Task<InvoiceView> IssuedAsync(params JobLine[] lines)
    {
        var (id, version) = await CompletedAsync(lines);
        return await FinaliseAsync((await InvoiceAsync(id, version))[0].Id);
    }

    public Task<ServiceResult<Guid>> PayAsync(Guid invoiceId, PaymentMethod method, decimal amount, string? reference = null, Guid? requestId = null, string? email = null) =>
        AsAsync<PaymentService, ServiceResult<Guid>>(email ?? shop.Advisor,
            s => s.RecordAsync(requestId ?? Guid.NewGuid(), invoiceId, new PaymentForm { Method = method, Amount = amount, Reference = reference }));

    public Task<T> DbAsync<T>(Func<MotorTraceDbContext, Task<T>> work) => App.WithDbAsync(work);

    public static string Errors(ServiceResult result) => string.Join(" | ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
