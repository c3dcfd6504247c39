using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Entities.Finance;

/// <summary>
/// Seed 000 Invoice: the bill for a work order to one payer, numbered per dealer when it is finalised (a draft has no
/// number). Amounts are frozen when it is finalised; a finalised invoice is corrected by a credit note
/// (<see cref="InvoiceKind.CreditNote"/> naming <see cref="CreditedInvoiceId"/>) or voided with a reason, so a work
/// order may have several.
/// </summary>
public class Invoice : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }

    /// <summary>Null while a draft; taken at finalisation, gapless per dealer and year.</summary>
    public string? InvoiceNumber { get; set; }
    public InvoiceKind Kind { get; set; } = InvoiceKind.Invoice;

    /// <summary>The invoice a credit note corrects.</summary>
    public Guid? CreditedInvoiceId { get; set; }
    public Invoice? CreditedInvoice { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;

    /// <summary>Who this invoice bills: the lines of a work order are split by their payer.</summary>
    public LinePayer Payer { get; set; } = LinePayer.Customer;

    /// <summary>The dealer's tax settings when the invoice was made, printed as they were.</summary>
    public decimal TaxRatePercent { get; set; }
    public bool TaxInclusive { get; set; }
    public string CurrencyCode { get; set; } = "INR";
    public DateTime? FinalisedAt { get; set; }
    public Guid? FinalisedById { get; set; }
    public DateTime? VoidedAt { get; set; }
    public Guid? VoidedById { get; set; }
    public string? VoidReason { get; set; }

    /// <summary>Calendar dates in the dealer's time zone, as printed on the invoice.</summary>
    public DateOnly IssueDate { get; set; }
    public DateOnly? DueDate { get; set; }
    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;
    public decimal SubtotalServices { get; set; }
    public decimal SubtotalLabor { get; set; }
    public decimal SubtotalParts { get; set; }
    public decimal Subtotal { get; set; }
    public decimal TaxAmount { get; set; }
    public decimal DiscountAmount { get; set; }
    public decimal TotalAmount { get; set; }
    public decimal PaidAmount { get; set; }
    public decimal BalanceDue { get; set; }
    public string? Notes { get; set; }
    public string? Terms { get; set; }
    public string? PdfUrl { get; set; }
    public Guid Version { get; set; }

    public List<InvoiceLineItem> LineItems { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
}

/// <summary>Seed 000 InvoiceLineItem: one printed line, copied from the work order line it names.</summary>
public class InvoiceLineItem : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid InvoiceId { get; set; }
    public Invoice Invoice { get; set; } = null!;
    public LineItemType Type { get; set; }

    /// <summary>The printed order of the lines, from 1.</summary>
    public int LineNumber { get; set; }
    public string Description { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal Subtotal { get; set; }
    public Guid? WorkOrderServiceId { get; set; }
    public Guid? WorkOrderLaborId { get; set; }
    public Guid? WorkOrderPartId { get; set; }
    public string? Notes { get; set; }
}

public enum InvoiceKind
{
    Invoice,
    CreditNote,
}

public enum InvoiceStatus
{
    Draft,
    Issued,
    PartiallyPaid,
    Paid,
    Overdue,
    Void,
}

public enum LineItemType
{
    Service,
    Labor,
    Part,
    Fee,
    Discount,
}
