using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>One stocked part as the list and its Excel export show it.</summary>
public sealed record InventoryRow(
    Guid Id, Guid DealerId, string Sku, string? PartNumber, string Name, string Category, int Quantity, int ReorderPoint, int MaxStockLevel,
    decimal CostPrice, decimal UnitPrice, string? Location, string? Supplier, bool IsActive)
{
    public decimal? MarginPercent => InventoryService.MarginPercent(UnitPrice, CostPrice);
    public decimal StockValue => WorkOrderTotals.Round(Quantity * CostPrice);
    public bool AtReorderPoint => IsActive && Quantity <= ReorderPoint;

    /// <summary>Filled when the list spans every dealer (a manufacturer user in "All dealers").</summary>
    public string? DealerCode { get; init; }

    public string Currency { get; init; } = DealerContext.DefaultCurrency;
}

public sealed record CategoryOption(Guid Id, string Name);

/// <summary>An item's page besides its form: the figures the ledger keeps.</summary>
public sealed record InventoryItemDetails(
    Guid Id, string Sku, string Name, string Category, int Quantity, int ReorderPoint, decimal CostPrice, decimal UnitPrice, bool IsActive,
    string Currency, string? DealerCode, DateTime UpdatedAt)
{
    public decimal StockValue => WorkOrderTotals.Round(Quantity * CostPrice);
    public bool AtReorderPoint => IsActive && Quantity <= ReorderPoint;
}

public sealed record InventoryItemView(InventoryItemForm Form, InventoryItemDetails Details);

/// <summary>One row of an item's stock ledger, newest first.</summary>
public sealed record LedgerRow(
    Guid Id, DateTime At, StockMovementType Type, int Quantity, int QuantityAfter, decimal? UnitCost, string? By,
    Guid? WorkOrderId, string? WorkOrderNumber, Guid? StockReceiptId, string? ReceiptNumber, Guid? StockTakeId, string? Reference, string? Reason);

public sealed record LedgerPage(IReadOnlyList<LedgerRow> Rows, int Total);

/// <summary>
/// The parts catalogue and stock of the dealer being worked in: the item list and its export (one query,
/// <see cref="Filtered"/>, behind both), the item form (SKU and part number unique per dealer, min ≤ reorder point ≤ max),
/// the item's ledger, and stock adjustments through <see cref="StockLedger"/>. Reading needs InventoryRead; every change
/// checks InventoryWrite here, not only on the page.
/// </summary>
public sealed class InventoryService(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization, TimeProvider clock)
{
    /// <summary>
    /// The list's filters in the address: <c>category</c> (a category id), <c>stock</c> (<c>reorder</c>: active items at
    /// or below their reorder point; <c>zero</c>: none on hand) and <c>active</c> (<c>no</c> or <c>all</c>; active items when absent).
    /// </summary>
    public static readonly string[] FilterNames = ["category", "stock", "active"];

    public const string AtReorder = "reorder";
    public const string ZeroStock = "zero";

    public const int LedgerPageSize = 25;

