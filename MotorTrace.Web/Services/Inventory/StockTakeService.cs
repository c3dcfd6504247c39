using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Numbering;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>One count sheet in the stock-takes list.</summary>
public sealed record StockTakeRow(Guid Id, string Number, string? Location, StockTakeStatus Status, DateTime StartedAt, string? StartedBy, DateTime? PostedAt)
{
    public int Lines { get; init; }
    public int Counted { get; init; }
    public int Differences { get; init; }
    public string? DealerCode { get; init; }
}

/// <summary>
/// One item on a count sheet as the counting page shows it. <see cref="Book"/> is what the ledger said when the shelf was
/// counted (for a line not counted yet: the item's on-hand now); the difference is the count against it.
/// </summary>
public sealed record StockTakeLineRow(Guid Id, Guid ItemId, string Sku, string Name, string? Location, int Book, int? Counted, string? CountedBy,
    DateTime? CountedAt, decimal CostPrice, Guid Version)
{
    public int? Difference => Counted - Book;
    public decimal ValueDifference => WorkOrderTotals.Round((Difference ?? 0) * CostPrice);
}

public sealed record StockTakeDetails(Guid Id, Guid DealerId, string Number, string? Location, StockTakeStatus Status, DateTime StartedAt, string? StartedBy,
    DateTime? PostedAt, string? PostedBy, string? Notes, string Currency, Guid Version, IReadOnlyList<StockTakeLineRow> Lines)
{
    public int Counted => Lines.Count(l => l.Counted is not null);
    public int Uncounted => Lines.Count - Counted;
    public StockTakeTotals Totals => StockTakeTotals.Of(Lines);
    public string LocationText => StockTakeService.LocationText(Location);
}

/// <summary>What posting a sheet changes: how many items go up and down, and by how much at cost.</summary>
public sealed record StockTakeTotals(int ItemsUp, int UnitsUp, int ItemsDown, int UnitsDown, decimal ValueDifference)
{
    public static StockTakeTotals Of(IEnumerable<StockTakeLineRow> lines)
    {
        var changed = lines.Where(l => l.Difference is not null and not 0).ToList();
        return new StockTakeTotals(changed.Count(l => l.Difference > 0), changed.Where(l => l.Difference > 0).Sum(l => l.Difference!.Value),
            changed.Count(l => l.Difference < 0), -changed.Where(l => l.Difference < 0).Sum(l => l.Difference!.Value), changed.Sum(l => l.ValueDifference));
    }
}

