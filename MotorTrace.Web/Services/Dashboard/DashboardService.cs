using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Programmes;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Dashboard;

public sealed record StatusCount<TStatus>(TStatus Status, int Count) where TStatus : struct, Enum;

public sealed record AppointmentRow(Guid Id, DateTime Start, DateTime End, string Customer, string Vehicle, string? Plate, AppointmentStatus Status,
    string DealerCode);

public sealed record WorkOrderRow(Guid Id, string Number, string Customer, string Vehicle, string? Plate, WorkOrderStatus Status,
    DateTime OpenedAt, DateTime? PromisedAt, decimal Total, string DealerCode, string? Currency);

public sealed record AdvisorDashboard(
    IReadOnlyList<AppointmentRow> AppointmentsToday,
    IReadOnlyList<StatusCount<WorkOrderStatus>> OpenByStatus,
    IReadOnlyList<WorkOrderRow> AwaitingApproval,
    int AwaitingApprovalTotal,
    IReadOnlyList<WorkOrderRow> PromisedToday);

public sealed record TechnicianJob(Guid Id, Guid WorkOrderId, string WorkOrderNumber, string Vehicle, string? Plate, string Description,
    ServiceStatus Status, int? EstimatedMinutes, DateTime? StartedAt, DateTime? PromisedAt, JobPriority Priority);

public sealed record ProgrammeItem(string DealerCode, string Kind, string Number, string Status, DateOnly Date);

public sealed record ManagerDashboard(
    IReadOnlyList<StatusCount<WorkOrderStatus>> WorkInProgress,
    decimal RevenueThisMonth,
    int CarsThisMonth,
    decimal PaymentsThisMonth,
    int PaymentCountThisMonth,
    int AppointmentsToday,
    int LowStockItems,
    IReadOnlyList<ProgrammeItem> ProgrammeAttention,
    int ProgrammeAttentionTotal);

public sealed record DealerNetworkRow(Guid DealerId, string Code, string Name, int OpenWorkOrders, decimal RevenueThisMonth,
    int PccAwaitingReview, int SurveysThisQuarter, decimal? AverageSurveyScore, string Currency);

public sealed record ReorderRow(Guid Id, string Sku, string Name, int Quantity, int ReorderPoint, int Shortfall, string DealerCode);

public sealed record InventoryDashboard(IReadOnlyList<ReorderRow> Reorder, int ReorderTotal, int ReceiptsToday, int IssuesToday,
    int OtherMovementsToday, decimal StockValue, int ItemCount);

public sealed record WarrantyRow(Guid Id, string Number, string? ClaimNumber, string Vehicle, string? Plate, WorkOrderStatus Status,
    WarrantyStatus WarrantyStatus, DateTime OpenedAt, string DealerCode);

public sealed record SurveyRow(string DealerCode, string Number, string? Period, SurveyStatus Status, decimal? Score, DateOnly SubmittedOn);

public sealed record WarrantyDashboard(IReadOnlyList<WarrantyRow> OpenClaims, int OpenClaimsTotal, IReadOnlyList<SurveyRow> Surveys);

public sealed record RoleCount(string Role, string Name, int Count);

public sealed record FailedSignIn(string? Email, DateTime At, string? Reason, string? IpAddress);

public sealed record AdminDashboard(
    IReadOnlyList<RoleCount> UsersByRole,
    int ActiveUsers,
    int TotalUsers,
    IReadOnlyList<StatusCount<DealerStatus>> DealersByStatus,
    int ActiveSessions,
    int FailedSignIns24h,
    IReadOnlyList<FailedSignIn> RecentFailures);

public sealed record CustomerVehicle(Guid Id, string Name, int Year, string? Plate, int? Mileage, DateTime? MileageUpdated);

public sealed record CustomerDashboard(
    bool Linked,
    IReadOnlyList<CustomerVehicle> Vehicles,
    IReadOnlyList<AppointmentRow> Upcoming,
    IReadOnlyList<WorkOrderRow> OpenWorkOrders,
    decimal UnpaidBalance,
    int UnpaidInvoices);

