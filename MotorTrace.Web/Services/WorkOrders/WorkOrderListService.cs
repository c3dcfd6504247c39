using System.Runtime.CompilerServices;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>One work order as the list, the board and the Excel export show it.</summary>
public sealed record WorkOrderRow(
    Guid Id,
    Guid DealerId,
    string Number,
    string CustomerName,
    string Vehicle,
    string? Plate,
    WorkOrderStatus Status,
    WorkflowStep Step,
    string? Advisor,
    List<string> Technicians,
    JobPriority Priority,
    JobType JobType,
    DateTime OpenedAt,
    DateTime? PromisedAt,
    decimal Total)
{
    /// <summary>Promised and not ready by then (set by the service from its clock).</summary>
    public bool IsOverdue { get; init; }

    /// <summary>Filled when the list spans every dealer (a manufacturer user in "All dealers").</summary>
    public string? DealerCode { get; init; }

    /// <summary>The work order's dealer's currency.</summary>
    public string Currency { get; init; } = DealerContext.DefaultCurrency;
}

/// <summary>One column of the board: the open work orders of one status (Pending covers Draft and Open).</summary>
public sealed record BoardColumn(string Status, string Title, IReadOnlyList<WorkOrderStatus> Statuses, int Total, IReadOnlyList<WorkOrderRow> Cards);

/// <summary>A person a filter can name (advisor, technician).</summary>
public sealed record PersonOption(Guid Id, string Name);

/// <summary>
/// The work-order list, board and export of the dealer being worked in: one query (<see cref="Filtered"/>) behind all
/// three, so the board, every page of the list and the workbook hold exactly the same work orders.
/// </summary>
public sealed class WorkOrderListService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    TimeProvider clock)
{
    /// <summary>
    /// The list's filters in the address: <c>status</c> (a status name, <c>pending</c>, or <c>all</c>; open ones when
    /// absent), <c>advisor</c> and <c>technician</c> (user ids), <c>priority</c>, <c>jobtype</c>, <c>promised</c>
    /// (<c>overdue</c>, <c>today</c> or a local date <c>yyyy-MM-dd</c>), <c>queue=warranty</c> (warranty and recall work
    /// missing its claim number or approval code) and <c>view=board</c>.
    /// </summary>
    public static readonly string[] FilterNames = ["status", "advisor", "technician", "priority", "jobtype", "promised", "queue", "view"];

    public const string AllStatuses = "all";
    public const string Pending = "pending";
    public const string WarrantyQueue = "warranty";
    public const string BoardView = "board";

    /// <summary>Cards per board column; the rest are a click away in the list filtered to that status.</summary>
    public const int BoardColumnLimit = 30;

    private static readonly GridSortMap<WorkOrder> Sorts = new GridSortMap<WorkOrder>("opened", SortOrder.Desc)
    {
        { "number", w => w.WorkOrderNumber },
        { "opened", w => w.OpenedAt },
        { "promised", w => w.PromisedAt },
        { "customer", w => w.Customer.Name },
        { "status", w => w.Status },
        { "priority", w => w.Priority },
        { "total", w => w.TotalAmount },
    }.ThenBy(w => w.Id);