    // Never by money: SQLite orders decimals only on the client.
    private static readonly GridSortMap<InventoryItem> Sorts = new GridSortMap<InventoryItem>("sku")
    {
        { "sku", i => i.Sku },
        { "name", i => i.Name },
        { "category", i => i.Category.Name },
        { "onhand", i => i.Quantity },
        { "reorder", i => i.ReorderPoint },
        { "location", i => i.Location },
        { "supplier", i => i.Supplier },
    }.ThenBy(i => i.Sku).ThenBy(i => i.Id);

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryWrite)).Succeeded;

    private async Task<bool> CanReadAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryRead)).Succeeded;

    public static readonly ServiceResult NotAllowed =
        ServiceResult.Fail("", "Only inventory managers and managers change parts and stock. Ask one of them to make this change.");

    private static readonly ServiceResult Missing = ServiceResult.Fail("", "This stock item no longer exists.");

    public static decimal? MarginPercent(decimal price, decimal cost) =>
        price <= 0 ? null : Math.Round((price - cost) / price * 100m, 1, MidpointRounding.AwayFromZero);

    // ---- the list -----------------------------------------------------------------------------------------------

    public async Task<GridResult<InventoryRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return new GridResult<InventoryRow>([], 0, query);
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await Filtered(db, query).ToGridResultAsync(query, Sorts, ToRow, ct);
        return result with { Items = await ShownAsync(db, result.Items, ct) };
    }

    /// <summary>Every row the filters select, in the list's order (all pages), as the export streams them.</summary>
    public async IAsyncEnumerable<InventoryRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!await CanReadAsync()) yield break;
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shown = await ShownAsync(db, ct);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(ct))
            yield return shown(row);
    }

    public async Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InventoryCategories.AsNoTracking().OrderBy(c => c.Name).Select(c => new CategoryOption(c.Id, c.Name)).ToListAsync(ct);
    }

    /// <summary>The suppliers the dealer's items name, for the forms' suggestions.</summary>
    public async Task<IReadOnlyList<string>> SuppliersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Mine(db.InventoryItems.AsNoTracking()).Where(i => i.Supplier != null && i.Supplier != "")
            .Select(i => i.Supplier!).Distinct().OrderBy(s => s).ToListAsync(ct);
    }

    /// <summary>The filters in words, for the export's header.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query, IReadOnlyList<CategoryOption> categories)
    {
        var parts = new List<(string, string)>();
        if (query.Search is { } search) parts.Add(("Search", search));
        if (Guid.TryParse(query.Filter("category"), out var category))
            parts.Add(("Category", categories.FirstOrDefault(c => c.Id == category)?.Name ?? "Unknown"));
        switch (query.Filter("stock")?.ToLowerInvariant())
        {
            case AtReorder: parts.Add(("Stock", "At or below the reorder point")); break;
            case ZeroStock: parts.Add(("Stock", "None on hand")); break;
        }
        parts.Add(("Items", query.Filter("active")?.ToLowerInvariant() switch { "no" => "Inactive", "all" => "Active and inactive", _ => "Active" }));
        return parts;
    }

    /// <summary>The dealer repeated as a plain equality next to the tenancy filter, so the database seeks the dealer's rows on its index.</summary>
    private IQueryable<InventoryItem> Mine(IQueryable<InventoryItem> items) =>
        user.DealerScope is { } dealerId ? items.Where(i => i.DealerId == dealerId) : items;

    private IQueryable<InventoryItem> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var items = Mine(db.InventoryItems.AsNoTracking());
        items = query.Filter("active")?.ToLowerInvariant() switch
        {
            "no" => items.Where(i => !i.IsActive),
            "all" => items,
            _ => items.Where(i => i.IsActive),
        };
        if (Guid.TryParse(query.Filter("category"), out var category)) items = items.Where(i => i.CategoryId == category);
        items = query.Filter("stock")?.ToLowerInvariant() switch
        {
            AtReorder => items.Where(i => i.IsActive && i.Quantity <= i.ReorderPoint),
            ZeroStock => items.Where(i => i.Quantity == 0),
            _ => items,
        };
        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var code = term.ToUpperInvariant();
            var name = term.ToLowerInvariant();
            items = items.Where(i => i.Sku.ToUpper().Contains(code) || (i.PartNumber != null && i.PartNumber.ToUpper().Contains(code))
                                     || i.Name.ToLower().Contains(name));
        }
        return items;
    }

    private static readonly Expression<Func<InventoryItem, InventoryRow>> ToRow = i => new InventoryRow(
        i.Id, i.DealerId, i.Sku, i.PartNumber, i.Name, i.Category.Name, i.Quantity, i.ReorderPoint, i.MaxStockLevel,
        i.CostPrice, i.UnitPrice, i.Location, i.Supplier, i.IsActive);

    /// <summary>Rows with their dealer and currency when the list spans dealers.</summary>
    private async Task<IReadOnlyList<InventoryRow>> ShownAsync(MotorTraceDbContext db, IReadOnlyList<InventoryRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var shown = await ShownAsync(db, ct);
        return [.. rows.Select(shown)];
    }

    /// <summary>How a row gets its dealer and currency: the dealers are read once, before the rows.</summary>
    private async Task<Func<InventoryRow, InventoryRow>> ShownAsync(MotorTraceDbContext db, CancellationToken ct)
    {
        if (!AllDealers) return r => r with { Currency = dealer.Currency };
        var dealers = await DealerContext.LabelsAsync(db, ct);
        return r => r with
        {
            DealerCode = dealers.GetValueOrDefault(r.DealerId)?.Code,
            Currency = dealers.GetValueOrDefault(r.DealerId)?.Currency ?? DealerContext.DefaultCurrency,
        };
    }

    // ---- one item ---------------------------------------------------------------------------------------------------

    /// <summary>The item's form values and page details, or null when missing or another dealer's.</summary>
    public async Task<InventoryItemView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return null;
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.InventoryItems.AsNoTracking().Include(i => i.Category).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var currency = await db.DealerSettings.Where(s => s.DealerId == item.DealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync(ct)
                       ?? DealerContext.DefaultCurrency;
        var dealerCode = AllDealers ? await db.Dealers.Where(d => d.Id == item.DealerId).Select(d => d.DealerCode).FirstOrDefaultAsync(ct) : null;
        var form = new InventoryItemForm
        {
            Sku = item.Sku, PartNumber = item.PartNumber, Name = item.Name, CategoryId = item.CategoryId, Manufacturer = item.Manufacturer,
            Location = item.Location, MinStockLevel = item.MinStockLevel, ReorderPoint = item.ReorderPoint, MaxStockLevel = item.MaxStockLevel,
            UnitPrice = item.UnitPrice, CostPrice = item.CostPrice, Supplier = item.Supplier, SupplierPartNumber = item.SupplierPartNumber,
            Core = item.Core, CorePrice = item.CorePrice, IsActive = item.IsActive, Fingerprint = Fingerprint(item),
        };
        return new InventoryItemView(form, new InventoryItemDetails(item.Id, item.Sku, item.Name, item.Category.Name, item.Quantity, item.ReorderPoint,
            item.CostPrice, item.UnitPrice, item.IsActive, currency, dealerCode, item.UpdatedAt));
    }

    /// <summary>The item's ledger, newest first: <paramref name="take"/> rows and how many there are.</summary>
    public async Task<LedgerPage> LedgerAsync(Guid id, int take = LedgerPageSize, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return new LedgerPage([], 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var movements = db.StockMovements.AsNoTracking().Where(m => m.InventoryItemId == id);
        var total = await movements.CountAsync(ct);
        var rows = await movements.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Math.Clamp(take, 1, 10_000))
            .Select(m => new LedgerRow(m.Id, m.CreatedAt, m.Type, m.Quantity, m.QuantityAfter, m.UnitCost,
                db.Users.Where(u => u.Id == m.CreatedById).Select(u => u.FullName).FirstOrDefault(),
                m.WorkOrderId, m.WorkOrder == null ? null : m.WorkOrder.WorkOrderNumber,
                m.StockReceiptId, m.StockReceipt == null ? null : m.StockReceipt.ReceiptNumber, m.StockTakeId, m.Reference, m.Reason))
            .ToListAsync(ct);
        return new LedgerPage(rows, total);
    }

    public async Task<ServiceResult<Guid>> CreateAsync(InventoryItemForm form)
    {
        if (!await CanWriteAsync()) return NotAllowed;
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await ValidateAsync(db, form, dealerId, exceptId: null) is { Succeeded: false } invalid) return invalid;
        var item = new InventoryItem { DealerId = dealerId, CostPrice = form.CostPrice };
        Apply(form, item);
        db.InventoryItems.Add(item);
        return await SaveAsync(db, item) is { } failure ? failure : new ServiceResult<Guid>(item.Id, ServiceResult.Ok);
    }

    /// <summary>
    /// Saves the form unless its fields changed since it was loaded ("changed by X at HH:MM", the form keeps what was typed).
    /// Stock movements in the meantime do not make the form stale: it does not hold the quantity or the average cost.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, InventoryItemForm form)
    {
        if (!await CanWriteAsync()) return NotAllowed;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        for (var attempt = 0; ; attempt++)
        {
            var item = await db.InventoryItems.FirstOrDefaultAsync(i => i.Id == id);
            if (item is null) return Missing;
            if (Fingerprint(item) != form.Fingerprint)
            {
                var by = item.UpdatedById is { } byId ? await db.Users.Where(u => u.Id == byId).Select(u => u.FullName).FirstOrDefaultAsync() : null;
                return ServiceResult.ChangedBy("stock item", by, dealer.ToLocal(item.UpdatedAt));
            }
            if (await ValidateAsync(db, form, item.DealerId, exceptId: id) is { Succeeded: false } invalid) return invalid;
            Apply(form, item);
            try
            {
                return await SaveAsync(db, item) ?? ServiceResult.Ok;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Stock moved between our read and our save (the ledger renews the version): read again and compare the fields.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The fields the form edits, as stored: equal fingerprints mean nobody saved the form's fields meanwhile.</summary>
    private static string Fingerprint(InventoryItem i)
    {
        var text = string.Join('\u001f', i.Sku, i.PartNumber, i.Name, i.CategoryId, i.Manufacturer, i.Location,
            i.MinStockLevel, i.ReorderPoint, i.MaxStockLevel, i.UnitPrice.ToString("0.00", CultureInfo.InvariantCulture),
            i.Supplier, i.SupplierPartNumber, i.Core, i.CorePrice?.ToString("0.00", CultureInfo.InvariantCulture), i.IsActive);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static void Apply(InventoryItemForm form, InventoryItem item)
    {
        item.Sku = NormalizeCode(form.Sku);
        item.PartNumber = Blank(form.PartNumber)?.ToUpperInvariant();
        item.Name = form.Name.Trim();
        item.CategoryId = form.CategoryId!.Value;
        item.Manufacturer = Blank(form.Manufacturer);
        item.Location = Blank(form.Location);
        item.MinStockLevel = form.MinStockLevel;
        item.ReorderPoint = form.ReorderPoint;
        item.MaxStockLevel = form.MaxStockLevel;
        item.UnitPrice = form.UnitPrice;
        item.Supplier = Blank(form.Supplier);
        item.SupplierPartNumber = Blank(form.SupplierPartNumber);
        item.Core = form.Core;
        item.CorePrice = form.Core ? form.CorePrice : null;
        item.IsActive = form.IsActive;
    }

    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<ServiceResult> ValidateAsync(MotorTraceDbContext db, InventoryItemForm form, Guid dealerId, Guid? exceptId)
    {
        var errors = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(form.Sku) || !System.Text.RegularExpressions.Regex.IsMatch(form.Sku, InventoryLimits.CodePattern))
            errors.Add((nameof(form.Sku), "A SKU has letters, digits, dashes, dots or slashes, and no spaces."));
        else
        {
            var sku = NormalizeCode(form.Sku);
            // Explicit dealer: a manufacturer user has no tenancy filter narrowing this.
            var owner = await db.InventoryItems.AsNoTracking().Where(i => i.DealerId == dealerId && i.Id != exceptId && i.Sku.ToUpper() == sku)
                .Select(i => i.Name).FirstOrDefaultAsync();
            if (owner is not null) errors.Add((nameof(form.Sku), $"{sku} is already the SKU of “{owner}”. Choose another SKU."));
        }
        if (Blank(form.PartNumber)?.ToUpperInvariant() is { } partNumber)
        {
            var owner = await db.InventoryItems.AsNoTracking()
                .Where(i => i.DealerId == dealerId && i.Id != exceptId && i.PartNumber != null && i.PartNumber.ToUpper() == partNumber)
                .Select(i => new { i.Sku, i.Name }).FirstOrDefaultAsync();
            if (owner is not null) errors.Add((nameof(form.PartNumber), $"Part number {partNumber} is already on {owner.Sku} “{owner.Name}”."));
        }
        if (string.IsNullOrWhiteSpace(form.Name)) errors.Add((nameof(form.Name), "Enter the part's name."));
        if (form.CategoryId is not { } category || !await db.InventoryCategories.AnyAsync(c => c.Id == category))
            errors.Add((nameof(form.CategoryId), "Choose a category."));
        if (form.MinStockLevel is < 0 or > InventoryLimits.MaxLevel) errors.Add((nameof(form.MinStockLevel), "Enter a whole number from 0 to 1,000,000."));
        if (form.MaxStockLevel is < 1 or > InventoryLimits.MaxLevel) errors.Add((nameof(form.MaxStockLevel), "Enter a whole number from 1 to 1,000,000."));
        if (form.ReorderPoint < form.MinStockLevel)
            errors.Add((nameof(form.ReorderPoint), $"The reorder point cannot be below the minimum stock ({form.MinStockLevel})."));
        else if (form.ReorderPoint > form.MaxStockLevel)
            errors.Add((nameof(form.ReorderPoint), $"The reorder point cannot be above the maximum stock ({form.MaxStockLevel})."));
        CheckMoney(errors, nameof(form.UnitPrice), form.UnitPrice, "price");
        if (exceptId is null) CheckMoney(errors, nameof(form.CostPrice), form.CostPrice, "cost");
        if (form.Core)
        {
            if (form.CorePrice is not { } corePrice) errors.Add((nameof(form.CorePrice), "Enter the core charge, or untick “Core charge”."));
            else CheckMoney(errors, nameof(form.CorePrice), corePrice, "core charge");
        }
        return errors.Count == 0 ? ServiceResult.Ok : ServiceResult.Fail(errors);
    }

    private static void CheckMoney(List<(string, string)> errors, string field, decimal amount, string what)
    {
        if (amount < 0 || amount > (decimal)InventoryLimits.MaxMoney) errors.Add((field, $"Enter a {what} from 0 to 10,000,000."));
        else if (decimal.Round(amount, 2) != amount) errors.Add((field, $"Enter the {what} with at most two decimals."));
    }

    /// <summary>Null when saved; the unique indexes on (dealer, SKU) and (dealer, part number) are the last word when two people race.</summary>
    private static async Task<ServiceResult?> SaveAsync(MotorTraceDbContext db, InventoryItem item)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await db.InventoryItems.AnyAsync(i => i.DealerId == item.DealerId && i.Id != item.Id && i.Sku == item.Sku))
                return ServiceResult.Fail(nameof(InventoryItemForm.Sku), $"{item.Sku} was just given to another item. Choose another SKU.");
            if (item.PartNumber is not null && await db.InventoryItems.AnyAsync(i => i.DealerId == item.DealerId && i.Id != item.Id && i.PartNumber == item.PartNumber))
                return ServiceResult.Fail(nameof(InventoryItemForm.PartNumber), $"Part number {item.PartNumber} was just given to another item.");
            throw;
        }
    }

    // ---- adjustments ------------------------------------------------------------------------------------------------

    /// <summary>
    /// Adds units to or takes units off an item with a reason, as one Adjustment movement through the ledger; never below
    /// zero. The form's request id makes a repeated tap adjust once.
    /// </summary>
    public async Task<ServiceResult<Guid>> AdjustAsync(Guid id, StockAdjustmentForm form)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId) return NotAllowed;
        if (form.Quantity is < 1 or > InventoryLimits.MaxLevel) return ServiceResult.Fail(nameof(form.Quantity), "Enter how many units, at least 1.");
        if (string.IsNullOrWhiteSpace(form.Reason)) return ServiceResult.Fail(nameof(form.Reason), "Say why the stock changes, e.g. “2 damaged in the store”.");
        if (form.Reason.Trim().Length > InventoryLimits.MaxReason) return ServiceResult.Fail(nameof(form.Reason), "Keep the reason under 500 characters.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = await db.InventoryItems.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.DealerId }).FirstOrDefaultAsync();
        if (item is null) return Missing;
        var now = clock.GetUtcNow().UtcDateTime;
        return await ProcessedRequests.OnceAsync(db, form.RequestId, "AdjustStock", item.DealerId, userId, now, async () =>
        {
            var moved = await StockLedger.AdjustAsync(db, item.DealerId, id, form.Change, form.Reason, now);
            return moved.Succeeded
                ? new ServiceResult<Guid>(id, ServiceResult.Ok)
                : ServiceResult.Fail([.. moved.Errors.Select(e => (e.Field switch { "change" => nameof(form.Quantity), "reason" => nameof(form.Reason), var f => f }, e.Message))]);
        });
    }
}
