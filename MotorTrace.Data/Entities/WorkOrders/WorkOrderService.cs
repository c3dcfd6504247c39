using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// Seed 000 WorkOrderService: one service line of a work order (often from a canned service), with the
/// customer's approval or refusal of it.
/// </summary>
public class WorkOrderService : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid? CannedServiceId { get; set; }
    public CannedService? CannedService { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal Subtotal { get; set; }
    public bool CustomerApproved { get; set; }
    public bool CustomerRejected { get; set; }
    public string? CustomerNotes { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public DateTime? RejectedAt { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Pending;
    public LinePayer Payer { get; set; } = LinePayer.Customer;

    /// <summary>The inspection finding this line was priced from, if any.</summary>
    public Guid? InspectionItemId { get; set; }
    public string? Notes { get; set; }

    public List<WorkOrderLabor> Labor { get; set; } = [];
    public List<WorkOrderPart> Parts { get; set; } = [];
}

/// <summary>Status of one service or labor line.</summary>
public enum ServiceStatus
{
    Pending,
    InProgress,
    Completed,
    Cancelled,
    OnHold,
}