    /// <summary>A manufacturer user working in "All dealers": lists show each row's dealer.</summary>
    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<GridResult<WorkOrderRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await Filtered(db, query).ToGridResultAsync(query, Sorts, ToRow, ct);
        return result with { Items = await ShownAsync(db, result.Items, ct) };
    }

    /// <summary>
    /// Every row the filters select, in the list's order (all pages), as the export streams them: read from the database
    /// as they are written, shown a batch at a time (their technicians read on a second context while the first reads).
    /// </summary>
    public async IAsyncEnumerable<WorkOrderRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var lookups = await dbFactory.CreateDbContextAsync(ct);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        var batch = new List<WorkOrderRow>(ExportBatch);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count < ExportBatch) continue;
            foreach (var shown in await ShownAsync(lookups, batch, ct)) yield return shown;
            batch.Clear();
        }
        foreach (var shown in await ShownAsync(lookups, batch, ct)) yield return shown;
    }

    private const int ExportBatch = 500;

    public async Task<int> CountAsync(GridQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filtered(db, query).CountAsync(ct);
    }

    /// <summary>
    /// The board: a column per open status with its count and its first cards (overdue and soonest promised first), under
    /// the same filters as the list (a status filter narrows the board to that column).
    /// </summary>
    public async Task<IReadOnlyList<BoardColumn>> BoardAsync(GridQuery query, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = Filtered(db, query).Where(w => OpenStatuses.Contains(w.Status));
        var counts = await open.GroupBy(w => w.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var columns = new List<BoardColumn>();
        foreach (var group in BoardGroups)
        {
            var total = counts.Where(c => group.Statuses.Contains(c.Status)).Sum(c => c.Count);
            // Older data's "Estimate" status gets a column only while a work order still has it.
            if (total == 0 && group.Statuses is [WorkOrderStatus.Estimate]) continue;
            var statuses = group.Statuses;
            var cards = total == 0 ? [] : await open.Where(w => statuses.Contains(w.Status))
                .OrderBy(w => w.PromisedAt == null).ThenBy(w => w.PromisedAt).ThenBy(w => w.OpenedAt).ThenBy(w => w.Id)
                .Take(BoardColumnLimit).Select(ToRow).ToListAsync(ct);
            columns.Add(new BoardColumn(group.Key, group.Title, group.Statuses, total, await ShownAsync(db, cards, ct)));
        }
        return columns;
    }

    /// <summary>The dealer's active advisors (and managers) and technicians, for the filters.</summary>
    public async Task<(IReadOnlyList<PersonOption> Advisors, IReadOnlyList<PersonOption> Technicians)> PeopleAsync(CancellationToken ct = default)
    {
        if (user.DealerScope is not { } dealerId) return ([], []);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from person in db.Users
            join userRole in db.UserRoles on person.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where person.DealerId == dealerId && person.IsActive
                  && (role.Name == Roles.ServiceAdvisor || role.Name == Roles.Manager || role.Name == Roles.Technician)
            orderby person.FullName
            select new { person.Id, person.FullName, role.Name }).AsNoTracking().ToListAsync(ct);
        return (
            rows.Where(r => r.Name != Roles.Technician).DistinctBy(r => r.Id).Select(r => new PersonOption(r.Id, r.FullName)).ToList(),
            rows.Where(r => r.Name == Roles.Technician).DistinctBy(r => r.Id).Select(r => new PersonOption(r.Id, r.FullName)).ToList());
    }

    /// <summary>The statuses a <c>status</c> filter value stands for, or null for every status.</summary>
    public static IReadOnlyList<WorkOrderStatus>? StatusesOf(string? value, bool warrantyQueue = false)
    {
        if (string.IsNullOrEmpty(value))
            return warrantyQueue ? [.. Enum.GetValues<WorkOrderStatus>().Where(s => s != WorkOrderStatus.Cancelled)] : OpenStatuses;
        if (value.Equals(AllStatuses, StringComparison.OrdinalIgnoreCase)) return null;
        if (value.Equals(Pending, StringComparison.OrdinalIgnoreCase)) return PendingStatuses;
        return Enum.TryParse<WorkOrderStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status is WorkOrderStatus.Draft or WorkOrderStatus.Open ? PendingStatuses : [status]
            : OpenStatuses;
    }

    /// <summary>The filters in words, for the export's header.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query, IReadOnlyList<PersonOption> people)
    {
        var parts = new List<(string, string)>();
        var warranty = IsWarrantyQueue(query);
        if (warranty) parts.Add(("Queue", "Warranty claims missing a claim number or approval code"));
        parts.Add(("Status", query.Filter("status") switch
        {
            null => warranty ? "All but cancelled" : "Open (in the workshop)",
            var s when s.Equals(AllStatuses, StringComparison.OrdinalIgnoreCase) => "All",
            var s => StatusesOf(s) is [var one] ? WorkOrderFlow.Label(one) : "Pending",
        }));
        if (query.Search is { } search) parts.Add(("Search", search));
        if (Id(query.Filter("advisor")) is { } advisor) parts.Add(("Advisor", people.FirstOrDefault(p => p.Id == advisor)?.Name ?? "Unknown"));
        if (Id(query.Filter("technician")) is { } technician) parts.Add(("Technician", people.FirstOrDefault(p => p.Id == technician)?.Name ?? "Unknown"));
        if (Parse<JobPriority>(query.Filter("priority")) is { } priority) parts.Add(("Priority", priority.ToString()));
        if (Parse<JobType>(query.Filter("jobtype")) is { } jobType) parts.Add(("Job type", jobType.ToString()));
        if (query.Filter("promised") is { } promised) parts.Add(("Promised", promised));
        return parts;
    }

    public static bool IsWarrantyQueue(GridQuery query) =>
        string.Equals(query.Filter("queue"), WarrantyQueue, StringComparison.OrdinalIgnoreCase);

    private static readonly WorkOrderStatus[] OpenStatuses = [.. Enum.GetValues<WorkOrderStatus>().Where(WorkOrderFlow.IsOpen)];
    private static readonly WorkOrderStatus[] PendingStatuses = [WorkOrderStatus.Draft, WorkOrderStatus.Open];

    private sealed record BoardGroup(string Key, string Title, WorkOrderStatus[] Statuses);

    private static readonly BoardGroup[] BoardGroups =
    [
        .. OpenStatuses.GroupBy(WorkOrderFlow.Label).Select(g => new BoardGroup(
            g.Count() > 1 ? Pending : g.First().ToString(), g.Key, [.. g])),
    ];

    /// <summary>
    /// The work orders the filters select. The dealer is repeated as a plain equality next to the tenancy filter (as in
    /// <c>CustomerService.Matching</c>) so the database seeks the dealer's rows on its index.
    /// </summary>
    private IQueryable<WorkOrder> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var orders = db.WorkOrders.AsNoTracking();
        if (user.DealerScope is { } dealerId) orders = orders.Where(w => w.DealerId == dealerId);

        var warranty = IsWarrantyQueue(query);
        if (StatusesOf(query.Filter("status"), warranty)?.ToArray() is { } statuses) orders = orders.Where(w => statuses.Contains(w.Status));
        if (warranty)
            orders = orders.Where(w =>
                (w.JobType == JobType.Warranty || w.JobType == JobType.Recall
                 || w.Services.Any(s => s.Payer == LinePayer.Warranty) || w.Parts.Any(p => p.Payer == LinePayer.Warranty))
                && (w.WarrantyClaimNumber == null || w.WarrantyClaimNumber == "" || w.ThirdPartyApprovalCode == null || w.ThirdPartyApprovalCode == ""));
        if (Id(query.Filter("advisor")) is { } advisor) orders = orders.Where(w => w.AdvisorId == advisor);
        if (Id(query.Filter("technician")) is { } technician) orders = orders.Where(w => w.Labor.Any(l => l.TechnicianId == technician));
        if (Parse<JobPriority>(query.Filter("priority")) is { } priority) orders = orders.Where(w => w.Priority == priority);
        if (Parse<JobType>(query.Filter("jobtype")) is { } jobType) orders = orders.Where(w => w.JobType == jobType);

        var now = clock.GetUtcNow().UtcDateTime;
        switch (query.Filter("promised")?.ToLowerInvariant())
        {
            case "overdue":
                orders = orders.Where(w => w.PromisedAt != null && w.PromisedAt < now && OpenStatuses.Contains(w.Status));
                break;
            case "today":
                orders = PromisedOn(orders, dealer.Today);
                break;
            case { } text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                orders = PromisedOn(orders, day);
                break;
        }

        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var number = term.ToUpperInvariant();
            var name = term.ToLowerInvariant();
            var plate = SearchNormalization.LicensePlate(term);
            orders = plate is null
                ? orders.Where(w => w.WorkOrderNumber.Contains(number) || w.Customer.Name.ToLower().Contains(name))
                : orders.Where(w => w.WorkOrderNumber.Contains(number) || w.Customer.Name.ToLower().Contains(name)
                                    || (w.Vehicle.LicensePlateNormalized != null && w.Vehicle.LicensePlateNormalized.Contains(plate)));
        }
        return orders;
    }

    private IQueryable<WorkOrder> PromisedOn(IQueryable<WorkOrder> orders, DateOnly day)
    {
        var (start, end) = dealer.DayInUtc(day);
        return orders.Where(w => w.PromisedAt >= start && w.PromisedAt < end);
    }

    private static readonly Expression<Func<WorkOrder, WorkOrderRow>> ToRow = w => new WorkOrderRow(
        w.Id, w.DealerId, w.WorkOrderNumber, w.Customer.Name, w.Vehicle.Make + " " + w.Vehicle.Model, w.Vehicle.LicensePlate ?? w.Vehicle.Vin,
        w.Status, w.WorkflowStep, w.Advisor == null ? null : w.Advisor.FullName,
        new List<string>(), w.Priority, w.JobType, w.OpenedAt, w.PromisedAt, w.TotalAmount);

    /// <summary>
    /// Rows as shown: overdue marked, technicians in name order, and the dealer and currency of each row. Technicians are
    /// read here by the rows' ids (on the labour's work-order index) rather than joined in the rows' query, where SQLite
    /// materialised every labour line of the dealer before the join (3 s for the board of a dealer with 30,000 work orders).
    /// </summary>
    private async Task<IReadOnlyList<WorkOrderRow>> ShownAsync(MotorTraceDbContext db, IReadOnlyList<WorkOrderRow> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var technicians = new List<(Guid WorkOrderId, string Name)>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(1000)) // SQL Server takes at most 2,100 parameters
            technicians.AddRange((await db.WorkOrderLabor.AsNoTracking()
                    .Where(l => chunk.Contains(l.WorkOrderId) && l.TechnicianId != null)
                    .Select(l => new { l.WorkOrderId, l.Technician!.FullName }).ToListAsync(ct))
                .Select(t => (t.WorkOrderId, t.FullName)));
        var byWorkOrder = technicians.ToLookup(t => t.WorkOrderId, t => t.Name);
        var dealers = AllDealers && rows.Count > 0
            ? await db.Dealers.AsNoTracking()
                .Select(d => new { d.Id, d.DealerCode, Currency = db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.CurrencyCode).FirstOrDefault() })
                .ToDictionaryAsync(d => d.Id, ct)
            : null;
        return rows.Select(r => r with
        {
            Technicians = [.. byWorkOrder[r.Id].Distinct().Order(StringComparer.CurrentCulture)],
            IsOverdue = r.PromisedAt is { } promised && promised < now && WorkOrderFlow.IsOpen(r.Status),
            DealerCode = dealers?.GetValueOrDefault(r.DealerId)?.DealerCode,
            Currency = dealers is null ? dealer.Currency : dealers.GetValueOrDefault(r.DealerId)?.Currency ?? DealerContext.DefaultCurrency,
        }).ToList();
    }

    private static Guid? Id(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
