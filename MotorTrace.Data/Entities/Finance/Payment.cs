using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Entities.Finance;

/// <summary>
/// Seed 000 Payment: money received for a work order (several per order: deposits, split methods), and
/// any refund of it. Linked to the invoice it settles once there is one.
/// </summary>
public class Payment : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid? InvoiceId { get; set; }
    public Invoice? Invoice { get; set; }
    public Guid ProcessedById { get; set; }
    public ApplicationUser ProcessedBy { get; set; } = null!;
    public PaymentMethod Method { get; set; }
    public decimal Amount { get; set; }

    /// <summary>Card slip, transfer or cheque number.</summary>
    public string? Reference { get; set; }
    public PaymentRecordStatus Status { get; set; } = PaymentRecordStatus.Pending;
    public DateTime? PaidAt { get; set; }
    public string? Notes { get; set; }
    /// <summary>The sum of <see cref="Refunds"/>; never more than <see cref="Amount"/>.</summary>
    public decimal RefundAmount { get; set; }

    /// <summary>The reason of the last refund (each refund keeps its own in <see cref="Refunds"/>).</summary>
    public string? RefundReason { get; set; }
    public Guid Version { get; set; }
    public List<PaymentRefund> Refunds { get; set; } = [];
}

/// <summary>Money given back from one payment (not in the seeds, which kept one refund amount): partial, with its reason.</summary>
public class PaymentRefund : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid PaymentId { get; set; }
    public Payment Payment { get; set; } = null!;
    public decimal Amount { get; set; }
    public string Reason { get; set; } = "";
    public PaymentMethod Method { get; set; }
    public string? Reference { get; set; }
    public DateTime RefundedAt { get; set; }
    public Guid ProcessedById { get; set; }
}

public enum PaymentMethod
{
    Cash,
    CreditCard,
    DebitCard,
    BankTransfer,
    Cheque,
    Upi,
    Wallet,
    Warranty,
    Insurance,
    Other,
}

/// <summary>Status of one payment; the work order's summary is <see cref="WorkOrders.PaymentStatus"/>.</summary>
public enum PaymentRecordStatus
{
    Pending,
    Completed,
    Failed,
    Refunded,
    PartiallyRefunded,
}
