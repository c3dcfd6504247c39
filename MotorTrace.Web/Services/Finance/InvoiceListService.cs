using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Finance;

/// <summary>One invoice or credit note as the list and its Excel export show it.</summary>
public sealed record InvoiceRow(
    Guid Id, Guid DealerId, string? Number, InvoiceKind Kind, LinePayer Payer, InvoiceStatus StoredStatus, Guid WorkOrderId, string WorkOrderNumber,
    Guid CustomerId, string CustomerName, string? Plate, DateOnly IssueDate, DateOnly? DueDate, decimal Total, decimal Paid, decimal Balance, string Currency)
{
    /// <summary>The status shown (overdue computed from the due date, see <see cref="InvoiceMoney.Shown"/>).</summary>
    public InvoiceStatus Status { get; init; } = StoredStatus;
    public string? DealerCode { get; init; }
}

/// <summary>
/// The invoice list and its export over one query (<see cref="Filtered"/>), so every page of the list and the workbook
/// hold the same invoices; and the accounts-receivable ageing built from the same open invoices.
/// </summary>
public sealed class InvoiceListService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer)
{
    /// <summary>
    /// Filters in the address: <c>status</c> (draft, issued, partiallypaid, paid, overdue, void, or <c>open</c>: finalised
    /// with a balance), <c>payer</c> (customer, warranty, internal), <c>overdue=yes</c>, <c>from</c> and <c>to</c> (issue
    /// dates, <c>yyyy-MM-dd</c>), <c>customer</c> (a customer id) and <c>age</c> (days past due of open invoices:
    /// <c>0-30</c>, <c>31-60</c>, <c>61-90</c>, <c>90+</c>), the last two linked from the receivables page.
    /// </summary>
    public static readonly string[] FilterNames = ["status", "payer", "overdue", "from", "to", "customer", "age"];

    public const string Open = "open";
    public const string OpenLabel = "Open (balance due)";
    public static readonly string[] AgeBuckets = ["0-30", "31-60", "61-90", "90+"];

