using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Finance;

/// <summary>One payment as the payments list and its export show it.</summary>
public sealed record PaymentRow(
    Guid Id, Guid DealerId, DateTime? PaidAt, DateTime CreatedAt, Guid? InvoiceId, string? InvoiceNumber, Guid WorkOrderId, string WorkOrderNumber,
    string CustomerName, PaymentMethod Method, string? Reference, decimal Amount, decimal Refunded, PaymentRecordStatus Status, string ProcessedBy)
{
    public DateTime When => PaidAt ?? CreatedAt;
    public string Currency { get; init; } = DealerContext.DefaultCurrency;
    public string? DealerCode { get; init; }
}

/// <summary>The payments list and its export over one query: filters <c>method</c>, <c>from</c>, <c>to</c> (local dates) and a search.</summary>
public sealed class PaymentListService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer)
{
    public static readonly string[] FilterNames = ["method", "from", "to"];

    private static readonly GridSortMap<Payment> Sorts = new GridSortMap<Payment>("paid", SortOrder.Desc)
    {
        { "paid", p => p.PaidAt ?? p.CreatedAt },
        { "method", p => p.Method },
        { "customer", p => p.WorkOrder.Customer.Name },
    }.ThenBy(p => p.Id);

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<GridResult<PaymentRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await Filtered(db, query).ToGridResultAsync(query, Sorts, ToRow, ct);
        return result with { Items = await ShownAsync(db, result.Items, ct) };
    }

    /// <summary>Every payment the list's search and filters select, in its order (all pages), as the export streams them.</summary>
    public async IAsyncEnumerable<PaymentRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var shown = await ShownAsync(db, ct);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(ct))
            yield return shown(row);
    }

    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query)
    {
        var parts = new List<(string, string)>();
        if (Method(query.Filter("method")) is { } method) parts.Add(("Method", Components.Shared.StatusStyles.Label(method)));
        if (query.Filter("from") is { } from) parts.Add(("Paid from", from));
        if (query.Filter("to") is { } to) parts.Add(("Paid to", to));
        if (query.Search is { } search) parts.Add(("Search", search));
        return parts;
    }

    private IQueryable<Payment> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var payments = db.Payments.AsNoTracking();
        if (user.DealerScope is { } dealerId) payments = payments.Where(p => p.DealerId == dealerId);
        if (Method(query.Filter("method")) is { } method) payments = payments.Where(p => p.Method == method);
        if (Day(query.Filter("from")) is { } from)
        {
            var start = dealer.DayInUtc(from).Start;
            payments = payments.Where(p => (p.PaidAt ?? p.CreatedAt) >= start);
        }
        if (Day(query.Filter("to")) is { } to)
        {
            var end = dealer.DayInUtc(to).End;
            payments = payments.Where(p => (p.PaidAt ?? p.CreatedAt) < end);
        }
        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var upper = term.ToUpperInvariant();
            var lower = term.ToLowerInvariant();
            payments = payments.Where(p => (p.Invoice != null && p.Invoice.InvoiceNumber != null && p.Invoice.InvoiceNumber.Contains(upper))
                                           || p.WorkOrder.WorkOrderNumber.Contains(upper)
                                           || p.WorkOrder.Customer.Name.ToLower().Contains(lower)
                                           || (p.Reference != null && p.Reference.ToLower().Contains(lower)));
        }
        return payments;
    }

    private static readonly Expression<Func<Payment, PaymentRow>> ToRow = p => new PaymentRow(
        p.Id, p.DealerId, p.PaidAt, p.CreatedAt, p.InvoiceId, p.Invoice == null ? null : p.Invoice.InvoiceNumber, p.WorkOrderId, p.WorkOrder.WorkOrderNumber,
        p.WorkOrder.Customer.Name, p.Method, p.Reference, p.Amount, p.RefundAmount, p.Status, p.ProcessedBy.FullName);

    private async Task<IReadOnlyList<PaymentRow>> ShownAsync(MotorTraceDbContext db, IReadOnlyList<PaymentRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var shown = await ShownAsync(db, ct);
        return [.. rows.Select(shown)];
    }

    /// <summary>How a row gets its dealer and currency: the dealers are read once, before the rows.</summary>
    private async Task<Func<PaymentRow, PaymentRow>> ShownAsync(MotorTraceDbContext db, CancellationToken ct)
    {
        if (!AllDealers) return r => r with { Currency = dealer.Currency };
        var dealers = await DealerContext.LabelsAsync(db, ct);
        return r => r with
        {
            DealerCode = dealers.GetValueOrDefault(r.DealerId)?.Code,
            Currency = dealers.GetValueOrDefault(r.DealerId)?.Currency ?? DealerContext.DefaultCurrency,
        };
    }

    public static PaymentMethod? Method(string? value) =>
        Enum.TryParse<PaymentMethod>(value, true, out var method) && Enum.IsDefined(method) ? method : null;

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
