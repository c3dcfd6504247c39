using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// Seed 000 WorkOrderLabor: one labor job of a work order, the unit of a technician's queue; clocking
/// on and off sets <see cref="StartTime"/> and <see cref="EndTime"/>.
/// </summary>
public class WorkOrderLabor : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;

    /// <summary>The service line this labor belongs to, if any.</summary>
    public Guid? ServiceId { get; set; }
    public WorkOrderService? Service { get; set; }
    public Guid? LaborCatalogId { get; set; }
    public LaborCatalog? LaborCatalog { get; set; }

    /// <summary>Null until the job is assigned.</summary>
    public Guid? TechnicianId { get; set; }
    public ApplicationUser? Technician { get; set; }
    public string Description { get; set; } = "";
    public int? EstimatedMinutes { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int? ActualMinutes { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Pending;
    public string? Notes { get; set; }
    public DateTime? CompletedAt { get; set; }

    public List<LaborClockEvent> ClockEvents { get; set; } = [];
}
