using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Entities.Finance;

/// <summary>
/// Seed 000 Invoice: the bill for a work order, numbered per dealer. Amounts are frozen when it is issued;
/// a wrong invoice is voided and a new one issued, so a work order may have several.
/// </summary>
public class Invoice : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public string InvoiceNumber { get; set; } = "";
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;

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
    public string Description { get; set; } = "";
    public int Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public decimal Subtotal { get; set; }
    public Guid? WorkOrderServiceId { get; set; }
    public Guid? WorkOrderLaborId { get; set; }
    public Guid? WorkOrderPartId { get; set; }
    public string? Notes { get; set; }
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
