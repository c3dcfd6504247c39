using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Inventory;

/// <summary>
/// Seed 000 InventoryItem: one stocked part of one dealer. <see cref="Quantity"/> changes only together with
/// a <see cref="StockMovement"/> row, and never goes below zero (a check constraint backs the service rule).
/// </summary>
public class InventoryItem : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid CategoryId { get; set; }
    public InventoryCategory Category { get; set; } = null!;
    public string Name { get; set; } = "";
    public string Sku { get; set; } = "";

    /// <summary>The manufacturer's number; unique per dealer when present (shop supplies have none).</summary>
    public string? PartNumber { get; set; }
    public string? Manufacturer { get; set; }
    public string? Location { get; set; }
    public int Quantity { get; set; }
    public int MinStockLevel { get; set; }
    public int MaxStockLevel { get; set; }

    /// <summary>At or below this quantity the item is on the reorder list.</summary>
    public int ReorderPoint { get; set; }

    /// <summary>Selling price.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary>Buying price, for margins and stock valuation; not in the seed.</summary>
    public decimal CostPrice { get; set; }
    public string? Supplier { get; set; }
    public string? SupplierPartNumber { get; set; }

    /// <summary>The part carries a core charge (refunded when the old part is returned).</summary>
    public bool Core { get; set; }
    public decimal? CorePrice { get; set; }
    public bool IsActive { get; set; } = true;
    public Guid Version { get; set; }
}
