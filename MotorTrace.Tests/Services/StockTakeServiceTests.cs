using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteStockTakeServiceTests(SqliteFactory app) : StockTakeServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresStockTakeServiceTests(PostgresFactory app) : StockTakeServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Stock-takes over a real database, acting as the demo users: a sheet lists the active items of its location with what
/// is on hand; counts are whole numbers from zero, a recount overwrites, a stale count names who counted; a count is
/// compared with the book at the moment it was counted, so stock moving while counting is neither counted twice nor
/// lost; posting books exactly the differences in one transaction (all or nothing), once however often it is sent, and
/// not while items are uncounted unless asked; another dealer's sheets are not there. Every test uses its own location.
/// </summary>
public abstract class StockTakeServiceTests(MotorTraceFactory app)
{
    private const string Parts = "parts@d1.motortrace.test";
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string OtherDealerManager = "manager@d2.motortrace.test";

    private Task<T> StockTakes<T>(string email, Func<StockTakeService, Task<T>> work) => app.AsUserAsync(email, work);

    private Task<T> Inventory<T>(string email, Func<InventoryService, Task<T>> work) => app.AsUserAsync(email, work);

    private static string NewLocation() => "Count bay " + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>An active item at <paramref name="location"/> with <paramref name="onHand"/> units, SKU starting with <paramref name="prefix"/>.</summary>
    private async Task<Guid> ItemAsync(string location, int onHand, string prefix = "STK", bool active = true, string email = Parts)
    {
        var category = await app.WithDbAsync(db => db.InventoryCategories.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var created = await Inventory(email, s => s.CreateAsync(new InventoryItemForm
        {
            Sku = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant(), Name = "Count test part", CategoryId = category, Location = location,
            MinStockLevel = 0, ReorderPoint = 0, MaxStockLevel = 50, UnitPrice = 20m, CostPrice = 12.5m, IsActive = active,
        }));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        if (onHand > 0) await MoveAsync(created.Value, onHand, email);
        return created.Value;
    }

    /// <summary>Stock moving outside the count (an issue, a delivery), as an adjustment.</summary>
    private async Task MoveAsync(Guid itemId, int change, string email = Parts)
    {
        var moved = await Inventory(email, s => s.AdjustAsync(itemId, new StockAdjustmentForm
        {
            Direction = change > 0 ? AdjustmentDirection.Add : AdjustmentDirection.TakeOff, Quantity = Math.Abs(change), Reason = "Moved while counting",
        }));
        Assert.True(moved.Succeeded, string.Join(" ", moved.Result.Errors));
    }

    private async Task<Guid> StartAsync(string location, string email = Parts)
    {
        var started = await StockTakes(email, s => s.StartAsync(location, Guid.NewGuid()));
        Assert.True(started.Succeeded, string.Join(" ", started.Result.Errors));
        return started.Value;
    }

    private async Task<StockTakeDetails> SheetAsync(Guid id, string email = Parts) => (await StockTakes(email, s => s.GetAsync(id)))!;

    private async Task<StockTakeLineRow> LineAsync(Guid sheetId, Guid itemId) => (await SheetAsync(sheetId)).Lines.Single(l => l.ItemId == itemId);

    private async Task<ServiceResult<StockTakeLineRow>> CountAsync(Guid sheetId, Guid itemId, int? count, string email = Parts)
    {
        var line = await LineAsync(sheetId, itemId);
        return await StockTakes(email, s => s.CountAsync(line.Id, count, line.Version));
    }

    private async Task CountedAsync(Guid sheetId, Guid itemId, int count)
    {
        var result = await CountAsync(sheetId, itemId, count);
        Assert.True(result.Succeeded, string.Join(" ", result.Result.Errors));
    }

    private Task<int> OnHandAsync(Guid itemId) => app.WithDbAsync(db => db.InventoryItems.IgnoreQueryFilters().Where(i => i.Id == itemId).Select(i => i.Quantity).SingleAsync());

    private Task<List<StockMovement>> LedgerAsync(Guid itemId) =>
        app.WithDbAsync(db => db.StockMovements.IgnoreQueryFilters().AsNoTracking().Where(m => m.InventoryItemId == itemId).ToListAsync());

    private Task<List<StockMovement>> CorrectionsAsync(Guid sheetId) =>
        app.WithDbAsync(db => db.StockMovements.IgnoreQueryFilters().AsNoTracking().Where(m => m.StockTakeId == sheetId).ToListAsync());

    private async Task AssertOnHandIsTheLedgerAsync(params Guid[] items)
    {
        foreach (var item in items) Assert.Equal(await OnHandAsync(item), (await LedgerAsync(item)).Sum(m => m.Quantity));
    }

    private static string Messages(ServiceResult result) => string.Join(" | ", result.Errors.Select(e => e.Message));

    [DatabaseFact]
    public async Task A_sheet_lists_the_active_items_of_its_location_with_what_is_on_hand_and_a_second_open_sheet_for_those_shelves_is_refused()
    {
        var location = NewLocation();
        var pads = await ItemAsync(location, 5);
        var empty = await ItemAsync(location, 0);
        await ItemAsync(location, 3, active: false);
        var elsewhere = await ItemAsync(NewLocation(), 4);

        Assert.Contains(location, await StockTakes(Parts, s => s.LocationsAsync()));
        var id = await StartAsync(location);

        var sheet = await SheetAsync(id);
        Assert.Matches(@"^ST-D001-\d{6}$", sheet.Number);
        Assert.Equal((location, StockTakeStatus.Counting, 0, 2), (sheet.Location, sheet.Status, sheet.Counted, sheet.Lines.Count));
        Assert.Equal([(pads, 5), (empty, 0)], sheet.Lines.Select(l => (l.ItemId, l.Book)).OrderByDescending(l => l.Book));
        Assert.DoesNotContain(sheet.Lines, l => l.ItemId == elsewhere);
        Assert.Equal([5, 0], await app.WithDbAsync(db => db.StockTakeLines.Where(l => l.StockTakeId == id).OrderByDescending(l => l.ExpectedQuantity)
            .Select(l => l.ExpectedQuantity).ToListAsync()));

        var again = await StockTakes(Parts, s => s.StartAsync(location, Guid.NewGuid()));
        Assert.False(again.Succeeded);
        Assert.Equal(id, again.Value);
        Assert.Equal($"{sheet.Number} ({location}) is still being counted. Post or cancel it before starting another sheet for these shelves.", Messages(again.Result));
        // Every location covers these shelves too.
        var everywhere = await StockTakes(Parts, s => s.StartAsync(null, Guid.NewGuid()));
        Assert.Equal(id, everywhere.Value);

        Assert.True((await StockTakes(Parts, s => s.CancelAsync(id, "Started by mistake"))).Succeeded);
        var cancelled = await SheetAsync(id);
        Assert.Equal((StockTakeStatus.Cancelled, "Cancelled: Started by mistake"), (cancelled.Status, cancelled.Notes));
        var next = await StartAsync(location);
        Assert.NotEqual(id, next);
        Assert.True((await StockTakes(Parts, s => s.CancelAsync(next, "Done testing"))).Succeeded);
    }

    [DatabaseFact]
    public async Task A_count_is_a_whole_number_from_zero_a_recount_overwrites_and_a_stale_count_names_who_counted()
    {
        var location = NewLocation();
        var item = await ItemAsync(location, 6);
        var id = await StartAsync(location);

        Assert.Equal("A count cannot be below zero: enter 0 when the shelf is empty.", Messages((await CountAsync(id, item, -1)).Result));
        Assert.Equal("count", (await CountAsync(id, item, null)).Result.Errors.Single().Field);
        Assert.Null((await LineAsync(id, item)).Counted);

        var seen = await LineAsync(id, item);
        await CountedAsync(id, item, 4);
        var first = await LineAsync(id, item);
        var name = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Parts).Select(u => u.FullName).SingleAsync());
        Assert.Equal((4, 6, -2, name), (first.Counted, first.Book, first.Difference, first.CountedBy));
        Assert.Equal(-25m, first.ValueDifference);