    private static readonly GridSortMap<Invoice> Sorts = new GridSortMap<Invoice>("issued", SortOrder.Desc)
    {
        { "issued", i => i.IssueDate },
        { "number", i => i.InvoiceNumber },
        { "due", i => i.DueDate },
        { "customer", i => i.WorkOrder.Customer.Name },
    }.ThenBy(i => i.CreatedAt).ThenBy(i => i.Id);

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<GridResult<InvoiceRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await Filtered(db, query).ToGridResultAsync(query, Sorts, ToRow, ct);
        return result with { Items = await ShownAsync(db, result.Items, ct) };
    }

    /// <summary>Every invoice the list's search and filters select, in its order (all pages), as the export streams them.</summary>
    public async IAsyncEnumerable<InvoiceRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shown = await ShownAsync(db, ct);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(ct))
            yield return shown(row);
    }

    /// <summary>The customer a <c>customer</c> filter names, for the page's heading.</summary>
    public async Task<string?> CustomerNameAsync(GridQuery query, CancellationToken ct = default)
    {
        if (!Guid.TryParse(query.Filter("customer"), out var id)) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>The filters in words, for the export's header.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query, string? customer)
    {
        var parts = new List<(string, string)>();
        if (query.Filter("status") is { } status)
            parts.Add(("Status", status.Equals(Open, StringComparison.OrdinalIgnoreCase) ? OpenLabel
                : Enum.TryParse<InvoiceStatus>(status, true, out var known) && Enum.IsDefined(known) ? StatusStyles.Label(known) : status));
        if (Enum.TryParse<LinePayer>(query.Filter("payer"), true, out var payer) && Enum.IsDefined(payer)) parts.Add(("Payer", StatusStyles.Label(payer)));
        if (IsYes(query.Filter("overdue"))) parts.Add(("Overdue", "Yes"));
        if (query.Filter("from") is { } from) parts.Add(("Issued from", from));
        if (query.Filter("to") is { } to) parts.Add(("Issued to", to));
        if (customer is not null) parts.Add(("Customer", customer));
        if (query.Filter("age") is { } age) parts.Add(("Days past due", age));
        if (query.Search is { } search) parts.Add(("Search", search));
        return parts;
    }

    private static readonly InvoiceStatus[] OpenStatuses = [InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid, InvoiceStatus.Overdue];

    private IQueryable<Invoice> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var invoices = db.Invoices.AsNoTracking();
        if (user.DealerScope is { } dealerId) invoices = invoices.Where(i => i.DealerId == dealerId);
        var today = dealer.Today;

        switch (query.Filter("status")?.ToLowerInvariant())
        {
            case Open:
                invoices = invoices.Where(i => i.Kind == InvoiceKind.Invoice && OpenStatuses.Contains(i.Status));
                break;
            case "overdue":
                invoices = Overdue(invoices, today);
                break;
            case "issued":
                invoices = invoices.Where(i => (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.Overdue)
                                               && (i.Kind == InvoiceKind.CreditNote || i.DueDate == null || i.DueDate >= today));
                break;
            case "partiallypaid":
                invoices = invoices.Where(i => i.Status == InvoiceStatus.PartiallyPaid && (i.DueDate == null || i.DueDate >= today));
                break;
            case { } text when Enum.TryParse<InvoiceStatus>(text, true, out var status) && Enum.IsDefined(status):
                invoices = invoices.Where(i => i.Status == status);
                break;
        }
        if (IsYes(query.Filter("overdue"))) invoices = Overdue(invoices, today);
        if (Enum.TryParse<LinePayer>(query.Filter("payer"), true, out var payer) && Enum.IsDefined(payer)) invoices = invoices.Where(i => i.Payer == payer);
        if (Day(query.Filter("from")) is { } from) invoices = invoices.Where(i => i.IssueDate >= from);
        if (Day(query.Filter("to")) is { } to) invoices = invoices.Where(i => i.IssueDate <= to);
        if (Guid.TryParse(query.Filter("customer"), out var customerId)) invoices = invoices.Where(i => i.WorkOrder.CustomerId == customerId);
        if (query.Filter("age") is { } age && AgeRange(age, today) is { } range)
        {
            invoices = invoices.Where(i => i.Kind == InvoiceKind.Invoice && OpenStatuses.Contains(i.Status) && i.DueDate != null);
            if (range.Oldest is { } oldest) invoices = invoices.Where(i => i.DueDate >= oldest);
            if (range.Newest is { } newest) invoices = invoices.Where(i => i.DueDate <= newest);
        }

        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var number = term.ToUpperInvariant();
            var name = term.ToLowerInvariant();
            var plate = SearchNormalization.LicensePlate(term);
            invoices = plate is null
                ? invoices.Where(i => (i.InvoiceNumber != null && i.InvoiceNumber.Contains(number)) || i.WorkOrder.WorkOrderNumber.Contains(number)
                                      || i.WorkOrder.Customer.Name.ToLower().Contains(name))
                : invoices.Where(i => (i.InvoiceNumber != null && i.InvoiceNumber.Contains(number)) || i.WorkOrder.WorkOrderNumber.Contains(number)
                                      || i.WorkOrder.Customer.Name.ToLower().Contains(name)
                                      || (i.WorkOrder.Vehicle.LicensePlateNormalized != null && i.WorkOrder.Vehicle.LicensePlateNormalized.Contains(plate)));
        }
        return invoices;
    }

    private static IQueryable<Invoice> Overdue(IQueryable<Invoice> invoices, DateOnly today) =>
        invoices.Where(i => i.Kind == InvoiceKind.Invoice && OpenStatuses.Contains(i.Status) && i.DueDate != null && i.DueDate < today);

    /// <summary>The due dates of an ageing bucket: 0–30 days past due holds invoices not yet due too.</summary>
    public static (DateOnly? Oldest, DateOnly? Newest)? AgeRange(string bucket, DateOnly today) => bucket switch
    {
        "0-30" => (today.AddDays(-30), null),
        "31-60" => (today.AddDays(-60), today.AddDays(-31)),
        "61-90" => (today.AddDays(-90), today.AddDays(-61)),
        "90+" => (null, today.AddDays(-91)),
        _ => null,
    };

    /// <summary>The bucket of an open invoice by its days past due (not yet due counts as 0).</summary>
    public static int BucketOf(DateOnly dueDate, DateOnly today)
    {
        var days = today.DayNumber - dueDate.DayNumber;
        return days <= 30 ? 0 : days <= 60 ? 1 : days <= 90 ? 2 : 3;
    }

    private static readonly Expression<Func<Invoice, InvoiceRow>> ToRow = i => new InvoiceRow(
        i.Id, i.DealerId, i.InvoiceNumber, i.Kind, i.Payer, i.Status, i.WorkOrderId, i.WorkOrder.WorkOrderNumber, i.WorkOrder.CustomerId,
        i.WorkOrder.Customer.Name, i.WorkOrder.Vehicle.LicensePlate, i.IssueDate, i.DueDate, i.TotalAmount, i.PaidAmount, i.BalanceDue, i.CurrencyCode);

    private async Task<IReadOnlyList<InvoiceRow>> ShownAsync(MotorTraceDbContext db, IReadOnlyList<InvoiceRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var shown = await ShownAsync(db, ct);
        return [.. rows.Select(shown)];
    }

    /// <summary>How a row gets its shown status and dealer: the dealers are read once, before the rows.</summary>
    private async Task<Func<InvoiceRow, InvoiceRow>> ShownAsync(MotorTraceDbContext db, CancellationToken ct)
    {
        var codes = AllDealers ? await db.Dealers.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.DealerCode, ct) : null;
        var today = dealer.Today;
        return r => r with { Status = InvoiceMoney.Shown(r.Kind, r.StoredStatus, r.DueDate, today), DealerCode = codes?.GetValueOrDefault(r.DealerId) };
    }

    // ---- Accounts receivable ----

    /// <summary>
    /// The open invoices (finalised, not void, with a balance) of the dealer by customer, aged by days past due into
    /// 0–30 (not yet due included), 31–60, 61–90 and over 90 days; customers with the largest balance first.
    /// Balances are summed here, not in SQL (SQLite cannot sum decimals).
    /// </summary>
    public async Task<ReceivablesReport> ReceivablesAsync(CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invoices = db.Invoices.AsNoTracking().Where(i => i.Kind == InvoiceKind.Invoice && OpenStatuses.Contains(i.Status));
        if (user.DealerScope is { } dealerId) invoices = invoices.Where(i => i.DealerId == dealerId);
        var open = await invoices.Select(i => new
        {
            i.DealerId, i.WorkOrder.CustomerId, Customer = i.WorkOrder.Customer.Name, i.WorkOrder.Customer.Phone, i.DueDate, i.IssueDate, i.BalanceDue, i.CurrencyCode,
        }).ToListAsync(ct);
        var codes = AllDealers ? await db.Dealers.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.DealerCode, ct) : null;
        var today = dealer.Today;
        var rows = open.Where(i => i.BalanceDue > 0)
            .GroupBy(i => (i.DealerId, i.CustomerId))
            .Select(g =>
            {
                var buckets = new decimal[4];
                foreach (var i in g) buckets[BucketOf(i.DueDate ?? i.IssueDate, today)] += i.BalanceDue;
                var first = g.First();
                return new ReceivableRow(first.CustomerId, first.Customer, first.Phone, codes?.GetValueOrDefault(first.DealerId), first.CurrencyCode, g.Count(),
                    buckets[0], buckets[1], buckets[2], buckets[3]);
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.CustomerName, StringComparer.CurrentCulture).ToList();
        return new ReceivablesReport(rows, today,
            rows.Sum(r => r.Days0To30), rows.Sum(r => r.Days31To60), rows.Sum(r => r.Days61To90), rows.Sum(r => r.Over90), rows.Sum(r => r.Count),
            AllDealers ? null : dealer.Currency);
    }

    private static bool IsYes(string? value) => value is not null && (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>One customer's open balance by age.</summary>
public sealed record ReceivableRow(Guid CustomerId, string CustomerName, string? Phone, string? DealerCode, string Currency, int Count,
    decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90)
{
    public decimal Total => Days0To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>The ageing table and its column totals (<see cref="Currency"/> is null when the rows span several dealers).</summary>
public sealed record ReceivablesReport(IReadOnlyList<ReceivableRow> Rows, DateOnly AsOf, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90, int Count,
    string? Currency)
{
    public decimal Total => Days0To30 + Days31To60 + Days61To90 + Over90;
}
