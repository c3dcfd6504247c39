using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Entities.Inventory;

/// <summary>
/// The stock ledger (not in the seeds, which only kept a quantity): one row per change of an item's
/// quantity, with who (<see cref="AuditableEntity.CreatedById"/>), why and the balance after it. Rows
/// are never edited; a mistake is undone by another movement.
/// </summary>
public class StockMovement : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid InventoryItemId { get; set; }
    public InventoryItem InventoryItem { get; set; } = null!;
    public StockMovementType Type { get; set; }

    /// <summary>Signed: positive into stock, negative out of it.</summary>
    public int Quantity { get; set; }
    public int QuantityAfter { get; set; }
    public decimal? UnitCost { get; set; }
    public Guid? WorkOrderId { get; set; }
    public WorkOrder? WorkOrder { get; set; }
    public Guid? WorkOrderPartId { get; set; }
    public WorkOrderPart? WorkOrderPart { get; set; }
    public Guid? StockReceiptId { get; set; }
    public StockReceipt? StockReceipt { get; set; }
    public Guid? StockTakeId { get; set; }
    public StockTake? StockTake { get; set; }

    /// <summary>A supplier delivery note, purchase order or similar document number.</summary>
    public string? Reference { get; set; }
    public string? Reason { get; set; }
}

public enum StockMovementType
{
    Receipt,
    Issue,
    Return,
    Adjustment,

    /// <summary>A stock-take correction: counted minus what the ledger held.</summary>
    StockTake,
}
