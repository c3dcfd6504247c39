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

/// <summary>One delivery in the receipts list.</summary>
public sealed record ReceiptRow(Guid Id, string Number, DateTime ReceivedAt, string Supplier, string? SupplierInvoiceNumber, DateOnly? SupplierInvoiceDate,
    string? ReceivedBy)
{
    public int LineCount { get; init; }
    public int Units { get; init; }
    public decimal Total { get; init; }
    public string Currency { get; init; } = DealerContext.DefaultCurrency;
    public string? DealerCode { get; init; }
}

public sealed record ReceiptLineRow(Guid ItemId, string Sku, string Name, int Quantity, decimal UnitCost, int QuantityAfter)
{
    public decimal LineTotal => WorkOrderTotals.Round(Quantity * UnitCost);
}

public sealed record ReceiptDetails(Guid Id, string Number, DateTime ReceivedAt, string? ReceivedBy, string Supplier, string? SupplierInvoiceNumber,
    DateOnly? SupplierInvoiceDate, string? Notes, string Currency, IReadOnlyList<ReceiptLineRow> Lines)
{
    public decimal Total => Lines.Sum(l => l.LineTotal);
    public int Units => Lines.Sum(l => l.Quantity);
}

/// <summary>
/// Receiving supplier deliveries: the form's rules (<see cref="Validate"/>, also run by the page before it submits), and
/// the booking itself in one transaction: a <see cref="StockReceipt"/> numbered per dealer (<c>GRN-D001-000012</c>),
/// its lines, and one Receipt movement per line through <see cref="StockLedger"/>, which moves each item's average cost.
/// A repeated submit books once (<see cref="ProcessedRequests"/>).
/// </summary>
public sealed class ReceivingService(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization,
    NumberingService numbering, TimeProvider clock)
{
    public const string Series = "StockReceipt";
    public const int MaxLines = 200;
    public const int MaxQuantity = 100_000;

    public static readonly string[] FilterNames = [];

    private static readonly GridSortMap<StockReceipt> Sorts = new GridSortMap<StockReceipt>("received", SortOrder.Desc)
    {
        { "received", r => r.ReceivedAt },
        { "number", r => r.ReceiptNumber },
        { "supplier", r => r.Supplier },
    }.ThenBy(r => r.Id);

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<bool> CanWriteAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryWrite)).Succeeded;

    private async Task<bool> CanReadAsync() => (await authorization.AuthorizeAsync(user.Principal, Policies.InventoryRead)).Succeeded;

    /// <summary>The dealer's deliveries, newest first; search by receipt number, supplier or supplier invoice number.</summary>
    public async Task<GridResult<ReceiptRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return new GridResult<ReceiptRow>([], 0, query);
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipts = db.StockReceipts.AsNoTracking();
        if (user.DealerScope is { } dealerId) receipts = receipts.Where(r => r.DealerId == dealerId);
        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            receipts = receipts.Where(r => r.ReceiptNumber.Contains(upper) || r.Supplier.ToLower().Contains(lower)
                                           || (r.SupplierInvoiceNumber != null && r.SupplierInvoiceNumber.ToUpper().Contains(upper)));
        }
        var result = await receipts.ToGridResultAsync(query, Sorts, r => new ReceiptRow(r.Id, r.ReceiptNumber, r.ReceivedAt, r.Supplier,
            r.SupplierInvoiceNumber, r.SupplierInvoiceDate, db.Users.Where(u => u.Id == r.ReceivedById).Select(u => u.FullName).FirstOrDefault())
        {
            DealerCode = AllDealers ? db.Dealers.Where(d => d.Id == r.DealerId).Select(d => d.DealerCode).FirstOrDefault() : null,
            Currency = db.DealerSettings.Where(s => s.DealerId == r.DealerId).Select(s => s.CurrencyCode).FirstOrDefault() ?? DealerContext.DefaultCurrency,
        }, ct);
        // Totals in memory: SQLite cannot sum decimals.
        var ids = result.Items.Select(r => r.Id).ToList();
        var lines = await db.StockReceiptLines.AsNoTracking().Where(l => ids.Contains(l.StockReceiptId))
            .Select(l => new { l.StockReceiptId, l.Quantity, l.UnitCost }).ToListAsync(ct);
        var byReceipt = lines.ToLookup(l => l.StockReceiptId);
        return result with
        {
            Items = result.Items.Select(r => r with
            {
                LineCount = byReceipt[r.Id].Count(),
                Units = byReceipt[r.Id].Sum(l => l.Quantity),
                Total = byReceipt[r.Id].Sum(l => WorkOrderTotals.Round(l.Quantity * l.UnitCost)),
            }).ToList(),
        };
    }

    /// <summary>One delivery with its lines, or null when missing or another dealer's.</summary>
    public async Task<ReceiptDetails?> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (!await CanReadAsync()) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var receipt = await db.StockReceipts.AsNoTracking().Where(r => r.Id == id).Select(r => new
        {
            r.Id, r.DealerId, r.ReceiptNumber, r.ReceivedAt, By = db.Users.Where(u => u.Id == r.ReceivedById).Select(u => u.FullName).FirstOrDefault(),
            r.Supplier, r.SupplierInvoiceNumber, r.SupplierInvoiceDate, r.Notes,
            Currency = db.DealerSettings.Where(s => s.DealerId == r.DealerId).Select(s => s.CurrencyCode).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (receipt is null) return null;
        var movements = await db.StockMovements.AsNoTracking().Where(m => m.StockReceiptId == id)
            .Select(m => new { m.InventoryItemId, m.QuantityAfter }).ToListAsync(ct);
        var lines = await db.StockReceiptLines.AsNoTracking().Where(l => l.StockReceiptId == id).OrderBy(l => l.InventoryItem.Sku)
            .Select(l => new { l.InventoryItemId, l.InventoryItem.Sku, l.InventoryItem.Name, l.Quantity, l.UnitCost }).ToListAsync(ct);
        return new ReceiptDetails(receipt.Id, receipt.ReceiptNumber, receipt.ReceivedAt, receipt.By, receipt.Supplier, receipt.SupplierInvoiceNumber,
            receipt.SupplierInvoiceDate, receipt.Notes, receipt.Currency ?? DealerContext.DefaultCurrency,
            lines.Select(l => new ReceiptLineRow(l.InventoryItemId, l.Sku, l.Name, l.Quantity, l.UnitCost,
                movements.FirstOrDefault(m => m.InventoryItemId == l.InventoryItemId)?.QuantityAfter ?? 0)).ToList());
    }

    /// <summary>Active items of the dealer matching a SKU, part number or name, for the line picker.</summary>
    public async Task<IReadOnlyList<ItemChoice>> SearchItemsAsync(string? text, CancellationToken ct = default)
    {
        if (!await CanReadAsync() || user.DealerScope is not { } dealerId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = db.InventoryItems.AsNoTracking().Where(i => i.DealerId == dealerId && i.IsActive);
        if (text?.Trim() is { Length: > 0 } term)
        {
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            items = items.Where(i => i.Sku.ToUpper().Contains(upper) || (i.PartNumber != null && i.PartNumber.ToUpper().Contains(upper)) || i.Name.ToLower().Contains(lower));
        }
        return await items.OrderBy(i => i.Sku).Take(20)
            .Select(i => new ItemChoice(i.Id, i.Sku, i.Name, i.CostPrice, i.Supplier, i.Quantity)).ToListAsync(ct);
    }

    /// <summary>
    /// The form's rules, with each message at its field (<c>Lines[1].Quantity</c>): the page runs them before it submits
    /// and the service again before it books anything.
    /// </summary>
    public static ServiceResult Validate(StockReceiptForm form, DateOnly today)
    {
        var errors = new List<(string Field, string Message)>();
        if (string.IsNullOrWhiteSpace(form.Supplier)) errors.Add((nameof(form.Supplier), "Enter the supplier."));
        else if (form.Supplier.Trim().Length > 200) errors.Add((nameof(form.Supplier), "Keep the supplier under 200 characters."));
        if (string.IsNullOrWhiteSpace(form.SupplierInvoiceNumber)) errors.Add((nameof(form.SupplierInvoiceNumber), "Enter the supplier's invoice number."));
        else if (form.SupplierInvoiceNumber.Trim().Length > 64) errors.Add((nameof(form.SupplierInvoiceNumber), "Keep the invoice number under 64 characters."));
        if (form.SupplierInvoiceDate is not { } date) errors.Add((nameof(form.SupplierInvoiceDate), "Enter the date on the supplier's invoice."));
        else if (DateOnly.FromDateTime(date) > today) errors.Add((nameof(form.SupplierInvoiceDate), "The invoice date cannot be in the future."));
        if (form.Notes?.Length > 2000) errors.Add((nameof(form.Notes), "Keep the notes under 2,000 characters."));

        if (form.Lines.Count == 0) errors.Add(("", "Add at least one line: the item, how many arrived and the unit cost."));
        else if (form.Lines.Count > MaxLines) errors.Add(("", $"A delivery holds at most {MaxLines} lines: book the rest as a second receipt."));
        var seen = new Dictionary<Guid, int>();
        for (var i = 0; i < form.Lines.Count; i++)
        {
            var line = form.Lines[i];
            var at = $"{nameof(form.Lines)}[{i}].";
            if (line.Item is not { } item) errors.Add((at + nameof(line.Item), "Choose the item."));
            else if (!seen.TryAdd(item.Id, i + 1)) errors.Add((at + nameof(line.Item), $"{item.Sku} is already on line {seen[item.Id]}: add the quantities there."));
            if (line.Quantity is not { } quantity) errors.Add((at + nameof(line.Quantity), "Enter how many arrived."));
            else if (quantity is < 1 or > MaxQuantity) errors.Add((at + nameof(line.Quantity), "Enter a whole number from 1 to 100,000."));
            if (line.UnitCost is not { } cost) errors.Add((at + nameof(line.UnitCost), "Enter the unit cost on the invoice."));
            else if (cost < 0 || cost > (decimal)InventoryLimits.MaxMoney) errors.Add((at + nameof(line.UnitCost), "Enter a cost from 0 to 10,000,000."));
            else if (decimal.Round(cost, 2) != cost) errors.Add((at + nameof(line.UnitCost), "Enter the cost with at most two decimals."));
        }
        return errors.Count == 0 ? ServiceResult.Ok : ServiceResult.Fail(errors);
    }

    /// <summary>Books the delivery into stock in one transaction; the answer carries the new receipt's id.</summary>
    public async Task<ServiceResult<Guid>> ReceiveAsync(StockReceiptForm form)
    {
        if (!await CanWriteAsync() || user.UserId is not { } userId)
            return ServiceResult.Fail("", "Only inventory managers and managers receive deliveries.");
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await dealer.LoadAsync();
        var validation = Validate(form, dealer.Today);
        if (!validation.Succeeded) return validation;

        await using var db = await dbFactory.CreateDbContextAsync();
        var ids = form.Lines.Select(l => l.Item!.Id).ToList();
        var known = await db.InventoryItems.Where(i => i.DealerId == dealerId && ids.Contains(i.Id)).Select(i => i.Id).ToListAsync();
        var unknown = form.Lines.Select((l, i) => (l, i)).Where(x => !known.Contains(x.l.Item!.Id))
            .Select(x => ($"{nameof(form.Lines)}[{x.i}].{nameof(StockReceiptLineForm.Item)}", "This item no longer exists here: choose it again.")).ToList();
        if (unknown.Count > 0) return ServiceResult.Fail(unknown);

        var code = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode).SingleAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        return await ProcessedRequests.OnceAsync(db, form.RequestId, "ReceiveStock", dealerId, userId, now, async () =>
        {
            var prefix = $"GRN-{code}-";
            var number = await numbering.NextAsync(db, dealerId, Series, () => FirstNumberAsync(db, dealerId, prefix));
            var receipt = new StockReceipt
            {
                DealerId = dealerId, ReceiptNumber = prefix + number.ToString("000000", CultureInfo.InvariantCulture), Supplier = form.Supplier.Trim(),
                SupplierInvoiceNumber = form.SupplierInvoiceNumber.Trim(), SupplierInvoiceDate = DateOnly.FromDateTime(form.SupplierInvoiceDate!.Value),
                ReceivedAt = now, ReceivedById = userId, Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim(),
            };
            db.StockReceipts.Add(receipt);
            foreach (var line in form.Lines)
            {
                receipt.Lines.Add(new StockReceiptLine { DealerId = dealerId, InventoryItemId = line.Item!.Id, Quantity = line.Quantity!.Value, UnitCost = line.UnitCost!.Value });
                var moved = await StockLedger.ReceiveAsync(db, dealerId, line.Item.Id, line.Quantity.Value, line.UnitCost.Value, receipt.Id, receipt.ReceiptNumber, now);
                if (!moved.Succeeded) return moved;
            }
            return new ServiceResult<Guid>(receipt.Id, ServiceResult.Ok);
        });
    }

    /// <summary>
    /// The first number of a dealer's receipts: past every delivery number its ledger already names (deliveries booked
    /// before receipts were records of their own carry their GRN number as the movement's reference).
    /// </summary>
    private static async Task<long> FirstNumberAsync(MotorTraceDbContext db, Guid dealerId, string prefix)
    {
        var references = await db.StockMovements.AsNoTracking()
            .Where(m => m.DealerId == dealerId && m.Type == StockMovementType.Receipt && m.Reference != null && m.Reference.StartsWith(prefix))
            .Select(m => m.Reference!).Distinct().ToListAsync();
        var highest = references.Select(r => long.TryParse(r[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return highest + 1;
    }
}
