using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Services;

/// <summary>
/// Work orders of dealer 1 built for the workshop tests: a demo customer's vehicle, labour lines assigned as the test
/// says, parts; the demo technician (tech@d1) and, for "someone else's line", a second technician of the same dealer.
/// </summary>
public sealed class WorkshopScenario
{
    public const string Technician = "tech@d1.motortrace.test";
    public const string Manager = "manager@d1.motortrace.test";
    public const string Advisor = "advisor@d1.motortrace.test";
    public const string OtherDealerManager = "manager@d2.motortrace.test";
    public const string OtherDealerTechnician = "tech@d2.motortrace.test";

    private readonly MotorTraceFactory _app;

    private WorkshopScenario(MotorTraceFactory app) => _app = app;

    public Guid DealerId { get; private set; }
    public Guid TechnicianId { get; private set; }
    public string OtherTechnician { get; private set; } = "";
    public Guid OtherTechnicianId { get; private set; }
    private Guid _customerId;
    private Guid _vehicleId;

    public static async Task<WorkshopScenario> ForAsync(MotorTraceFactory app)
    {
        var scenario = new WorkshopScenario(app);
        scenario.OtherTechnician = await app.CreateUserAsync(Roles.Technician, dealer: 1, name: "Otto Other");
        await app.WithDbAsync(async db =>
        {
            scenario.DealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
            scenario.TechnicianId = await db.Users.Where(u => u.Email == Technician).Select(u => u.Id).SingleAsync();
            scenario.OtherTechnicianId = await db.Users.Where(u => u.Email == scenario.OtherTechnician).Select(u => u.Id).SingleAsync();
            var vehicle = await db.Vehicles.IgnoreQueryFilters().Where(v => v.DealerId == scenario.DealerId).OrderBy(v => v.Id)
                .Select(v => new { v.Id, v.CustomerId }).FirstAsync();
            (scenario._vehicleId, scenario._customerId) = (vehicle.Id, vehicle.CustomerId);
        });
        return scenario;
    }

    /// <summary>A work order in <paramref name="status"/> with one labour line per technician given (null: unassigned).</summary>
    public async Task<(Guid WorkOrderId, Guid[] Labor)> WorkOrderAsync(WorkOrderStatus status, params Guid?[] technicians)
    {
        var order = new WorkOrder
        {
            DealerId = DealerId, WorkOrderNumber = $"WO-T{Random.Shared.Next(100_000, 999_999)}-{Guid.NewGuid().ToString("N")[..6]}", CustomerId = _customerId,
            VehicleId = _vehicleId, Status = status, OpenedAt = DateTime.UtcNow, Complaint = "Brakes squeal when cold",
        };
        var labor = technicians.Select((t, i) => new WorkOrderLabor
        {
            DealerId = DealerId, WorkOrderId = order.Id, TechnicianId = t, Description = $"Labour {i + 1}", EstimatedMinutes = 60,
        }).ToList();
        order.Labor.AddRange(labor);
        order.Parts.Add(new WorkOrderPart { DealerId = DealerId, Description = "Brake pads, front", Quantity = 1, UnitPrice = 2400m, Subtotal = 2400m });
        await _app.WithDbAsync(db =>
        {
            db.WorkOrders.Add(order);
            return db.SaveChangesAsync();
        });
        return (order.Id, [.. labor.Select(l => l.Id)]);
    }

    public Task<List<LaborClockEvent>> EventsAsync(Guid laborId) =>
        _app.WithDbAsync(db => db.LaborClockEvents.AsNoTracking().Where(e => e.LaborId == laborId).OrderBy(e => e.At).ToListAsync());

    public Task<WorkOrderLabor> LaborAsync(Guid laborId) =>
        _app.WithDbAsync(db => db.WorkOrderLabor.AsNoTracking().SingleAsync(l => l.Id == laborId));

    public Task<WorkOrderStatus> StatusAsync(Guid workOrderId) =>
        _app.WithDbAsync(db => db.WorkOrders.Where(w => w.Id == workOrderId).Select(w => w.Status).SingleAsync());
}
