using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Inventory;

/// <summary>
/// A stock-take (not in the seeds): a count sheet of one location (or every location), counted item by item on a
/// tablet, then posted: each difference becomes one <see cref="StockMovement"/> of type
/// <see cref="StockMovementType.StockTake"/>, all in one transaction.
/// </summary>
public class StockTake : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The bin location counted; null when the sheet covers every location.</summary>
    public string? Location { get; set; }
    public StockTakeStatus Status { get; set; } = StockTakeStatus.Counting;
    public DateTime? PostedAt { get; set; }
    public Guid? PostedById { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; }
    public List<StockTakeLine> Lines { get; set; } = [];
}

/// <summary>One item on a count sheet: what the ledger said when the sheet was made, and what was counted.</summary>
public class StockTakeLine : Entity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid StockTakeId { get; set; }
    public StockTake StockTake { get; set; } = null!;
    public Guid InventoryItemId { get; set; }
    public InventoryItem InventoryItem { get; set; } = null!;
    public int ExpectedQuantity { get; set; }
    public int? CountedQuantity { get; set; }
    public Guid? CountedById { get; set; }
    public DateTime? CountedAt { get; set; }
    public Guid Version { get; set; }
}

public enum StockTakeStatus
{
    Counting,
    Posted,
    Cancelled,
}
