using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>
/// The stock ledger, the one code path of every quantity change (issues and returns to work orders, supplier receipts,
/// adjustments, stock-take corrections): every change of an item's quantity is one <see cref="StockMovement"/> written in the same
/// transaction as the change. Taking stock is one conditional <c>UPDATE … SET Quantity = Quantity - n WHERE
/// Quantity &gt;= n</c>: the database applies it to the row's current value and holds the row until commit, so two
/// people issuing the last unit at once never both get it and stock never goes below zero. The movement's
/// "who" is its CreatedById, set by the auditing interceptor.
/// </summary>
public static class StockLedger
{
    /// <summary>
    /// Takes <paramref name="quantity"/> units of the part's inventory item out of stock for its work order.
    /// Call inside a transaction and save the context before committing (the movement row is added to it).
    /// </summary>
    public static async Task<ServiceResult> IssueAsync(MotorTraceDbContext db, WorkOrderPart part, string workOrderNumber, int quantity, DateTime now)
    {
        RequireTransaction(db);
        if (part.InventoryItemId is not { } itemId) return ServiceResult.Fail("", "This part is not from stock, so there is nothing to issue.");
        if (quantity <= 0) return ServiceResult.Fail(nameof(quantity), "Issue at least one unit.");
        if (await TakeAsync(db, itemId, quantity, now) is { } shortOf)
            return ServiceResult.Fail(nameof(quantity), shortOf switch
            {
                NoItem => "This stock item no longer exists.",
                0 => $"{part.Description} is out of stock.",
                1 => $"Only 1 {part.Description} left.",
                var left => $"Only {left} left of {part.Description}.",
            });
        await AddMovementAsync(db, part, itemId, StockMovementType.Issue, -quantity, workOrderNumber);
        part.IssuedQuantity += quantity;
        return ServiceResult.Ok;
    }

    /// <summary>Puts <paramref name="quantity"/> issued units of the part back on the shelf (at most what was issued).</summary>
    public static async Task<ServiceResult> ReturnAsync(MotorTraceDbContext db, WorkOrderPart part, string workOrderNumber, int quantity, DateTime now)
    {
        RequireTransaction(db);
        if (part.InventoryItemId is not { } itemId) return ServiceResult.Fail("", "This part is not from stock, so there is nothing to return.");
        if (quantity <= 0) return ServiceResult.Fail(nameof(quantity), "Return at least one unit.");
        if (quantity > part.IssuedQuantity)
            return ServiceResult.Fail(nameof(quantity), part.IssuedQuantity == 0
                ? "None of this part has been issued, so none can be returned."
                : $"Only {part.IssuedQuantity} issued to this work order, so at most {part.IssuedQuantity} can go back.");
        if (await AddAsync(db, itemId, quantity, now) is null) return ServiceResult.Fail("", "This stock item no longer exists.");
        await AddMovementAsync(db, part, itemId, StockMovementType.Return, quantity, workOrderNumber);
        part.IssuedQuantity -= quantity;
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Books <paramref name="quantity"/> units of a supplier delivery into stock at <paramref name="unitCost"/> and moves
    /// the item's average cost: (on hand × average + quantity × cost) / (on hand + quantity), rounded to the cent. The
    /// quantity update holds the item's row until commit, so the on-hand figure the average is computed from is the one
    /// the update changed, whatever else arrives at the same moment.
    /// </summary>
    public static async Task<ServiceResult> ReceiveAsync(MotorTraceDbContext db, Guid dealerId, Guid itemId, int quantity, decimal unitCost,
        Guid receiptId, string receiptNumber, DateTime now)
    {
        RequireTransaction(db);
        if (quantity <= 0) return ServiceResult.Fail(nameof(quantity), "Receive at least one unit.");
        if (unitCost < 0) return ServiceResult.Fail(nameof(unitCost), "A unit cost cannot be negative.");
        if (await AddAsync(db, itemId, quantity, now) is not { } after) return ServiceResult.Fail("", "This stock item no longer exists.");
        var before = after.Quantity - quantity;
        var average = AverageCost(before, after.CostPrice, quantity, unitCost);
        if (average != after.CostPrice)
            await db.InventoryItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.CostPrice, average));
        db.StockMovements.Add(new StockMovement
        {
            DealerId = dealerId, InventoryItemId = itemId, Type = StockMovementType.Receipt, Quantity = quantity, QuantityAfter = after.Quantity,
            UnitCost = unitCost, StockReceiptId = receiptId, Reference = receiptNumber,
        });
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Changes the quantity of an item by <paramref name="change"/> (signed) with a reason: a correction after a count,
    /// damage, a found part. Taking more than is on the shelf is refused with how many are left; stock never goes below zero.
    /// <paramref name="type"/> is <see cref="StockMovementType.Adjustment"/>, or <see cref="StockMovementType.StockTake"/>
    /// for a posted count sheet (<paramref name="stockTakeId"/>).
    /// </summary>
    public static async Task<ServiceResult> AdjustAsync(MotorTraceDbContext db, Guid dealerId, Guid itemId, int change, string reason, DateTime now,
        StockMovementType type = StockMovementType.Adjustment, string? reference = null, Guid? stockTakeId = null)
    {
        RequireTransaction(db);
        if (change == 0) return ServiceResult.Fail(nameof(change), "Enter how many units to add or take off (not zero).");
        if (string.IsNullOrWhiteSpace(reason)) return ServiceResult.Fail(nameof(reason), "Say why the stock changes.");
        (int Quantity, decimal CostPrice)? after;
        if (change > 0) after = await AddAsync(db, itemId, change, now);
        else
        {
            if (await TakeAsync(db, itemId, -change, now) is { } shortOf)
                return ServiceResult.Fail(nameof(change), shortOf switch
                {
                    NoItem => "This stock item no longer exists.",
                    0 => "Nothing is in stock, so nothing can be taken off.",
                    1 => "Only 1 left: at most 1 can be taken off.",
                    var left => $"Only {left} left: at most {left} can be taken off.",
                });
            after = await BalanceAsync(db, itemId);
        }
        if (after is null) return ServiceResult.Fail("", "This stock item no longer exists.");
        db.StockMovements.Add(new StockMovement
        {
            DealerId = dealerId, InventoryItemId = itemId, Type = type, Quantity = change, QuantityAfter = after.Value.Quantity,
            UnitCost = after.Value.CostPrice, Reason = reason.Trim(), Reference = reference, StockTakeId = stockTakeId,
        });
        return ServiceResult.Ok;
    }

