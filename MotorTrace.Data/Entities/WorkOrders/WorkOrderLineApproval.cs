using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// The customer's answer to one estimate line, kept as evidence (not in the seeds, which only kept a flag):
/// what was shown (description, quantity, price), the decision, how it was given, when, and who recorded it.
/// Rows are only ever added: changing an approved line adds a <see cref="ApprovalDecision.Reopened"/> row and
/// the line waits for a new answer, so the history shows both prices.
/// </summary>
public class WorkOrderLineApproval : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public EstimateLineKind LineKind { get; set; }

    /// <summary>The service or part line; kept when the line is later removed, so no foreign key.</summary>
    public Guid LineId { get; set; }
    public ApprovalDecision Decision { get; set; }
    public ApprovalMethod? Method { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; }

    /// <summary>The line's price (quantity × unit price) when the customer was asked.</summary>
    public decimal PriceShown { get; set; }

    /// <summary>The person who answered, as the advisor heard it (the customer, or whoever they sent).</summary>
    public string? ApprovedByName { get; set; }
    public string? Notes { get; set; }

    /// <summary>A drawn signature as a PNG data URL, when <see cref="Method"/> is Signature.</summary>
    public string? Signature { get; set; }
    public Guid RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

public enum EstimateLineKind
{
    Service,
    Part,
}

public enum ApprovalDecision
{
    Approved,
    Declined,

    /// <summary>The line changed after an answer: it waits for a new one.</summary>
    Reopened,
}

public enum ApprovalMethod
{
    InPerson,
    Phone,
    Email,
    Portal,
    Sms,
    Signature,
}