/// <summary>
/// Stock-takes: a count sheet for one bin location (or every location) with a line per active item, counted on a tablet
/// line by line, then posted: each difference becomes one StockTake movement through <see cref="StockLedger"/>, all in
/// one transaction with the sheet's status. <b>The rule of what a count is compared with:</b> when a line is counted,
/// its expected quantity becomes the item's on-hand at that moment (the book quantity when the shelf was counted), so
/// parts issued or received while the count goes on are neither counted twice nor lost: an issue before the shelf was
/// counted is in both the book and the shelf, one after it is applied on top of the correction. At most one open sheet
/// covers a location (an every-location sheet covers them all), so no item is corrected twice. Reading needs
/// InventoryRead; starting, counting, posting and cancelling need InventoryWrite (the parts store, managers, admins).
/// </summary>
public sealed class StockTakeService(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization,
    NumberingService numbering, TimeProvider clock)
{
    public const string Series = "StockTake";
    public const int MaxCount = 1_000_000;
    public const int MaxReason = 500;

    /// <summary>The list's filter in the address: <c>status</c> (counting, posted or cancelled).</summary>
    public static readonly string[] FilterNames = ["status"];

    private static readonly GridSortMap<StockTake> Sorts = new GridSortMap<StockTake>("started", SortOrder.Desc)
    {
        { "started", t => t.CreatedAt },
        { "number", t => t.Number },
        { "location", t => t.Location },
    }.ThenBy(t => t.Id);

    public static readonly ServiceResult NotAllowed =
        ServiceResult.Fail("", "Only inventory managers, managers and administrators take stock. Ask one of them.");

    private static readonly ServiceResult Missing = ServiceResult.Fail("", "This stock-take no longer exists.");

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryWrite)).Succeeded;

    private async Task<bool> CanReadAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryRead)).Succeeded;

    public static string LocationText(string? location) => location ?? "Every location";

    // ---- reading ----------------------------------------------------------------------------------------------------

    public async Task<GridResult<StockTakeRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return new GridResult<StockTakeRow>([], 0, query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheets = db.StockTakes.AsNoTracking();
        if (user.DealerScope is { } dealerId) sheets = sheets.Where(t => t.DealerId == dealerId);
        if (Enum.TryParse<StockTakeStatus>(query.Filter("status"), ignoreCase: true, out var status) && Enum.IsDefined(status))
            sheets = sheets.Where(t => t.Status == status);
        if (query.Search?.Trim() is { Length: > 0 } term)
        {
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            sheets = sheets.Where(t => t.Number.Contains(upper) || (t.Location != null && t.Location.ToLower().Contains(lower)));
        }
        return await sheets.ToGridResultAsync(query, Sorts, t => new StockTakeRow(t.Id, t.Number, t.Location, t.Status, t.CreatedAt,
            db.Users.Where(u => u.Id == t.CreatedById).Select(u => u.FullName).FirstOrDefault(), t.PostedAt)
        {
            Lines = t.Lines.Count,
            Counted = t.Lines.Count(l => l.CountedQuantity != null),
            Differences = t.Lines.Count(l => l.CountedQuantity != null && l.CountedQuantity != l.ExpectedQuantity),
            DealerCode = AllDealers ? db.Dealers.Where(d => d.Id == t.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null,
        }, ct);
    }

    /// <summary>The bin locations of the dealer's active items, for starting a sheet.</summary>
    public async Task<IReadOnlyList<string>> LocationsAsync(CancellationToken ct = default)
    {
        if (!await CanReadAsync() || user.DealerScope is not { } dealerId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InventoryItems.AsNoTracking().Where(i => i.DealerId == dealerId && i.IsActive && i.Location != null && i.Location != "")
            .Select(i => i.Location!).Distinct().OrderBy(l => l).ToListAsync(ct);
    }

    /// <summary>The sheet with its lines sorted by bin and SKU, or null when missing or another dealer's.</summary>
    public async Task<StockTakeDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sheet = await db.StockTakes.AsNoTracking().Where(t => t.Id == id).Select(t => new
        {
            t.Id, t.DealerId, t.Number, t.Location, t.Status, t.CreatedAt, t.PostedAt, t.Notes, t.Version,
            StartedBy = db.Users.Where(u => u.Id == t.CreatedById).Select(u => u.FullName).FirstOrDefault(),
            PostedBy = db.Users.Where(u => u.Id == t.PostedById).Select(u => u.FullName).FirstOrDefault(),
            Currency = db.DealerSettings.Where(s => s.DealerId == t.DealerId).Select(s => s.CurrencyCode).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (sheet is null) return null;
        var lines = await Lines(db, db.StockTakeLines.Where(l => l.StockTakeId == id), live: sheet.Status == StockTakeStatus.Counting).ToListAsync(ct);
        return new StockTakeDetails(sheet.Id, sheet.DealerId, sheet.Number, sheet.Location, sheet.Status, sheet.CreatedAt, sheet.StartedBy, sheet.PostedAt,
            sheet.PostedBy, sheet.Notes, sheet.Currency ?? DealerContext.DefaultCurrency, sheet.Version,
            lines.OrderBy(l => l.Location ?? "\uffff", StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Sku, StringComparer.Ordinal).ToList());
    }

    /// <summary>Lines as shown; while counting, an uncounted line's book quantity is the item's on-hand now.</summary>
    private static IQueryable<StockTakeLineRow> Lines(MotorTraceDbContext db, IQueryable<StockTakeLine> lines, bool live) =>
        lines.AsNoTracking().Select(l => new StockTakeLineRow(l.Id, l.InventoryItemId, l.InventoryItem.Sku, l.InventoryItem.Name, l.InventoryItem.Location,
            live && l.CountedQuantity == null ? l.InventoryItem.Quantity : l.ExpectedQuantity, l.CountedQuantity,
            db.Users.Where(u => u.Id == l.CountedById).Select(u => u.FullName).FirstOrDefault(), l.CountedAt, l.InventoryItem.CostPrice, l.Version));

    // ---- starting -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Starts a count sheet for <paramref name="location"/> (null: every location) with a line per active item there,
    /// expecting what is on hand now. Refused while another open sheet covers the same shelves (the refusal's value is that sheet's id).
    /// </summary>
    public async Task<ServiceResult<Guid>> StartAsync(string? location, Guid requestId)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId) return NotAllowed;
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        await using var db = await dbFactory.CreateDbContextAsync();
        var items = db.InventoryItems.Where(i => i.DealerId == dealerId && i.IsActive);
        if (location is not null) items = items.Where(i => i.Location == location);
        if (!await items.AnyAsync())
            return ServiceResult.Fail(nameof(location), location is null ? "There are no active items to count." : $"No active item is kept at {location}.");

        var code = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode).SingleAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        return await ProcessedRequests.OnceAsync(db, requestId, "StartStockTake", dealerId, userId, now, async () =>
        {
            // Inside the transaction: two people starting the same location at once take the numbering row in turn,
            // so the second one sees the first one's sheet here.
            var number = await numbering.NextAsync(db, dealerId, Series);
            if (await OpenOverlappingAsync(db, dealerId, location) is { } open)
                return new ServiceResult<Guid>(open.Id, ServiceResult.Fail(nameof(location),
                    $"{open.Number} ({LocationText(open.Location)}) is still being counted. Post or cancel it before starting another sheet for these shelves."));
            var sheet = new StockTake
            {
                DealerId = dealerId, Number = $"ST-{code}-{number.ToString("000000", CultureInfo.InvariantCulture)}", Location = location,
                Status = StockTakeStatus.Counting,
            };
            var onHand = await items.AsNoTracking().Select(i => new { i.Id, i.Quantity }).ToListAsync();
            sheet.Lines = onHand.Select(i => new StockTakeLine { DealerId = dealerId, InventoryItemId = i.Id, ExpectedQuantity = i.Quantity }).ToList();
            db.StockTakes.Add(sheet);
            return new ServiceResult<Guid>(sheet.Id, ServiceResult.Ok);
        });
    }

    private static Task<StockTake?> OpenOverlappingAsync(MotorTraceDbContext db, Guid dealerId, string? location) =>
        db.StockTakes.AsNoTracking()
            .Where(t => t.DealerId == dealerId && t.Status == StockTakeStatus.Counting && (location == null || t.Location == null || t.Location == location))
            .OrderBy(t => t.CreatedAt).FirstOrDefaultAsync();

    // ---- counting -----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Records what was counted on the shelf for one line and sets the line's expected quantity to the item's on-hand at this
    /// moment. <paramref name="version"/> is the line as the page last saw it: when someone else counted it since, the save is
    /// refused with who and when, unless they counted the same (then nothing is saved again, as for a repeated tap).
    /// </summary>
    public async Task<ServiceResult<StockTakeLineRow>> CountAsync(Guid lineId, int? counted, Guid version)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId) return NotAllowed;
        if (counted is null) return ServiceResult.Fail("count", "Enter the number counted on the shelf.");
        if (counted < 0) return ServiceResult.Fail("count", "A count cannot be below zero: enter 0 when the shelf is empty.");
        if (counted > MaxCount) return ServiceResult.Fail("count", "Enter a whole number up to 1,000,000.");
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var line = await db.StockTakeLines.Include(l => l.StockTake).FirstOrDefaultAsync(l => l.Id == lineId);
        if (line is null) return Missing;
        if (line.StockTake.Status != StockTakeStatus.Counting)
            return ServiceResult.Fail("count", $"{line.StockTake.Number} is {(line.StockTake.Status == StockTakeStatus.Posted ? "posted" : "cancelled")}: counts can no longer change.");
        if (line.Version != version)
        {
            if (line.CountedQuantity == counted) return new ServiceResult<StockTakeLineRow>(await RowAsync(db, lineId), ServiceResult.Ok);
            return await ChangedByAsync(db, line);
        }
        line.ExpectedQuantity = await db.InventoryItems.Where(i => i.Id == line.InventoryItemId).Select(i => i.Quantity).SingleAsync();
        line.CountedQuantity = counted;
        line.CountedById = userId;
        line.CountedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var now = await db.StockTakeLines.Include(l => l.StockTake).FirstOrDefaultAsync(l => l.Id == lineId);
            if (now is null) return Missing;
            if (now.CountedQuantity == counted) return new ServiceResult<StockTakeLineRow>(await RowAsync(db, lineId), ServiceResult.Ok);
            return await ChangedByAsync(db, now);
        }
        return new ServiceResult<StockTakeLineRow>(await RowAsync(db, lineId), ServiceResult.Ok);
    }

    private async Task<ServiceResult> ChangedByAsync(MotorTraceDbContext db, StockTakeLine line)
    {
        var by = line.CountedById is { } byId ? await db.Users.Where(u => u.Id == byId).Select(u => u.FullName).FirstOrDefaultAsync() : null;
        var at = dealer.ToLocal(line.CountedAt ?? clock.GetUtcNow().UtcDateTime);
        return ServiceResult.Fail("count", $"This count was changed by {by ?? "someone else"} at {at:HH:mm} to {line.CountedQuantity?.ToString("N0") ?? "nothing"}. " +
                                           "Your number is kept: count again, then save.");
    }

    private static async Task<StockTakeLineRow> RowAsync(MotorTraceDbContext db, Guid lineId) =>
        await Lines(db, db.StockTakeLines.Where(l => l.Id == lineId), live: true).SingleAsync();

    // ---- posting and cancelling ----------------------------------------------------------------------------------------

    /// <summary>
    /// Posts the sheet: one StockTake movement per difference (counted − expected at count time), all in one transaction with
    /// the status change. Refused while lines are uncounted unless <paramref name="uncountedUnchanged"/>; refused as a whole
    /// when a correction would take an item below zero (stock moved since it was counted). A repeat posts once.
    /// </summary>
    public async Task<ServiceResult<Guid>> PostAsync(Guid id, bool uncountedUnchanged, Guid requestId)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId) return NotAllowed;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var sheet = await db.StockTakes.AsNoTracking().Where(t => t.Id == id).Select(t => new { t.Id, t.DealerId, t.Number, t.Status }).FirstOrDefaultAsync();
        if (sheet is null) return Missing;
        var now = clock.GetUtcNow().UtcDateTime;
        return await ProcessedRequests.OnceAsync(db, requestId, "PostStockTake", sheet.DealerId, userId, now, async () =>
        {
            // Claims the sheet: a second post (another tab, a repeat) waits on this row and then finds it posted.
            var claimed = await db.StockTakes.Where(t => t.Id == id && t.Status == StockTakeStatus.Counting)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, StockTakeStatus.Posted)
                    .SetProperty(t => t.PostedAt, now)
                    .SetProperty(t => t.PostedById, userId)
                    .SetProperty(t => t.UpdatedAt, now)
                    .SetProperty(t => t.UpdatedById, userId)
                    .SetProperty(t => t.Version, Guid.NewGuid()));
            if (claimed == 0) return await NotCountingAsync(db, id);

            var lines = await db.StockTakeLines.AsNoTracking().Where(l => l.StockTakeId == id)
                .Select(l => new { l.InventoryItemId, l.InventoryItem.Sku, l.InventoryItem.Name, l.ExpectedQuantity, l.CountedQuantity, l.CountedAt })
                .OrderBy(l => l.Sku).ToListAsync();
            var uncounted = lines.Count(l => l.CountedQuantity is null);
            if (uncounted > 0 && !uncountedUnchanged)
                return ServiceResult.Fail("uncounted", $"{uncounted:N0} of {lines.Count:N0} item{(lines.Count == 1 ? "" : "s")} " +
                                                       $"{(uncounted == 1 ? "is" : "are")} not counted yet. Count {(uncounted == 1 ? "it" : "them")}, " +
                                                       "or post with “treat uncounted as unchanged”.");
            foreach (var line in lines.Where(l => l.CountedQuantity is { } c && c != l.ExpectedQuantity))
            {
                var change = line.CountedQuantity!.Value - line.ExpectedQuantity;
                var moved = await StockLedger.AdjustAsync(db, sheet.DealerId, line.InventoryItemId, change,
                    $"Stock-take: counted {line.CountedQuantity:N0}, book {line.ExpectedQuantity:N0}", now, StockMovementType.StockTake, sheet.Number, id);
                if (!moved.Succeeded)
                {
                    var left = await db.InventoryItems.Where(i => i.Id == line.InventoryItemId).Select(i => (int?)i.Quantity).FirstOrDefaultAsync();
                    return ServiceResult.Fail("", left is null
                        ? $"{line.Sku} {line.Name} no longer exists, so its count cannot be posted. Nothing was posted."
                        : $"{line.Sku} {line.Name}: the count takes off {-change:N0} but only {left:N0} {(left == 1 ? "is" : "are")} on hand now " +
                          $"(parts left the shelf after it was counted at {dealer.ToLocal(line.CountedAt!.Value):HH:mm}). Count it again, then post. Nothing was posted.");
                }
            }
            return new ServiceResult<Guid>(id, ServiceResult.Ok);
        });
    }

    /// <summary>Cancels a sheet that is still being counted; nothing moves. The reason is kept in the sheet's notes.</summary>
    public async Task<ServiceResult> CancelAsync(Guid id, string? reason)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId) return NotAllowed;
        if (string.IsNullOrWhiteSpace(reason)) return ServiceResult.Fail("reason", "Say why the count is cancelled.");
        if (reason.Trim().Length > MaxReason) return ServiceResult.Fail("reason", "Keep the reason under 500 characters.");
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = await db.StockTakes.Where(t => t.Id == id && t.Status == StockTakeStatus.Counting)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, StockTakeStatus.Cancelled)
                .SetProperty(t => t.Notes, t => (t.Notes == null ? "" : t.Notes + "\n") + "Cancelled: " + reason.Trim())
                .SetProperty(t => t.UpdatedAt, now)
                .SetProperty(t => t.UpdatedById, userId)
                .SetProperty(t => t.Version, Guid.NewGuid()));
        return cancelled == 1 ? ServiceResult.Ok : await NotCountingAsync(db, id);
    }

    private async Task<ServiceResult> NotCountingAsync(MotorTraceDbContext db, Guid id)
    {
        var now = await db.StockTakes.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Number, t.Status, t.UpdatedAt, By = db.Users.Where(u => u.Id == t.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (now is null) return Missing;
        return ServiceResult.Fail("", $"{now.Number} was {(now.Status == StockTakeStatus.Posted ? "posted" : "cancelled")} by {now.By ?? "someone else"} " +
                                      $"at {dealer.ToLocal(now.UpdatedAt):HH:mm}: nothing more to do.");
    }
}
