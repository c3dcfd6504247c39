using MotorTrace.Web.Services.Export;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>The item list's columns in its Excel export: what the grid shows, typed. Only the stock value is totalled.</summary>
public static class InventoryExport
{
    public static IReadOnlyList<ExportColumn<InventoryRow>> Columns(bool allDealers) =>
    [
        new("SKU", r => r.Sku),
        .. allDealers ? new ExportColumn<InventoryRow>[] { new("Dealer", r => r.DealerCode), new("Currency", r => r.Currency) } : [],
        new("Part number", r => r.PartNumber),
        new("Name", r => r.Name),
        new("Category", r => r.Category),
        new("On hand", r => r.Quantity, ExportFormat.Integer),
        new("Reorder point", r => r.ReorderPoint, ExportFormat.Integer),
        new("Maximum", r => r.MaxStockLevel, ExportFormat.Integer),
        new("Unit cost", r => r.CostPrice, ExportFormat.Decimal),
        new("Price", r => r.UnitPrice, ExportFormat.Decimal),
        new("Margin %", r => r.MarginPercent, ExportFormat.Decimal),
        new("Location", r => r.Location),
        new("Supplier", r => r.Supplier),
        new("Active", r => r.IsActive ? "Yes" : "No"),
        new("Stock value", r => r.StockValue, ExportFormat.Money),
    ];
}
