using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>One part to order: at or below its reorder point, with the quantity that brings it back up to its maximum.</summary>
public sealed record ReorderLine(
    Guid Id, string Sku, string Name, string? PartNumber, string? SupplierPartNumber, string? Supplier, string? Location,
    int Quantity, int ReorderPoint, int MaxStockLevel, decimal CostPrice)
{
    /// <summary>Up to the maximum; at least one, so ordering always lifts the part off the list's floor.</summary>
    public int Suggested => Math.Max(1, MaxStockLevel - Quantity);

    public decimal OrderValue => WorkOrderTotals.Round(Suggested * CostPrice);

    public string? DealerCode { get; init; }
}

/// <summary>The parts to order from one supplier.</summary>
public sealed record ReorderGroup(string? Supplier, IReadOnlyList<ReorderLine> Lines)
{
    public string Title => Supplier ?? ReorderService.NoSupplier;
    public decimal OrderValue => Lines.Sum(l => l.OrderValue);
    public int Units => Lines.Sum(l => l.Suggested);
}

/// <summary>
/// The reorder list: the dealer's active parts at or below their reorder point, grouped by supplier, with the suggested
/// quantity up to each part's maximum. The same rule as the item list's <c>stock=reorder</c> filter and the dashboard.
/// </summary>
public sealed class ReorderService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization)
{
    public const string NoSupplier = "No supplier recorded";

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<IReadOnlyList<ReorderLine>> LinesAsync(CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user.Principal, Policies.InventoryRead)).Succeeded) return [];
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.InventoryItems.AsNoTracking().Where(i => i.IsActive && i.Quantity <= i.ReorderPoint);
        if (user.DealerScope is { } dealerId) items = items.Where(i => i.DealerId == dealerId);
        var allDealers = AllDealers;
        return await items.OrderBy(i => i.Supplier).ThenBy(i => i.Sku).ThenBy(i => i.Id)
            .Select(i => new ReorderLine(i.Id, i.Sku, i.Name, i.PartNumber, i.SupplierPartNumber, i.Supplier, i.Location, i.Quantity,
                i.ReorderPoint, i.MaxStockLevel, i.CostPrice)
            {
                DealerCode = allDealers ? db.Dealers.Where(d => d.Id == i.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null,
            })
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ReorderGroup>> GroupsAsync(CancellationToken ct = default) => Group(await LinesAsync(ct));

    public static IReadOnlyList<ReorderGroup> Group(IEnumerable<ReorderLine> lines) =>
        lines.GroupBy(l => string.IsNullOrWhiteSpace(l.Supplier) ? null : l.Supplier)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new ReorderGroup(g.Key, g.ToList())).ToList();

    /// <summary>The reorder list's columns in its Excel export; the order value is totalled.</summary>
    public static IReadOnlyList<ExportColumn<ReorderLine>> ExportColumns(bool allDealers) =>
    [
        new("Supplier", l => l.Supplier ?? NoSupplier),
        .. allDealers ? new ExportColumn<ReorderLine>[] { new("Dealer", l => l.DealerCode) } : [],
        new("SKU", l => l.Sku),
        new("Part", l => l.Name),
        new("Part number", l => l.PartNumber),
        new("Supplier part number", l => l.SupplierPartNumber),
        new("On hand", l => l.Quantity, ExportFormat.Integer),
        new("Reorder point", l => l.ReorderPoint, ExportFormat.Integer),
        new("Maximum", l => l.MaxStockLevel, ExportFormat.Integer),
        new("Order quantity", l => l.Suggested, ExportFormat.Integer),
        new("Unit cost", l => l.CostPrice, ExportFormat.Decimal),
        new("Order value", l => l.OrderValue, ExportFormat.Money),
    ];
}
