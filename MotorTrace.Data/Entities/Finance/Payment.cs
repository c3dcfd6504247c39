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
    public decimal RefundAmount { get; set; }
    public string? RefundReason { get; set; }
    public Guid Version { get; set; }
}

public enum PaymentMethod
{
    Cash,
    Card,
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
