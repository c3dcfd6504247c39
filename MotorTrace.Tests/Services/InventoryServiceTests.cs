using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteInventoryServiceTests(SqliteFactory app) : InventoryServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresInventoryServiceTests(PostgresFactory app) : InventoryServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Parts and stock over a real database, acting as the demo users: every quantity change is a ledger row and the ledger
/// explains the quantity after any sequence of operations; the last units go to exactly as many people as there are
/// units; deliveries move the average cost, are numbered per dealer and book once however often they are sent; the item
/// form keeps SKU and part number unique and min ≤ reorder point ≤ max, and refuses a stale save with who and when;
/// another dealer's records are not there. Every test makes its own items (SKUs unique per test).
/// </summary>
public abstract class InventoryServiceTests(MotorTraceFactory app)
{
    private const string Parts = "parts@d1.motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string OtherDealerManager = "manager@d2.motortrace.test";

    private Task<T> Inventory<T>(string email, Func<InventoryService, Task<T>> work) => app.AsUserAsync(email, work);

    private Task<T> Receiving<T>(string email, Func<ReceivingService, Task<T>> work) => app.AsUserAsync(email, work);

    private static string Messages(ServiceResult result, string field) =>
        string.Join(" | ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));

    private static string UniqueSku(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    private async Task<Guid> CategoryAsync() => await app.WithDbAsync(db => db.InventoryCategories.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());

    private async Task<InventoryItemForm> ItemFormAsync(string? sku = null, string? partNumber = null) => new()
    {
        Sku = sku ?? UniqueSku("TST"), PartNumber = partNumber, Name = "Test brake pads", CategoryId = await CategoryAsync(), Location = "Rack T-01",
        MinStockLevel = 2, ReorderPoint = 4, MaxStockLevel = 20, UnitPrice = 150m, CostPrice = 100m, Supplier = "Test Parts Co", IsActive = true,
    };

    /// <summary>A new item of dealer 1 with <paramref name="onHand"/> units booked in by an adjustment.</summary>
    private async Task<Guid> NewItemAsync(int onHand = 0, string email = Parts, Action<InventoryItemForm>? change = null)
    {
        var form = await ItemFormAsync();
        change?.Invoke(form);
        var created = await Inventory(email, s => s.CreateAsync(form));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        if (onHand > 0) await AdjustAsync(created.Value, onHand);
        return created.Value;
    }

    private async Task<ServiceResult<Guid>> AdjustAsync(Guid id, int change, string reason = "Opening count", string email = Parts) =>
        await Inventory(email, s => s.AdjustAsync(id, new StockAdjustmentForm
        {
            Direction = change > 0 ? AdjustmentDirection.Add : AdjustmentDirection.TakeOff, Quantity = Math.Abs(change), Reason = reason,
        }));

    private Task<InventoryItem> ItemAsync(Guid id) => app.WithDbAsync(db => db.InventoryItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<List<StockMovement>> LedgerAsync(Guid id) =>
        app.WithDbAsync(db => db.StockMovements.AsNoTracking().Where(m => m.InventoryItemId == id).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync());

    private static StockReceiptForm Delivery(params (Guid Item, int Quantity, decimal Cost)[] lines) => new()
    {
        Supplier = "Test Parts Co", SupplierInvoiceNumber = "INV-" + Guid.NewGuid().ToString("N")[..6], SupplierInvoiceDate = DateTime.UtcNow.Date.AddDays(-1),
        Lines = lines.Select(l => new StockReceiptLineForm { Item = new ItemChoice(l.Item, "SKU", "Item", 0m, null, 0), Quantity = l.Quantity, UnitCost = l.Cost }).ToList(),
    };

    /// <summary>A dealer-1 work-order part pointed at <paramref name="itemId"/>, for issuing and returning through the ledger directly.</summary>
    private async Task<WorkOrderPart> PartForAsync(Guid itemId)
    {
        var part = await app.WithDbAsync(async db =>
        {
            var dealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
            return await db.WorkOrderParts.IgnoreQueryFilters().AsNoTracking().Where(p => p.DealerId == dealerId).OrderBy(p => p.Id).FirstAsync();
        });
        part.InventoryItemId = itemId;
        part.IssuedQuantity = 0;
        part.Description = "Test brake pads";
        return part;
    }

    private static WorkOrderPart Copy(WorkOrderPart part) => new()
    {
        Id = part.Id, DealerId = part.DealerId, WorkOrderId = part.WorkOrderId, InventoryItemId = part.InventoryItemId, Description = part.Description,
    };

    /// <summary>Runs one ledger operation in its own context and transaction, as the inventory manager.</summary>
    private async Task<ServiceResult> InTransactionAsync(Func<MotorTraceDbContext, Task<ServiceResult>> work)
    {
        await using var scope = await app.ScopeAsAsync(Parts);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MotorTraceDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work(db);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return result;
    }

    // ---- the ledger ----

    [DatabaseFact]
    public async Task After_a_long_random_sequence_of_receipts_issues_returns_and_adjustments_on_hand_equals_the_sum_of_the_ledger()
    {
        var id = await NewItemAsync();
        var part = await PartForAsync(id);
        var random = new Random(20261206);
        var expected = 0;
        var refused = 0;
        for (var step = 0; step < 120; step++)
        {
            var quantity = random.Next(1, 9);
            switch (random.Next(4))
            {
                case 0:
                    var received = await Receiving(Parts, s => s.ReceiveAsync(Delivery((id, quantity, 90m + random.Next(0, 40)))));
                    Assert.True(received.Succeeded, string.Join(" ", received.Result.Errors));
                    expected += quantity;
                    break;
                case 1:
                    // Sometimes a little more than the shelf holds.
                    quantity = random.Next(1, expected + 4);
                    var issued = await InTransactionAsync(db => StockLedger.IssueAsync(db, part, "WO-TEST", quantity, DateTime.UtcNow));
                    if (quantity <= expected)
                    {
                        Assert.True(issued.Succeeded, string.Join(" ", issued.Errors));
                        expected -= quantity;
                    }
                    else
                    {
                        Assert.False(issued.Succeeded);
                        refused++;
                    }
                    break;
                case 2:
                    var back = Math.Min(quantity, part.IssuedQuantity);
                    if (back == 0) break;
                    var returned = await InTransactionAsync(db => StockLedger.ReturnAsync(db, part, "WO-TEST", back, DateTime.UtcNow));
                    Assert.True(returned.Succeeded, string.Join(" ", returned.Errors));
                    expected += back;
                    break;
                default:
                    var change = random.Next(2) == 0 ? quantity : -random.Next(1, expected + 4);
                    var adjusted = await AdjustAsync(id, change, "Count correction");
                    if (expected + change >= 0)
                    {
                        Assert.True(adjusted.Succeeded, string.Join(" ", adjusted.Result.Errors));
                        expected += change;
                    }
                    else
                    {
                        Assert.Contains("left", Messages(adjusted.Result, nameof(StockAdjustmentForm.Quantity)) + Messages(adjusted.Result, ""));
                        refused++;
                    }
                    break;
            }

            var item = await ItemAsync(id);
            var ledger = await LedgerAsync(id);
            Assert.Equal(expected, item.Quantity);
            Assert.Equal(item.Quantity, ledger.Sum(m => m.Quantity));
        }

        // The balance after each movement is the one before plus the movement, and never below zero.
        var movements = await LedgerAsync(id);
        var running = 0;
        foreach (var movement in movements)
        {
            running += movement.Quantity;
            Assert.Equal(running, movement.QuantityAfter);
            Assert.True(movement.QuantityAfter >= 0);
        }
        Assert.True(refused > 0, "the sequence should also try to take more than is on the shelf");
        Assert.Contains(movements, m => m.Type == StockMovementType.Receipt);
        Assert.Contains(movements, m => m.Type == StockMovementType.Issue);
        Assert.Contains(movements, m => m.Type == StockMovementType.Return);
        Assert.Contains(movements, m => m.Type == StockMovementType.Adjustment);
    }

    [DatabaseFact]
    public async Task Fifty_people_issuing_the_last_ten_units_at_once_get_exactly_ten_and_the_rest_are_told_none_are_left()
    {
        var id = await NewItemAsync(onHand: 10);
        var part = await PartForAsync(id);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            InTransactionAsync(db => StockLedger.IssueAsync(db, Copy(part), "WO-TEST", 1, DateTime.UtcNow)))));

        Assert.Equal(10, results.Count(r => r.Succeeded));
        var refusals = results.Where(r => !r.Succeeded).SelectMany(r => r.Errors.Select(e => e.Message)).ToList();
        Assert.Equal(40, refusals.Count);
        Assert.All(refusals, m => Assert.Matches("out of stock|Only \\d+ left", m));
        Assert.Equal(0, (await ItemAsync(id)).Quantity);
        var ledger = await LedgerAsync(id);
        Assert.Equal(10, ledger.Count(m => m.Type == StockMovementType.Issue));
        Assert.Equal(0, ledger.Sum(m => m.Quantity));
    }

