using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.Programmes;

/// <summary>
/// Seed 003 dealer_pcc: a dealer's application to the Performance Center Programme, reviewed and then
/// approved or rejected by the manufacturer.
/// </summary>
public class DealerPccApplication : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid SubmittedById { get; set; }
    public ApplicationUser SubmittedBy { get; set; } = null!;
    public string ApplicationNumber { get; set; } = "";
    public DateOnly ApplicationDate { get; set; }

    /// <summary>JSON: the criteria answers; their shape is defined by the programme, not by this table.</summary>
    public string? CriteriaData { get; set; }
    public ProgrammeStatus Status { get; set; } = ProgrammeStatus.Pending;
    public Guid? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewComments { get; set; }
    public Guid? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovalComments { get; set; }
}

public enum ProgrammeStatus
{
    Draft,
    Pending,
    UnderReview,
    Approved,
    Rejected,
    RevisionRequested,
}
