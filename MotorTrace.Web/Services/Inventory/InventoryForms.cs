using System.ComponentModel.DataAnnotations;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>Limits shared by the inventory forms and the service that checks them again.</summary>
public static class InventoryLimits
{
    public const int MaxLevel = 1_000_000;
    public const double MaxMoney = 10_000_000;
    public const int MaxReason = 500;

    /// <summary>Letters, digits and a few separators, as printed on bin labels and supplier orders.</summary>
    public const string CodePattern = @"^\s*[A-Za-z0-9][A-Za-z0-9._/-]*\s*$";
}

/// <summary>
/// An inventory manager's entry for one stocked part (create and edit). The quantity on hand is not here: it changes
/// only through the stock ledger (receipts, issues, adjustments, stock-takes). The average cost is set once, when the
/// item is created; after that receipts move it.
/// </summary>
public sealed class InventoryItemForm
{
    [Required(ErrorMessage = "Enter the SKU, e.g. BRK-014.")]
    [StringLength(64, ErrorMessage = "Keep the SKU under 64 characters.")]
    [RegularExpression(InventoryLimits.CodePattern, ErrorMessage = "A SKU has letters, digits, dashes, dots or slashes, and no spaces.")]
    public string Sku { get; set; } = "";

    [StringLength(64, ErrorMessage = "Keep the part number under 64 characters.")]
    public string? PartNumber { get; set; }

    [Required(ErrorMessage = "Enter the part's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Choose a category.")]
    public Guid? CategoryId { get; set; }

    [StringLength(100, ErrorMessage = "Keep the manufacturer under 100 characters.")]
    public string? Manufacturer { get; set; }

    [StringLength(100, ErrorMessage = "Keep the bin location under 100 characters.")]
    public string? Location { get; set; }

    [Range(0, InventoryLimits.MaxLevel, ErrorMessage = "Enter a whole number from 0 to 1,000,000.")]
    public int MinStockLevel { get; set; }

    [Range(0, InventoryLimits.MaxLevel, ErrorMessage = "Enter a whole number from 0 to 1,000,000.")]
    public int ReorderPoint { get; set; }

    [Range(1, InventoryLimits.MaxLevel, ErrorMessage = "Enter a whole number from 1 to 1,000,000.")]
    public int MaxStockLevel { get; set; }

    [Range(0, InventoryLimits.MaxMoney, ErrorMessage = "Enter a price from 0 to 10,000,000.")]
    public decimal UnitPrice { get; set; }

    /// <summary>The opening average cost (create only; receipts move it afterwards).</summary>
    [Range(0, InventoryLimits.MaxMoney, ErrorMessage = "Enter a cost from 0 to 10,000,000.")]
    public decimal CostPrice { get; set; }

    [StringLength(200, ErrorMessage = "Keep the supplier under 200 characters.")]
    public string? Supplier { get; set; }

    [StringLength(64, ErrorMessage = "Keep the supplier's part number under 64 characters.")]
    public string? SupplierPartNumber { get; set; }

    public bool Core { get; set; }

    [Range(0, InventoryLimits.MaxMoney, ErrorMessage = "Enter a core charge from 0 to 10,000,000.")]
    public decimal? CorePrice { get; set; }

    public bool IsActive { get; set; }

    /// <summary>
    /// The form's fields as stored when it was loaded: a save is refused when they changed meanwhile. The item's Version
    /// also moves with every stock movement, which must not make an open form stale.
    /// </summary>
    public string Fingerprint { get; set; } = "";

    public static InventoryItemForm New() => new() { IsActive = true, MinStockLevel = 1, ReorderPoint = 2, MaxStockLevel = 10 };
}

/// <summary>Which way an adjustment moves the stock.</summary>
public enum AdjustmentDirection
{
    Add,
    TakeOff,
}

/// <summary>A stock adjustment with its reason (a count correction, damage, a part found).</summary>
public sealed class StockAdjustmentForm
{
    public AdjustmentDirection Direction { get; set; } = AdjustmentDirection.TakeOff;

    [Range(1, InventoryLimits.MaxLevel, ErrorMessage = "Enter how many units, at least 1.")]
    public int Quantity { get; set; } = 1;

    [Required(ErrorMessage = "Say why the stock changes, e.g. “2 damaged in the store”.")]
    [StringLength(InventoryLimits.MaxReason, ErrorMessage = "Keep the reason under 500 characters.")]
    public string Reason { get; set; } = "";

    /// <summary>Given when the form opens, so a repeated tap (or a repeat after a reconnect) adjusts once.</summary>
    public Guid RequestId { get; set; } = Guid.NewGuid();

    public int Change => Direction == AdjustmentDirection.Add ? Quantity : -Quantity;
}

/// <summary>A supplier delivery being booked in.</summary>
public sealed class StockReceiptForm
{
    [Required(ErrorMessage = "Enter the supplier.")]
    [StringLength(200, ErrorMessage = "Keep the supplier under 200 characters.")]
    public string Supplier { get; set; } = "";

    [Required(ErrorMessage = "Enter the supplier's invoice number.")]
    [StringLength(64, ErrorMessage = "Keep the invoice number under 64 characters.")]
    public string SupplierInvoiceNumber { get; set; } = "";

    [Required(ErrorMessage = "Enter the date on the supplier's invoice.")]
    public DateTime? SupplierInvoiceDate { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }

    public List<StockReceiptLineForm> Lines { get; set; } = [new()];

    /// <summary>Given when the form opens, so a double submit books the delivery once.</summary>
    public Guid RequestId { get; set; } = Guid.NewGuid();

    public int Units => Lines.Sum(l => l.Quantity ?? 0);

    public decimal Total => Lines.Sum(l => l.LineTotal);
}

/// <summary>One item of a delivery: how many arrived at which unit cost.</summary>
public sealed class StockReceiptLineForm
{
    public ItemChoice? Item { get; set; }
    public int? Quantity { get; set; }
    public decimal? UnitCost { get; set; }

    public decimal LineTotal => Quantity is { } q && UnitCost is { } c ? WorkOrders.WorkOrderTotals.Round(q * c) : 0m;
}

/// <summary>An item as a picker offers it.</summary>
public sealed record ItemChoice(Guid Id, string Sku, string Name, decimal CostPrice, string? Supplier, int Quantity)
{
    public override string ToString() => $"{Sku} · {Name}";
}