    [DatabaseFact]
    public async Task Taking_off_more_than_is_on_the_shelf_is_refused_at_the_quantity_and_changes_nothing()
    {
        var id = await NewItemAsync(onHand: 3);

        var result = await AdjustAsync(id, -5, "Damaged");

        Assert.Equal("Only 3 left: at most 3 can be taken off.", Messages(result.Result, nameof(StockAdjustmentForm.Quantity)));
        Assert.Equal(3, (await ItemAsync(id)).Quantity);
        Assert.Single(await LedgerAsync(id));
    }

    [DatabaseFact]
    public async Task An_adjustment_records_who_why_and_the_balance_and_a_repeated_tap_adjusts_once()
    {
        var id = await NewItemAsync(onHand: 8);
        var form = new StockAdjustmentForm { Direction = AdjustmentDirection.TakeOff, Quantity = 2, Reason = "Two damaged by a leak" };

        var first = await Inventory(Parts, s => s.AdjustAsync(id, form));
        var repeat = await Inventory(Parts, s => s.AdjustAsync(id, form));

        Assert.True(first.Succeeded && repeat.Succeeded);
        Assert.Equal(6, (await ItemAsync(id)).Quantity);
        var last = (await LedgerAsync(id)).Last();
        var partsId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Parts).Select(u => u.Id).SingleAsync());
        Assert.Equal((StockMovementType.Adjustment, -2, 6, "Two damaged by a leak", partsId), (last.Type, last.Quantity, last.QuantityAfter, last.Reason, last.CreatedById!.Value));
        var ledger = await Inventory(Advisor, s => s.LedgerAsync(id));
        Assert.Equal((2, "Two damaged by a leak"), (ledger.Total, ledger.Rows[0].Reason));
        var name = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Parts).Select(u => u.FullName).SingleAsync());
        Assert.Equal(name, ledger.Rows[0].By);
    }

    // ---- receiving ----

    [DatabaseFact]
    public async Task A_delivery_moves_the_average_cost_to_the_cent_and_is_numbered_past_the_ledgers_delivery_numbers()
    {
        var id = await NewItemAsync(onHand: 10); // at 100.00
        var other = await NewItemAsync();

        var first = await Receiving(Parts, s => s.ReceiveAsync(Delivery((id, 5, 130m), (other, 4, 55.55m))));
        Assert.True(first.Succeeded, string.Join(" ", first.Result.Errors));
        Assert.Equal((15, 110.00m), ((await ItemAsync(id)).Quantity, (await ItemAsync(id)).CostPrice));
        Assert.Equal((4, 55.55m), ((await ItemAsync(other)).Quantity, (await ItemAsync(other)).CostPrice)); // nothing on hand: the delivery's cost

        var second = await Receiving(Parts, s => s.ReceiveAsync(Delivery((id, 3, 99.99m))));
        // (15 × 110.00 + 3 × 99.99) / 18 = 108.3317 → 108.33
        Assert.Equal(108.33m, (await ItemAsync(id)).CostPrice);

        var receipts = await app.WithDbAsync(db => db.StockReceipts.AsNoTracking().Include(r => r.Lines).Where(r => r.Id == first.Value || r.Id == second.Value)
            .OrderBy(r => r.ReceiptNumber).ToListAsync());
        Assert.All(receipts, r => Assert.Matches(@"^GRN-D001-\d{6}$", r.ReceiptNumber));
        Assert.Equal(long.Parse(receipts[0].ReceiptNumber[^6..]) + 1, long.Parse(receipts[1].ReceiptNumber[^6..]));
        var seededHighest = await app.WithDbAsync(db => db.StockMovements.IgnoreQueryFilters()
            .Where(m => m.StockReceiptId == null && m.Reference != null && m.Reference.StartsWith("GRN-D001-")).Select(m => m.Reference!).ToListAsync());
        Assert.All(seededHighest, r => Assert.True(string.CompareOrdinal(r, receipts[0].ReceiptNumber) < 0, $"{r} is not below {receipts[0].ReceiptNumber}"));
        Assert.Equal(2, receipts[0].Lines.Count);
        var movement = (await LedgerAsync(id)).Single(m => m.StockReceiptId == first.Value);
        Assert.Equal((StockMovementType.Receipt, 5, 15, 130m, receipts[0].ReceiptNumber), (movement.Type, movement.Quantity, movement.QuantityAfter, movement.UnitCost!.Value, movement.Reference));

        var shown = (await Receiving(Advisor, s => s.GetAsync(first.Value)))!;
        Assert.Equal((9, 5 * 130m + 4 * 55.55m), (shown.Units, shown.Total));
    }

    [DatabaseFact]
    public async Task A_delivery_sent_twice_is_booked_once()
    {
        var id = await NewItemAsync();
        var form = Delivery((id, 6, 80m));

        var results = await Task.WhenAll(Receiving(Parts, s => s.ReceiveAsync(form)), Receiving(Parts, s => s.ReceiveAsync(form)));
        var again = await Receiving(Parts, s => s.ReceiveAsync(form));

        Assert.All(results.Append(again), r => Assert.True(r.Succeeded, string.Join(" ", r.Result.Errors)));
        Assert.Single(results.Append(again).Select(r => r.Value).Distinct());
        Assert.Equal(6, (await ItemAsync(id)).Quantity);
        Assert.Single(await LedgerAsync(id));
    }

    [DatabaseFact]
    public async Task An_incomplete_delivery_is_refused_field_by_field_and_books_nothing()
    {
        var id = await NewItemAsync();
        var form = new StockReceiptForm
        {
            Supplier = " ", SupplierInvoiceNumber = "", SupplierInvoiceDate = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3),
            Lines =
            [
                new StockReceiptLineForm { Item = new ItemChoice(id, "X", "X", 0, null, 0), Quantity = 0, UnitCost = 10.005m },
                new StockReceiptLineForm { Item = new ItemChoice(id, "X", "X", 0, null, 0), Quantity = 2, UnitCost = null },
                new StockReceiptLineForm(),
            ],
        };

        var result = await Receiving(Parts, s => s.ReceiveAsync(form));

        Assert.False(result.Succeeded);
        Assert.Equal("Enter the supplier.", Messages(result.Result, "Supplier"));
        Assert.Equal("Enter the supplier's invoice number.", Messages(result.Result, "SupplierInvoiceNumber"));
        Assert.Equal("The invoice date cannot be in the future.", Messages(result.Result, "SupplierInvoiceDate"));
        Assert.Equal("Enter a whole number from 1 to 100,000.", Messages(result.Result, "Lines[0].Quantity"));
        Assert.Equal("Enter the cost with at most two decimals.", Messages(result.Result, "Lines[0].UnitCost"));
        Assert.Equal("X is already on line 1: add the quantities there.", Messages(result.Result, "Lines[1].Item"));
        Assert.Equal("Enter the unit cost on the invoice.", Messages(result.Result, "Lines[1].UnitCost"));
        Assert.Equal("Choose the item.", Messages(result.Result, "Lines[2].Item"));
        Assert.Equal(0, (await ItemAsync(id)).Quantity);
        Assert.Empty(await LedgerAsync(id));
    }

    [DatabaseFact]
    public async Task Receiving_up_to_the_maximum_takes_a_part_off_the_reorder_list()
    {
        var id = await NewItemAsync(onHand: 3); // reorder point 4, maximum 20
        var line = (await app.AsUserAsync<ReorderService, IReadOnlyList<ReorderLine>>(Parts, s => s.LinesAsync())).Single(l => l.Id == id);
        Assert.Equal((3, 17), (line.Quantity, line.Suggested));
        var group = (await app.AsUserAsync<ReorderService, IReadOnlyList<ReorderGroup>>(Parts, s => s.GroupsAsync())).Single(g => g.Lines.Any(l => l.Id == id));
        Assert.Equal("Test Parts Co", group.Supplier);

        var received = await Receiving(Parts, s => s.ReceiveAsync(Delivery((id, line.Suggested, 100m))));

        Assert.True(received.Succeeded);
        Assert.DoesNotContain(await app.AsUserAsync<ReorderService, IReadOnlyList<ReorderLine>>(Parts, s => s.LinesAsync()), l => l.Id == id);
        Assert.Equal(20, (await ItemAsync(id)).Quantity);
    }

    // ---- the item form ----

    [DatabaseFact]
    public async Task The_SKU_and_part_number_are_unique_per_dealer_with_the_message_at_the_field()
    {
        var sku = UniqueSku("DUP");
        var partNumber = UniqueSku("PN");
        var first = await ItemFormAsync(sku, partNumber);
        Assert.True((await Inventory(Parts, s => s.CreateAsync(first))).Succeeded);

        var again = await ItemFormAsync(sku.ToLowerInvariant(), partNumber.ToLowerInvariant());
        var result = await Inventory(Parts, s => s.CreateAsync(again));

        Assert.Equal($"{sku} is already the SKU of “Test brake pads”. Choose another SKU.", Messages(result.Result, nameof(InventoryItemForm.Sku)));
        Assert.Equal($"Part number {partNumber} is already on {sku} “Test brake pads”.", Messages(result.Result, nameof(InventoryItemForm.PartNumber)));
        // Another dealer may use the same SKU and part number.
        var theirs = await ItemFormAsync(sku, partNumber);
        var elsewhere = await Inventory(OtherDealerManager, s => s.CreateAsync(theirs));
        Assert.True(elsewhere.Succeeded, string.Join(" ", elsewhere.Result.Errors));
    }

    [DatabaseFact]
    public async Task The_reorder_point_must_lie_between_the_minimum_and_the_maximum()
    {
        var below = await ItemFormAsync();
        (below.MinStockLevel, below.ReorderPoint, below.MaxStockLevel) = (5, 3, 20);
        var above = await ItemFormAsync();
        (above.MinStockLevel, above.ReorderPoint, above.MaxStockLevel) = (1, 25, 20);

        var low = await Inventory(Parts, s => s.CreateAsync(below));
        var high = await Inventory(Parts, s => s.CreateAsync(above));

        Assert.Equal("The reorder point cannot be below the minimum stock (5).", Messages(low.Result, nameof(InventoryItemForm.ReorderPoint)));
        Assert.Equal("The reorder point cannot be above the maximum stock (20).", Messages(high.Result, nameof(InventoryItemForm.ReorderPoint)));
        Assert.False(await app.WithDbAsync(db => db.InventoryItems.AnyAsync(i => i.Sku == below.Sku || i.Sku == above.Sku)));
    }

    [DatabaseFact]
    public async Task A_stale_save_names_who_changed_the_item_but_stock_moving_meanwhile_does_not_make_the_form_stale()
    {
        var id = await NewItemAsync(onHand: 5);
        var mine = (await Inventory(Parts, s => s.GetAsync(id)))!.Form;
        var theirs = (await Inventory(Manager, s => s.GetAsync(id)))!.Form;

        // Stock moves after both forms were opened: neither form holds the quantity, so neither is stale because of it.
        Assert.True((await AdjustAsync(id, -1, "Used in the store")).Succeeded);
        theirs.Location = "Rack Z-09";
        Assert.True((await Inventory(Manager, s => s.UpdateAsync(id, theirs))).Succeeded);

        mine.UnitPrice = 175m;
        var stale = await Inventory(Parts, s => s.UpdateAsync(id, mine));

        var manager = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Manager).Select(u => u.FullName).SingleAsync());
        Assert.Matches($"^This stock item was changed by {manager} at \\d\\d:\\d\\d while you were editing\\.", Messages(stale, ""));
        var stored = await ItemAsync(id);
        Assert.Equal(("Rack Z-09", 150m, 4), (stored.Location, stored.UnitPrice, stored.Quantity));
    }

    [DatabaseFact]
    public async Task Advisors_read_parts_but_cannot_change_them()
    {
        var id = await NewItemAsync(onHand: 2);

        Assert.NotNull(await Inventory(Advisor, s => s.GetAsync(id)));
        var form = await ItemFormAsync();
        Assert.Equal(InventoryService.NotAllowed, (await Inventory(Advisor, s => s.CreateAsync(form))).Result);
        Assert.Equal(InventoryService.NotAllowed, (await AdjustAsync(id, 5, "Found", Advisor)).Result);
        Assert.False((await Receiving(Advisor, s => s.ReceiveAsync(Delivery((id, 1, 1m))))).Succeeded);
        Assert.Equal(2, (await ItemAsync(id)).Quantity);
    }

    [DatabaseFact]
    public async Task Another_dealers_items_and_receipts_are_not_there()
    {
        var theirs = await NewItemAsync(email: OtherDealerManager);
        await Inventory(OtherDealerManager, s => s.AdjustAsync(theirs, new StockAdjustmentForm { Direction = AdjustmentDirection.Add, Quantity = 4, Reason = "Opening" }));
        var receipt = await Receiving(OtherDealerManager, s => s.ReceiveAsync(Delivery((theirs, 2, 10m))));
        Assert.True(receipt.Succeeded, string.Join(" ", receipt.Result.Errors));
        Assert.StartsWith("GRN-D002-", await app.WithDbAsync(db => db.StockReceipts.IgnoreQueryFilters().Where(r => r.Id == receipt.Value).Select(r => r.ReceiptNumber).SingleAsync()));

        Assert.Null(await Inventory(Parts, s => s.GetAsync(theirs)));
        Assert.Empty((await Inventory(Parts, s => s.LedgerAsync(theirs))).Rows);
        Assert.Null(await Receiving(Parts, s => s.GetAsync(receipt.Value)));
        Assert.False((await AdjustAsync(theirs, -1, "Not mine")).Succeeded);
        Assert.False((await Receiving(Parts, s => s.ReceiveAsync(Delivery((theirs, 1, 1m))))).Succeeded);
        Assert.Equal(6, (await ItemAsync(theirs)).Quantity);
        var theirSku = (await ItemAsync(theirs)).Sku;
        var list = await Inventory(Parts, s => s.ListAsync(new GridQuery { Search = theirSku }));
        Assert.Empty(list.Items);
    }

    // ---- valuation ----

    [DatabaseFact]
    public async Task A_part_with_no_movement_for_the_chosen_days_is_a_slow_mover_until_it_moves_and_its_value_counts_in_its_category()
    {
        var id = await NewItemAsync(onHand: 5); // at 100.00
        async Task<Valuation> ValuationAsync(int days) => await app.AsUserAsync<ValuationService, Valuation>(Parts, s => s.ValuationAsync(days));

        var fresh = await ValuationAsync(30);
        Assert.DoesNotContain(fresh.SlowMovers, s => s.Id == id);
        var categoryId = (await ItemAsync(id)).CategoryId;
        var category = fresh.Categories.Single(c => c.CategoryId == categoryId);
        Assert.True(category.Value >= 500m && category.Units >= 5);

        app.Clock.Advance(TimeSpan.FromDays(31));
        var slow = (await ValuationAsync(30)).SlowMovers.Single(s => s.Id == id);
        Assert.Equal((5, 500m), (slow.Quantity, slow.Value));
        Assert.DoesNotContain((await ValuationAsync(60)).SlowMovers, s => s.Id == id);

        await AdjustAsync(id, -1, "Used in the store");
        Assert.DoesNotContain((await ValuationAsync(30)).SlowMovers, s => s.Id == id);
    }

    // ---- the list ----

    [DatabaseFact]
    public async Task The_list_searches_by_part_number_and_filters_to_the_reorder_point_and_zero_stock()
    {
        var partNumber = UniqueSku("LST");
        var low = await NewItemAsync(onHand: 4, change: f => f.PartNumber = partNumber + "-A");
        var empty = await NewItemAsync(onHand: 0, change: f => f.PartNumber = partNumber + "-B");
        var plenty = await NewItemAsync(onHand: 15, change: f => f.PartNumber = partNumber + "-C");

        async Task<List<Guid>> Ids(string? stock) => (await Inventory(Advisor, s => s.ListAsync(new GridQuery
        {
            Search = partNumber.ToLowerInvariant(),
            Filters = stock is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["stock"] = stock },
        }))).Items.Select(r => r.Id).ToList();

        Assert.Equal(new HashSet<Guid> { low, empty, plenty }, (await Ids(null)).ToHashSet());
        Assert.Equal(new HashSet<Guid> { low, empty }, (await Ids("reorder")).ToHashSet());
        Assert.Equal([empty], await Ids("zero"));
        var row = (await Inventory(Advisor, s => s.ListAsync(new GridQuery { Search = partNumber + "-C" }))).Items.Single();
        Assert.Equal((15, 1500m, 33.3m), (row.Quantity, row.StockValue, row.MarginPercent));
    }

    [DatabaseFact]
    public async Task The_export_streams_every_row_the_grids_filters_select_across_its_pages_with_the_filters_line()
    {
        var partNumber = UniqueSku("XLS");
        for (var i = 0; i < 13; i++) await NewItemAsync(onHand: i % 6, change: f => (f.PartNumber, f.Name) = ($"{partNumber}-{i:00}", $"Export pads {i:00}"));
        await NewItemAsync(change: f => (f.PartNumber, f.IsActive) = ($"{partNumber}-XX", false));
        var address = $"?q={partNumber}&stock=reorder&sort=name&dir=desc&size=10&page=2";
        var query = GridQuery.FromUri("/inventory" + address, InventoryService.FilterNames);

        var firstPage = await Inventory(Advisor, s => s.ListAsync(query.ForPage(1)));
        var secondPage = await Inventory(Advisor, s => s.ListAsync(query.ForPage(2)));
        var advisor = await app.UserAsync(Advisor);
        var response = await advisor.Client.GetAsync("/inventory/export.xlsx" + address);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        int Column(string name) => header.IndexOf(name) + 1;
        var shown = firstPage.Items.Concat(secondPage.Items).ToList();
        Assert.Equal(11, firstPage.Total); // 13 items, two with 5 on hand above the reorder point of 4, the inactive one left out
        Assert.Equal(11, shown.Count);
        var first = GridExport.HeaderRow + 1;
        var read = Enumerable.Range(first, shown.Count).Select(r => (
            Sku: sheet.Cell(r, Column("SKU")).GetString(), Name: sheet.Cell(r, Column("Name")).GetString(),
            OnHand: sheet.Cell(r, Column("On hand")).GetValue<int>(), Value: sheet.Cell(r, Column("Stock value")).GetValue<decimal>())).ToList();
        Assert.Equal(shown.Select(r => (r.Sku, r.Name, r.Quantity, r.StockValue)), read);
        Assert.Equal("Total", sheet.Cell(first + shown.Count, 1).GetString());
        Assert.Equal(shown.Sum(r => r.StockValue), sheet.Cell(first + shown.Count, Column("Stock value")).GetValue<decimal>());
        Assert.StartsWith("Parts and stock · D001", sheet.Cell(1, 1).GetString());
        Assert.StartsWith("Generated ", sheet.Cell(2, 1).GetString());
        Assert.Equal($"Filters: Search: {partNumber}; Stock: At or below the reorder point; Items: Active", sheet.Cell(3, 1).GetString());
    }
}