    /// <summary>The moving average cost after receiving <paramref name="quantity"/> at <paramref name="unitCost"/>, to the cent.</summary>
    public static decimal AverageCost(int onHand, decimal averageCost, int quantity, decimal unitCost)
    {
        // Stock already gone (or never counted) carries no value into the average.
        var held = Math.Max(0, onHand);
        return held + quantity == 0 ? averageCost : WorkOrderTotals.Round((held * averageCost + quantity * unitCost) / (held + quantity));
    }

    private const int NoItem = -1;

    /// <summary>
    /// Takes units off the shelf if it holds them, in one conditional update; null when taken, otherwise how many are left
    /// (<see cref="NoItem"/> when the item no longer exists).
    /// </summary>
    private static async Task<int?> TakeAsync(MotorTraceDbContext db, Guid itemId, int quantity, DateTime now)
    {
        var taken = await db.InventoryItems.Where(i => i.Id == itemId && i.Quantity >= quantity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Quantity, i => i.Quantity - quantity)
                .SetProperty(i => i.Version, Guid.NewGuid())
                .SetProperty(i => i.UpdatedAt, now));
        if (taken == 1) return null;
        return await db.InventoryItems.Where(i => i.Id == itemId).Select(i => (int?)i.Quantity).FirstOrDefaultAsync() ?? NoItem;
    }

    private static async Task<(int Quantity, decimal CostPrice)?> AddAsync(MotorTraceDbContext db, Guid itemId, int quantity, DateTime now)
    {
        var added = await db.InventoryItems.Where(i => i.Id == itemId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Quantity, i => i.Quantity + quantity)
                .SetProperty(i => i.Version, Guid.NewGuid())
                .SetProperty(i => i.UpdatedAt, now));
        return added == 0 ? null : await BalanceAsync(db, itemId);
    }

    /// <summary>Read inside the transaction, after our update: the row is ours until commit, so this is the balance our change left.</summary>
    private static async Task<(int Quantity, decimal CostPrice)?> BalanceAsync(MotorTraceDbContext db, Guid itemId) =>
        await db.InventoryItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Quantity, i.CostPrice }).FirstOrDefaultAsync() is { } row
            ? (row.Quantity, row.CostPrice)
            : null;

    private static async Task AddMovementAsync(MotorTraceDbContext db, WorkOrderPart part, Guid itemId, StockMovementType type, int quantity, string workOrderNumber)
    {
        var after = (await BalanceAsync(db, itemId))!.Value;
        db.StockMovements.Add(new StockMovement
        {
            DealerId = part.DealerId,
            InventoryItemId = itemId,
            Type = type,
            Quantity = quantity,
            QuantityAfter = after.Quantity,
            UnitCost = after.CostPrice,
            WorkOrderId = part.WorkOrderId,
            WorkOrderPartId = part.Id,
            Reference = workOrderNumber,
        });
    }

    private static void RequireTransaction(MotorTraceDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock changes must run inside a transaction together with their ledger row.");
    }
}
