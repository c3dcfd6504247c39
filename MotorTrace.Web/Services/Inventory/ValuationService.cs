using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>The stock value of one category: active items at their average cost.</summary>
public sealed record CategoryValue(Guid CategoryId, string Category, int Items, int Units, decimal Value);

/// <summary>A part on the shelf that has not moved for a while.</summary>
public sealed record SlowMover(Guid Id, string Sku, string Name, string Category, int Quantity, decimal CostPrice, DateTime? LastMovementAt)
{
    public decimal Value => WorkOrderTotals.Round(Quantity * CostPrice);
}

public sealed record Valuation(IReadOnlyList<CategoryValue> Categories, IReadOnlyList<SlowMover> SlowMovers, int Days)
{
    public decimal Total => Categories.Sum(c => c.Value);
    public decimal SlowValue => SlowMovers.Sum(s => s.Value);
}

/// <summary>
/// What the shelves are worth: the stock value at average cost per category (the same rule as the dashboard's figure:
/// active items), and the slow movers, parts in stock with no movement of any kind for <c>days</c> days.
/// </summary>
public sealed class ValuationService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, IAuthorizationService authorization, TimeProvider clock)
{
    public static readonly IReadOnlyList<int> DayChoices = [30, 60, 90, 180, 365];
    public const int DefaultDays = 90;

    public static int DaysFrom(string? value) => int.TryParse(value, out var days) && days is >= 1 and <= 3650 ? days : DefaultDays;

    public async Task<Valuation> ValuationAsync(int days, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user.Principal, Policies.InventoryRead)).Succeeded) return new Valuation([], [], days);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.InventoryItems.AsNoTracking().Where(i => i.IsActive);
        if (user.DealerScope is { } dealerId) items = items.Where(i => i.DealerId == dealerId);

        // Money summed here, not in SQL: SQLite cannot sum decimals.
        var stock = await items.Select(i => new { i.CategoryId, Category = i.Category.Name, i.Quantity, i.CostPrice }).ToListAsync(ct);
        var categories = stock.GroupBy(i => (i.CategoryId, i.Category))
            .Select(g => new CategoryValue(g.Key.CategoryId, g.Key.Category, g.Count(), g.Sum(i => i.Quantity), g.Sum(i => WorkOrderTotals.Round(i.Quantity * i.CostPrice))))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Category).ToList();

        var since = clock.GetUtcNow().UtcDateTime.AddDays(-days);
        var slow = await items.Where(i => i.Quantity > 0 && !db.StockMovements.Any(m => m.InventoryItemId == i.Id && m.CreatedAt >= since))
            .Select(i => new SlowMover(i.Id, i.Sku, i.Name, i.Category.Name, i.Quantity, i.CostPrice,
                db.StockMovements.Where(m => m.InventoryItemId == i.Id).Max(m => (DateTime?)m.CreatedAt)))
            .ToListAsync(ct);
        return new Valuation(categories, slow.OrderBy(s => s.LastMovementAt ?? DateTime.MinValue).ThenBy(s => s.Sku).ToList(), days);
    }
}