/// <summary>
/// The figures of the role dashboards at <c>/</c>. Every query is a no-tracking projection of what the page
/// shows, grouped in the database where SQL can do it; money is summed here after projecting, because SQLite
/// cannot sum or compare decimals. Tenancy comes from the query filter, so a dealer user sees their dealer and
/// a manufacturer user the dealer picked in the header, or the whole network. "Today" and "this month" are
/// the dealer's (<see cref="DealerContext"/>; UTC across all dealers). Each method is one short operation on its own
/// context, so a circuit never holds one.
/// </summary>
public sealed class DashboardService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext zone, TimeProvider clock,
    Reports.ReportService reports)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public (DateTime Start, DateTime End) Today => zone.DayInUtc(zone.Today);

    private DateOnly MonthStart => new(zone.Today.Year, zone.Today.Month, 1);

    private (DateTime Start, DateTime End) MonthInUtc => (zone.DayInUtc(MonthStart).Start, zone.DayInUtc(MonthStart.AddMonths(1)).Start);

    private DateOnly QuarterStart => new(zone.Today.Year, (zone.Today.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>
    /// Still in the workshop's hands: not closed and not cancelled (invoiced cars await collection). Spelled as
    /// a list of the open statuses so SQLite can look them up in the (DealerId, Status) index.
    /// </summary>
    private static readonly Expression<Func<WorkOrder, bool>> IsOpen = OpenStatusPredicate();

    private IQueryable<WorkOrder> OpenWorkOrders(MotorTraceDbContext db) => Mine(db, db.WorkOrders.AsNoTracking()).Where(IsOpen);

    private async Task<MotorTraceDbContext> OpenAsync(CancellationToken ct)
    {
        await zone.LoadAsync(ct);
        return await dbFactory.CreateDbContextAsync(ct);
    }

    private static Expression<Func<WorkOrder, bool>> OpenStatusPredicate()
    {
        var w = Expression.Parameter(typeof(WorkOrder), "w");
        var status = Expression.Property(w, nameof(WorkOrder.Status));
        var body = Reports.Kpi.OpenStatuses
            .Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<WorkOrder, bool>>(body, w);
    }

    /// <summary>
    /// The tenancy filter already limits every query to the chosen dealer; it is written as "no scope, or this
    /// dealer", which SQLite cannot answer from an index. Naming the dealer once more (or, network-wide, going
    /// through the dealers) lets it use the (DealerId, …) indexes: on a network with years of history that is
    /// the difference between a few lookups and a scan of every work order.
    /// </summary>
    private IQueryable<T> Mine<T>(MotorTraceDbContext db, IQueryable<T> query) where T : class, IDealerOwned =>
        user.DealerScope is { } scope
            ? query.Where(e => e.DealerId == scope)
            : db.Dealers.AsNoTracking().SelectMany(d => query.Where(e => e.DealerId == d.Id));

    public async Task<AdvisorDashboard> AdvisorAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var (start, end) = Today;
        var appointments = await Mine(db, db.Appointments.AsNoTracking())
            .Where(a => a.StartTime >= start && a.StartTime < end)
            .OrderBy(a => a.StartTime)
            .Select(a => new AppointmentRow(a.Id, a.StartTime, a.EndTime, a.Customer.Name, a.Vehicle.Make + " " + a.Vehicle.Model,
                a.Vehicle.LicensePlate, a.Status, db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.DealerCode).First()))
            .Take(50)
            .ToListAsync(ct);

        var awaitingQuery = OpenWorkOrders(db).Where(w => w.Status == WorkOrderStatus.AwaitingApproval);
        var awaitingTotal = await awaitingQuery.CountAsync(ct);
        var awaiting = await ProjectWorkOrders(db, awaitingQuery.OrderBy(w => w.OpenedAt)).Take(10).ToListAsync(ct);
        var promised = await ProjectWorkOrders(db, OpenWorkOrders(db)
                .Where(w => w.PromisedAt >= start && w.PromisedAt < end)
                .OrderBy(w => w.PromisedAt))
            .Take(15)
            .ToListAsync(ct);
        return new AdvisorDashboard(appointments, await OpenByStatusAsync(db, ct), awaiting, awaitingTotal, promised);
    }

    private static IQueryable<WorkOrderRow> ProjectWorkOrders(MotorTraceDbContext db, IQueryable<WorkOrder> query) =>
        query.Select(w => new WorkOrderRow(w.Id, w.WorkOrderNumber, w.Customer.Name, w.Vehicle.Make + " " + w.Vehicle.Model,
            w.Vehicle.LicensePlate, w.Status, w.OpenedAt, w.PromisedAt, w.TotalAmount,
            db.Dealers.Where(d => d.Id == w.DealerId).Select(d => d.DealerCode).First(),
            db.DealerSettings.Where(s => s.DealerId == w.DealerId).Select(s => s.CurrencyCode).FirstOrDefault()));

    /// <summary>Open work orders counted per status in the database, in the order of the workflow.</summary>
    private async Task<IReadOnlyList<StatusCount<WorkOrderStatus>>> OpenByStatusAsync(MotorTraceDbContext db, CancellationToken ct)
    {
        var counts = await OpenWorkOrders(db).GroupBy(w => w.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return [.. counts.OrderBy(c => c.Status).Select(c => new StatusCount<WorkOrderStatus>(c.Status, c.Count))];
    }

    /// <summary>The technician's open jobs: labor lines assigned to them on work orders still in the workshop, running job first.</summary>
    public async Task<IReadOnlyList<TechnicianJob>> TechnicianJobsAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } technicianId) return [];
        await using var db = await OpenAsync(ct);
        return await Mine(db, db.WorkOrderLabor.AsNoTracking())
            .Where(l => l.TechnicianId == technicianId
                && l.Status != ServiceStatus.Completed && l.Status != ServiceStatus.Cancelled
                && l.WorkOrder.Status != WorkOrderStatus.Closed && l.WorkOrder.Status != WorkOrderStatus.Cancelled)
            .OrderBy(l => l.Status == ServiceStatus.InProgress ? 0 : l.Status == ServiceStatus.Pending ? 1 : 2)
            .ThenBy(l => l.WorkOrder.PromisedAt)
            .ThenBy(l => l.WorkOrder.WorkOrderNumber)
            .Select(l => new TechnicianJob(l.Id, l.WorkOrderId, l.WorkOrder.WorkOrderNumber, l.WorkOrder.Vehicle.Make + " " + l.WorkOrder.Vehicle.Model,
                l.WorkOrder.Vehicle.LicensePlate, l.Description, l.Status, l.EstimatedMinutes, l.StartTime, l.WorkOrder.PromisedAt,
                l.WorkOrder.Priority))
            .Take(50)
            .ToListAsync(ct);
    }

    private const int AttentionShown = 6;

    public async Task<ManagerDashboard> ManagerAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var (monthStart, monthEnd) = MonthInUtc;
        var firstDay = MonthStart;
        var nextMonth = firstDay.AddMonths(1);
        var sales = await reports.SalesByDealerAsync(firstDay, nextMonth.AddDays(-1), ct);
        var payments = await Mine(db, db.Payments.AsNoTracking())
            .Where(p => p.PaidAt >= monthStart && p.PaidAt < monthEnd
                && (p.Status == PaymentRecordStatus.Completed || p.Status == PaymentRecordStatus.PartiallyRefunded))
            .Select(p => new { p.Amount, p.RefundAmount })
            .ToListAsync(ct);
        var (todayStart, todayEnd) = Today;
        var appointmentsToday = await Mine(db, db.Appointments.AsNoTracking())
            .CountAsync(a => a.StartTime >= todayStart && a.StartTime < todayEnd && a.Status != AppointmentStatus.Cancelled);
        var lowStock = await Mine(db, db.InventoryItems.AsNoTracking()).CountAsync(i => i.IsActive && i.Quantity <= i.ReorderPoint);

        var applicationsQuery = db.DealerPccApplications.AsNoTracking()
            .Where(a => a.Status == ProgrammeStatus.Draft || a.Status == ProgrammeStatus.RevisionRequested);
        var surveysQuery = db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Draft);
        var attentionTotal = await applicationsQuery.CountAsync(ct) + await surveysQuery.CountAsync(ct);
        var applications = await applicationsQuery
            .OrderBy(a => a.ApplicationDate)
            .Select(a => new { DealerCode = db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.DealerCode).First(), a.ApplicationNumber, a.Status, a.ApplicationDate })
            .Take(AttentionShown)
            .ToListAsync(ct);
        var surveys = await surveysQuery
            .OrderBy(s => s.SubmissionDate)
            .Select(s => new { DealerCode = db.Dealers.Where(d => d.Id == s.DealerId).Select(d => d.DealerCode).First(), s.Kind, s.SurveyNumber, s.SubmissionDate })
            .Take(AttentionShown)
            .ToListAsync(ct);
        List<ProgrammeItem> attention =
        [
            .. applications.Select(a => new ProgrammeItem(a.DealerCode, "PCC application", a.ApplicationNumber,
                a.Status == ProgrammeStatus.Draft ? "Draft" : "Revision requested", a.ApplicationDate)),
            .. surveys.Select(s => new ProgrammeItem(s.DealerCode, $"{s.Kind} survey", s.SurveyNumber, "Draft", s.SubmissionDate)),
        ];

        return new ManagerDashboard(await OpenByStatusAsync(db, ct), sales.Values.Sum(v => v.Sales), sales.Values.Sum(v => v.CarCount),
            payments.Sum(p => p.Amount - p.RefundAmount), payments.Count, appointmentsToday, lowStock,
            [.. attention.Take(AttentionShown)], attentionTotal);
    }

    /// <summary>The manufacturer's per-dealer view: one grouped query per figure, joined here by dealer.</summary>
    public async Task<IReadOnlyList<DealerNetworkRow>> NetworkAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        // Dealers are not dealer-owned rows, so the header's dealer choice is applied here by hand.
        var scope = user.DealerScope;
        var dealers = await db.Dealers.AsNoTracking()
            .Where(d => scope == null || d.Id == scope)
            .OrderBy(d => d.DealerCode)
            .Select(d => new { d.Id, d.DealerCode, d.Name, Currency = db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.CurrencyCode).FirstOrDefault() })
            .ToListAsync(ct);

        // Counted per dealer inside one statement, so each count is a lookup in that dealer's index.
        var counts = await db.Dealers.AsNoTracking()
            .Where(d => scope == null || d.Id == scope)
            .Select(d => new
            {
                d.Id,
                Open = db.WorkOrders.Count(w => w.DealerId == d.Id && w.Status != WorkOrderStatus.Closed && w.Status != WorkOrderStatus.Cancelled),
                Pcc = db.DealerPccApplications.Count(a => a.DealerId == d.Id
                    && (a.Status == ProgrammeStatus.Pending || a.Status == ProgrammeStatus.UnderReview)),
            })
            .ToDictionaryAsync(x => x.Id, ct);
        var firstDay = MonthStart;
        var nextMonth = firstDay.AddMonths(1);
        var revenue = (await reports.SalesByDealerAsync(firstDay, nextMonth.AddDays(-1), ct)).ToDictionary(r => r.Key, r => r.Value.Sales);
        var quarter = QuarterStart;
        var surveys = (await db.Surveys.AsNoTracking()
                .Where(s => s.SubmissionDate >= quarter && s.Status != SurveyStatus.Draft)
                .Select(s => new { s.DealerId, s.OverallScore })
                .ToListAsync(ct))
            .GroupBy(s => s.DealerId)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Average: g.Where(s => s.OverallScore is not null).Select(s => s.OverallScore!.Value).DefaultIfEmpty().Average()));

        return [.. dealers.Select(d => new DealerNetworkRow(d.Id, d.DealerCode, d.Name, counts[d.Id].Open,
            revenue.GetValueOrDefault(d.Id), counts[d.Id].Pcc,
            surveys.TryGetValue(d.Id, out var s) ? s.Count : 0,
            surveys.TryGetValue(d.Id, out var t) && t.Count > 0 ? Math.Round(t.Average, 1) : null, d.Currency ?? DealerContext.DefaultCurrency))];
    }

    public async Task<InventoryDashboard> InventoryAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var reorderQuery = Mine(db, db.InventoryItems.AsNoTracking()).Where(i => i.IsActive && i.Quantity <= i.ReorderPoint);
        var reorderTotal = await reorderQuery.CountAsync(ct);
        var reorder = await reorderQuery
            .OrderByDescending(i => i.ReorderPoint - i.Quantity)
            .ThenBy(i => i.Sku)
            .Select(i => new ReorderRow(i.Id, i.Sku, i.Name, i.Quantity, i.ReorderPoint, i.ReorderPoint - i.Quantity,
                db.Dealers.Where(d => d.Id == i.DealerId).Select(d => d.DealerCode).First()))
            .Take(10)
            .ToListAsync(ct);
        var (start, end) = Today;
        // Through the dealer's items: the ledger is indexed by item and time, not by time alone.
        var movements = await (
                from item in Mine(db, db.InventoryItems.AsNoTracking())
                join movement in db.StockMovements.AsNoTracking() on item.Id equals movement.InventoryItemId
                where movement.CreatedAt >= start && movement.CreatedAt < end
                group movement by movement.Type into g
                select new { Type = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var stock = await Mine(db, db.InventoryItems.AsNoTracking())
            .Where(i => i.IsActive)
            .Select(i => new { i.Quantity, i.CostPrice })
            .ToListAsync(ct);
        int Count(Data.Entities.Inventory.StockMovementType type) => movements.Where(m => m.Type == type).Sum(m => m.Count);
        return new InventoryDashboard(reorder, reorderTotal,
            Count(Data.Entities.Inventory.StockMovementType.Receipt), Count(Data.Entities.Inventory.StockMovementType.Issue),
            Count(Data.Entities.Inventory.StockMovementType.Return) + Count(Data.Entities.Inventory.StockMovementType.Adjustment),
            stock.Sum(i => i.Quantity * i.CostPrice), stock.Count);
    }

    public async Task<WarrantyDashboard> WarrantyAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = OpenWorkOrders(db).Where(w => w.JobType == JobType.Warranty || w.WarrantyStatus == WarrantyStatus.Pending);
        var total = await query.CountAsync(ct);
        var claims = await query.OrderBy(w => w.OpenedAt)
            .Select(w => new WarrantyRow(w.Id, w.WorkOrderNumber, w.WarrantyClaimNumber, w.Vehicle.Make + " " + w.Vehicle.Model,
                w.Vehicle.LicensePlate, w.Status, w.WarrantyStatus, w.OpenedAt,
                db.Dealers.Where(d => d.Id == w.DealerId).Select(d => d.DealerCode).First()))
            .Take(15)
            .ToListAsync(ct);
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.Kind == SurveyKind.Warranty)
            .OrderByDescending(s => s.SubmissionDate)
            .Join(db.Dealers, s => s.DealerId, d => d.Id, (s, d) => new SurveyRow(d.DealerCode, s.SurveyNumber, s.SurveyPeriod, s.Status, s.OverallScore, s.SubmissionDate))
            .Take(4)
            .ToListAsync(ct);
        return new WarrantyDashboard(claims, total, surveys);
    }

    /// <summary>System-wide figures for the administrator: users and sessions are not dealer records.</summary>
    public async Task<AdminDashboard> AdminAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var byRole = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .GroupBy(name => name)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking()
            .GroupBy(u => u.IsActive)
            .Select(g => new { Active = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var dealers = await db.Dealers.AsNoTracking()
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var now = Now;
        var sessions = await db.UserSessions.AsNoTracking().CountAsync(s => s.IsActive && s.ExpiresAt > now);
        var since = now.AddHours(-24);
        var failures = db.LoginActivities.AsNoTracking()
            .Where(a => a.CreatedAt >= since && (a.Action == LoginAction.SignInFailed || a.Action == LoginAction.LockedOut));
        var failedCount = await failures.CountAsync(ct);
        var recent = await failures.OrderByDescending(a => a.CreatedAt)
            .Select(a => new { a.Email, a.CreatedAt, a.Reason, a.IpAddress })
            .Take(5)
            .ToListAsync(ct);
        return new AdminDashboard(
            [.. Roles.All.Select(role => new RoleCount(role, Roles.DisplayName(role), byRole.FirstOrDefault(r => r.Role == role)?.Count ?? 0))],
            users.Where(u => u.Active).Sum(u => u.Count), users.Sum(u => u.Count),
            [.. dealers.OrderBy(d => d.Status).Select(d => new StatusCount<DealerStatus>(d.Status, d.Count))],
            sessions, failedCount,
            [.. recent.Select(r => new FailedSignIn(r.Email, r.CreatedAt, r.Reason, r.IpAddress))]);
    }

    /// <summary>The signed-in customer's own cars, bookings, open work and unpaid balance (through Customer.UserId).</summary>
    public async Task<CustomerDashboard> CustomerAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } userId) return new CustomerDashboard(false, [], [], [], 0, 0);
        await using var db = await OpenAsync(ct);
        var linked = await db.Customers.AsNoTracking().AnyAsync(c => c.UserId == userId);
        if (!linked) return new CustomerDashboard(false, [], [], [], 0, 0);

        var vehicles = await Mine(db, db.Vehicles.AsNoTracking())
            .Where(v => v.Customer.UserId == userId)
            .OrderBy(v => v.Make).ThenBy(v => v.Model)
            .Select(v => new CustomerVehicle(v.Id, v.Make + " " + v.Model, v.Year, v.LicensePlate,
                v.Mileage == null ? null : v.Mileage.CurrentMileage, v.Mileage == null ? null : v.Mileage.LastUpdated))
            .ToListAsync(ct);
        var now = Now;
        var upcoming = await Mine(db, db.Appointments.AsNoTracking())
            .Where(a => a.Customer.UserId == userId && a.StartTime >= now
                && (a.Status == AppointmentStatus.Pending || a.Status == AppointmentStatus.Confirmed))
            .OrderBy(a => a.StartTime)
            .Select(a => new AppointmentRow(a.Id, a.StartTime, a.EndTime, a.Customer.Name, a.Vehicle.Make + " " + a.Vehicle.Model,
                a.Vehicle.LicensePlate, a.Status, db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.DealerCode).First()))
            .Take(10)
            .ToListAsync(ct);
        var open = await ProjectWorkOrders(db, OpenWorkOrders(db).Where(w => w.Customer.UserId == userId).OrderByDescending(w => w.OpenedAt))
            .Take(10)
            .ToListAsync(ct);
        var balances = await Mine(db, db.Invoices.AsNoTracking())
            .Where(i => i.WorkOrder.Customer.UserId == userId && i.Status != InvoiceStatus.Void && i.Status != InvoiceStatus.Paid)
            .Select(i => i.BalanceDue)
            .ToListAsync(ct);
        var unpaid = balances.Where(b => b > 0).ToList();
        return new CustomerDashboard(true, vehicles, upcoming, open, unpaid.Sum(), unpaid.Count);
    }
}
