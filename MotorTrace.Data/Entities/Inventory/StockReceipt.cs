using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Inventory;

/// <summary>
/// A supplier delivery booked into stock (not in the seeds): numbered per dealer, with the supplier's invoice. Each line
/// adds its quantity through one <see cref="StockMovement"/> of type <see cref="StockMovementType.Receipt"/> and moves the
/// item's average cost. Receipts are never edited; a wrong one is corrected by an adjustment.
/// </summary>
public class StockReceipt : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public string ReceiptNumber { get; set; } = "";
    public string Supplier { get; set; } = "";
    public string? SupplierInvoiceNumber { get; set; }

    /// <summary>The date on the supplier's invoice, a calendar date.</summary>
    public DateOnly? SupplierInvoiceDate { get; set; }
    public DateTime ReceivedAt { get; set; }
    public Guid ReceivedById { get; set; }
    public string? Notes { get; set; }
    public List<StockReceiptLine> Lines { get; set; } = [];
}

/// <summary>One item of a delivery: how many arrived at which unit cost.</summary>
public class StockReceiptLine : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid StockReceiptId { get; set; }
    public StockReceipt StockReceipt { get; set; } = null!;
    public Guid InventoryItemId { get; set; }
    public InventoryItem InventoryItem { get; set; } = null!;
    public int Quantity { get; set; }
    public decimal UnitCost { get; set; }
}
