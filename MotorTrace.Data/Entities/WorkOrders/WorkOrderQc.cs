using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// A quality check before the car goes back (the seeds have the QualityCheck status and workflow step but
/// no table). A failed check stays on record next to the one that passed.
/// </summary>
public class WorkOrderQc : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid CheckedById { get; set; }
    public ApplicationUser CheckedBy { get; set; } = null!;
    public bool Passed { get; set; }

    /// <summary>JSON: the checklist lines and their answers.</summary>
    public string? Checklist { get; set; }
    public string? Notes { get; set; }
    public DateTime CheckedAt { get; set; }
}