        // The tablet that loaded the line before that count: the same number is no conflict (a repeated tap), another one is.
        var same = await StockTakes(Parts, s => s.CountAsync(seen.Id, 4, seen.Version));
        Assert.True(same.Succeeded);
        Assert.Equal(first.Version, (await LineAsync(id, item)).Version);
        var stale = await StockTakes(Parts, s => s.CountAsync(seen.Id, 7, seen.Version));
        Assert.Matches($"^This count was changed by {name} at \\d\\d:\\d\\d to 4\\.", Messages(stale.Result));
        Assert.Equal(4, (await LineAsync(id, item)).Counted);

        await CountedAsync(id, item, 6);
        var recount = await LineAsync(id, item);
        Assert.Equal((6, 0), (recount.Counted, recount.Difference));
        Assert.True(recount.CountedAt >= first.CountedAt);
        Assert.Equal(1, (await SheetAsync(id)).Counted);
        await StockTakes(Parts, s => s.CancelAsync(id, "Test over"));
    }

    [DatabaseFact]
    public async Task Stock_moving_during_the_count_is_neither_counted_twice_nor_lost()
    {
        var location = NewLocation();
        var before = await ItemAsync(location, 10, "STA");
        var after = await ItemAsync(location, 10, "STB");
        var id = await StartAsync(location);

        // Two leave the shelf after the sheet was made but before it was counted: the shelf and the book both show 8.
        await MoveAsync(before, -2);
        await CountedAsync(id, before, 8);
        // One is missing when counted (9 of 10); three are issued after the count.
        await CountedAsync(id, after, 9);
        await MoveAsync(after, -3);

        var posted = await StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid()));
        Assert.True(posted.Succeeded, Messages(posted.Result));

        Assert.Equal(8, await OnHandAsync(before));
        Assert.Equal(6, await OnHandAsync(after)); // 9 counted, 3 issued since
        var corrections = await CorrectionsAsync(id);
        var correction = Assert.Single(corrections);
        Assert.Equal((after, -1, 6, StockMovementType.StockTake), (correction.InventoryItemId, correction.Quantity, correction.QuantityAfter, correction.Type));
        await AssertOnHandIsTheLedgerAsync(before, after);
    }

    [DatabaseFact]
    public async Task Posting_books_exactly_the_differences_with_the_sheet_and_a_repeat_posts_once()
    {
        var location = NewLocation();
        var up = await ItemAsync(location, 3);
        var down = await ItemAsync(location, 7);
        var same = await ItemAsync(location, 2);
        var id = await StartAsync(location);
        await CountedAsync(id, up, 5);
        await CountedAsync(id, down, 6);
        await CountedAsync(id, same, 2);
        var sheet = await SheetAsync(id);
        Assert.Equal(new StockTakeTotals(1, 2, 1, 1, 12.5m), sheet.Totals);

        var request = Guid.NewGuid();
        var posted = await StockTakes(Parts, s => s.PostAsync(id, false, request));
        var repeat = await StockTakes(Parts, s => s.PostAsync(id, false, request));
        Assert.True(posted.Succeeded && repeat.Succeeded, Messages(posted.Result));

        var corrections = await CorrectionsAsync(id);
        Assert.Equal([(down, -1, 6), (up, 2, 5)], corrections.Select(m => (m.InventoryItemId, m.Quantity, m.QuantityAfter)).OrderBy(m => m.Item2));
        Assert.All(corrections, m => Assert.Equal((StockMovementType.StockTake, sheet.Number, 12.5m), (m.Type, m.Reference, m.UnitCost)));
        Assert.Equal((5, 6, 2), (await OnHandAsync(up), await OnHandAsync(down), await OnHandAsync(same)));
        await AssertOnHandIsTheLedgerAsync(up, down, same);
        var done = await SheetAsync(id);
        Assert.Equal(StockTakeStatus.Posted, done.Status);
        Assert.NotNull(done.PostedAt);
        Assert.NotNull(done.PostedBy);
        // A posted sheet keeps the book each line was compared with, and its counts no longer change.
        Assert.Equal([(2, 2), (3, 5), (7, 6)], done.Lines.Select(l => (l.Book, l.Counted!.Value)).OrderBy(l => l.Book));
        Assert.False((await CountAsync(id, up, 9)).Succeeded);
        Assert.Matches("was posted by .* at \\d\\d:\\d\\d", Messages((await StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid()))).Result));
        Assert.Single(await CorrectionsAsync(id), m => m.InventoryItemId == up);
    }

    [DatabaseFact]
    public async Task A_correction_that_would_take_stock_below_zero_refuses_the_whole_posting_and_changes_nothing()
    {
        var location = NewLocation();
        var found = await ItemAsync(location, 1, "STA"); // posted first: the refusal must undo it
        var gone = await ItemAsync(location, 5, "STZ");
        var id = await StartAsync(location);
        await CountedAsync(id, found, 4);
        await CountedAsync(id, gone, 2);
        await MoveAsync(gone, -4); // 1 left, but the count takes off 3

        var posted = await StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid()));

        Assert.False(posted.Succeeded);
        var gonesSku = await app.WithDbAsync(db => db.InventoryItems.Where(i => i.Id == gone).Select(i => i.Sku).SingleAsync());
        Assert.Matches($"^{gonesSku} Count test part: the count takes off 3 but only 1 is on hand now", Messages(posted.Result));
        Assert.Empty(await CorrectionsAsync(id));
        Assert.Equal((1, 1), (await OnHandAsync(found), await OnHandAsync(gone)));
        var sheet = await SheetAsync(id);
        Assert.Equal((StockTakeStatus.Counting, null), (sheet.Status, sheet.PostedAt));

        // Counted again, it posts.
        await CountedAsync(id, gone, 1);
        Assert.True((await StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid()))).Succeeded);
        Assert.Equal((4, 1), (await OnHandAsync(found), await OnHandAsync(gone)));
        await AssertOnHandIsTheLedgerAsync(found, gone);
    }

    [DatabaseFact]
    public async Task Posting_from_several_tablets_at_once_posts_once()
    {
        var location = NewLocation();
        var a = await ItemAsync(location, 4);
        var b = await ItemAsync(location, 4);
        var id = await StartAsync(location);
        await CountedAsync(id, a, 6);
        await CountedAsync(id, b, 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid())))));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(2, (await CorrectionsAsync(id)).Count);
        Assert.Equal((6, 1), (await OnHandAsync(a), await OnHandAsync(b)));
        await AssertOnHandIsTheLedgerAsync(a, b);
    }

    [DatabaseFact]
    public async Task Uncounted_items_block_posting_unless_they_are_treated_as_unchanged()
    {
        var location = NewLocation();
        var counted = await ItemAsync(location, 5);
        var uncounted = await ItemAsync(location, 5);
        var id = await StartAsync(location);
        await CountedAsync(id, counted, 3);

        var refused = await StockTakes(Parts, s => s.PostAsync(id, false, Guid.NewGuid()));
        Assert.Equal(("uncounted", "1 of 2 items is not counted yet. Count it, or post with “treat uncounted as unchanged”."),
            refused.Result.Errors.Single());
        Assert.Empty(await CorrectionsAsync(id));
        Assert.Equal(StockTakeStatus.Counting, (await SheetAsync(id)).Status);

        Assert.True((await StockTakes(Parts, s => s.PostAsync(id, true, Guid.NewGuid()))).Succeeded);
        Assert.Equal((3, 5), (await OnHandAsync(counted), await OnHandAsync(uncounted)));
        Assert.Equal(counted, Assert.Single(await CorrectionsAsync(id)).InventoryItemId);
    }

    [DatabaseFact]
    public async Task Another_dealers_sheets_are_not_there_and_advisors_only_read()
    {
        var location = NewLocation();
        var theirs = await ItemAsync(location, 2, email: OtherDealerManager);
        var id = await StartAsync(location, OtherDealerManager);
        var theirLine = (await SheetAsync(id, OtherDealerManager)).Lines.Single();
        Assert.StartsWith("ST-D002-", (await SheetAsync(id, OtherDealerManager)).Number);

        Assert.Null(await StockTakes(Parts, s => s.GetAsync(id)));
        Assert.False((await StockTakes(Parts, s => s.CountAsync(theirLine.Id, 0, theirLine.Version))).Succeeded);
        Assert.False((await StockTakes(Parts, s => s.PostAsync(id, true, Guid.NewGuid()))).Succeeded);
        Assert.False((await StockTakes(Parts, s => s.CancelAsync(id, "Not mine"))).Succeeded);
        Assert.Empty((await StockTakes(Parts, s => s.ListAsync(new GridQuery { Search = location }))).Items);
        Assert.DoesNotContain(location, await StockTakes(Parts, s => s.LocationsAsync()));
        Assert.Equal((StockTakeStatus.Counting, (int?)null), ((await SheetAsync(id, OtherDealerManager)).Status, (await SheetAsync(id, OtherDealerManager)).Lines[0].Counted));
        Assert.Equal(2, await OnHandAsync(theirs));

        var mine = NewLocation();
        var item = await ItemAsync(mine, 1);
        Assert.Equal(StockTakeService.NotAllowed, (await StockTakes(Advisor, s => s.StartAsync(mine, Guid.NewGuid()))).Result);
        var sheet = await StartAsync(mine);
        var line = await LineAsync(sheet, item);
        Assert.Equal(StockTakeService.NotAllowed, (await StockTakes(Advisor, s => s.CountAsync(line.Id, 1, line.Version))).Result);
        Assert.Equal(StockTakeService.NotAllowed, (await StockTakes(Advisor, s => s.PostAsync(sheet, true, Guid.NewGuid()))).Result);
        Assert.NotNull(await StockTakes(Advisor, s => s.GetAsync(sheet)));
        var listed = await StockTakes(Advisor, s => s.ListAsync(new GridQuery { Search = mine, Filters = new Dictionary<string, string> { ["status"] = "counting" } }));
        Assert.Equal((1, 0, 1), (listed.Items.Single().Lines, listed.Items.Single().Counted, listed.Total));
        await StockTakes(Parts, s => s.CancelAsync(sheet, "Test over"));
        await StockTakes(OtherDealerManager, s => s.CancelAsync(id, "Test over"));
    }
}
