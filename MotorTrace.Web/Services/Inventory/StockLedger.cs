using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Services.Inventory;

/// <summary>
/// The stock ledger: every change of an item's quantity is one <see cref="StockMovement"/> written in the same
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
        var taken = await db.InventoryItems.Where(i => i.Id == itemId && i.Quantity >= quantity)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Quantity, i => i.Quantity - quantity)
                .SetProperty(i => i.Version, Guid.NewGuid())
                .SetProperty(i => i.UpdatedAt, now));
        if (taken == 0)
        {
            var left = await db.InventoryItems.Where(i => i.Id == itemId).Select(i => (int?)i.Quantity).FirstOrDefaultAsync();
            return ServiceResult.Fail(nameof(quantity), left switch
            {
                null => "This stock item no longer exists.",
                0 => $"{part.Description} is out of stock.",
                1 => $"Only 1 {part.Description} left.",
                _ => $"Only {left} left of {part.Description}.",
            });
        }
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
        var returned = await db.InventoryItems.Where(i => i.Id == itemId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Quantity, i => i.Quantity + quantity)
                .SetProperty(i => i.Version, Guid.NewGuid())
                .SetProperty(i => i.UpdatedAt, now));
        if (returned == 0) return ServiceResult.Fail("", "This stock item no longer exists.");
        await AddMovementAsync(db, part, itemId, StockMovementType.Return, quantity, workOrderNumber);
        part.IssuedQuantity -= quantity;
        return ServiceResult.Ok;
    }

    private static async Task AddMovementAsync(MotorTraceDbContext db, WorkOrderPart part, Guid itemId, StockMovementType type, int quantity, string workOrderNumber)
    {
        // Read inside the transaction, after our update: the row is ours until commit, so this is the balance our change left.
        var after = await db.InventoryItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.Quantity, i.CostPrice }).SingleAsync();
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
