using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>One step of a work order's life cycle, with who made it, when and why (a failed QC's rework notes, a cancellation reason).</summary>
public class WorkOrderStatusChange : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public WorkOrderStatus? FromStatus { get; set; }
    public WorkOrderStatus ToStatus { get; set; }
    public Guid? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Note { get; set; }
}
