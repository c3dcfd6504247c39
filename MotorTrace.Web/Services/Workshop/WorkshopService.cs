using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Workshop;

/// <summary>One labour line on the tablet: what to do, whose it is, how long it should take and has taken.</summary>
public sealed record JobLabor(
    Guid Id,
    string Description,
    Guid? TechnicianId,
    string? Technician,
    ServiceStatus Status,
    int? EstimatedMinutes,
    int WorkedMinutes,
    DateTime? RunningSince,
    string? Notes)
{
    public bool IsRunning => RunningSince is not null;
    public bool IsClosed => Status is ServiceStatus.Completed or ServiceStatus.Cancelled;

    /// <summary>Minutes worked including the running span, at <paramref name="now"/>.</summary>
    public int MinutesAt(DateTime now) => WorkedMinutes + (RunningSince is { } since && now > since ? (int)(now - since).TotalMinutes : 0);
}

/// <summary>One work order in a technician's queue: a card, whatever the number of its labour lines.</summary>
public sealed record WorkshopJob(
    Guid WorkOrderId,
    string Number,
    string? Plate,
    string Vehicle,
    string? Complaint,
    DateTime? PromisedAt,
    JobPriority Priority,
    WorkOrderStatus Status,
    IReadOnlyList<JobLabor> Labor)
{
    public bool IsOverdue(DateTime now) => PromisedAt is { } promised && promised < now;
    public bool IsRunning => Labor.Any(l => l.IsRunning);
}

public sealed record JobPart(Guid Id, string Description, int Quantity, PartSource Source, bool Declined, string? InstalledBy, DateTime? InstalledAt);

/// <summary>The job page: the card, the customer's words and the part lines.</summary>
public sealed record JobDetail(WorkshopJob Card, string? CustomerNotes, int? Odometer, IReadOnlyList<JobPart> Parts, bool CanClockAll);

public sealed record TechnicianChoice(Guid Id, string Name);

/// <summary>One labour line in the efficiency table: estimated against actual (from clock events) minutes.</summary>
public sealed record EfficiencyRow(Guid TechnicianId, string Technician, string WorkOrderNumber, Guid WorkOrderId, string Labor, ServiceStatus Status, int EstimatedMinutes, int ActualMinutes);

/// <summary>
/// What the technician's tablet reads: their open jobs, one job, and for managers every technician's jobs and the
/// efficiency of the labour clocked in a period. A technician sees only work orders with labour assigned to them.
/// </summary>
public sealed class WorkshopService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public bool SeesEveryone => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    /// <summary>
    /// Open work orders with labour of the technician (the signed-in one; a manager may name one, or null for all),
    /// earliest promised first, then by priority: one card per work order with that technician's labour lines.
    /// </summary>
    public async Task<IReadOnlyList<WorkshopJob>> JobsAsync(Guid? technicianId = null, CancellationToken cancellationToken = default)
    {
        Guid? technician = SeesEveryone ? technicianId : user.UserId ?? Guid.Empty;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // WorkOrderFlow.IsOpen, as a query: still in the workshop.
        var closed = new[] { WorkOrderStatus.Completed, WorkOrderStatus.Invoiced, WorkOrderStatus.Closed, WorkOrderStatus.Cancelled };
        var labor = db.WorkOrderLabor.AsNoTracking()
            .Where(l => l.TechnicianId != null && l.Status != ServiceStatus.Cancelled && !closed.Contains(l.WorkOrder.Status));
        if (technician is { } one) labor = labor.Where(l => l.TechnicianId == one);
        var rows = await labor
            .Select(l => new
            {
                l.WorkOrderId, l.WorkOrder.WorkOrderNumber, l.WorkOrder.Vehicle.LicensePlate, l.WorkOrder.Vehicle.Make, l.WorkOrder.Vehicle.Model,
                l.WorkOrder.Vehicle.Year, l.WorkOrder.Complaint, l.WorkOrder.PromisedAt, l.WorkOrder.Priority, l.WorkOrder.Status, l.WorkOrder.OpenedAt,
                Line = new LaborRow(l.Id, l.Description, l.TechnicianId, l.Technician!.FullName, l.Status, l.EstimatedMinutes, l.Notes, l.CreatedAt),
            })
            .Take(500)
            .ToListAsync(cancellationToken);
        var events = await EventsAsync(db, rows.Select(r => r.Line.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return rows.GroupBy(r => r.WorkOrderId)
            .Select(g => g.First() is var w
                ? new WorkshopJob(w.WorkOrderId, w.WorkOrderNumber, w.LicensePlate, $"{w.Make} {w.Model} {w.Year}", w.Complaint, w.PromisedAt, w.Priority, w.Status,
                    [.. g.Select(r => r.Line).OrderBy(l => l.CreatedAt).Select(l => ToJobLabor(l, events, now))])
                : null!)
            .OrderBy(c => c.PromisedAt ?? DateTime.MaxValue).ThenByDescending(c => c.Priority).ThenBy(c => c.Number)
            .ToList();
    }

    /// <summary>The job as the technician sees it; null (404) when they have no labour on it or it is another dealer's.</summary>
    public async Task<JobDetail?> JobAsync(Guid workOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId)
            .Select(w => new
            {
                w.WorkOrderNumber, w.Vehicle.LicensePlate, w.Vehicle.Make, w.Vehicle.Model, w.Vehicle.Year, w.Complaint, w.CustomerNotes,
                w.OdometerReading, w.PromisedAt, w.Priority, w.Status,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (order is null) return null;
        Guid? mine = SeesEveryone ? null : user.UserId ?? Guid.Empty;
        var lines = await db.WorkOrderLabor.AsNoTracking()
            .Where(l => l.WorkOrderId == workOrderId && l.TechnicianId != null && (mine == null || l.TechnicianId == mine))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new LaborRow(l.Id, l.Description, l.TechnicianId, l.Technician!.FullName, l.Status, l.EstimatedMinutes, l.Notes, l.CreatedAt))
            .ToListAsync(cancellationToken);
        if (mine is not null && lines.Count == 0) return null;
        var events = await EventsAsync(db, lines.Select(l => l.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var parts = await db.WorkOrderParts.AsNoTracking().Where(p => p.WorkOrderId == workOrderId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new JobPart(p.Id, p.Description, p.Quantity, p.Source, p.CustomerRejected, p.InstalledBy!.FullName, p.InstalledAt))
            .ToListAsync(cancellationToken);
        var card = new WorkshopJob(workOrderId, order.WorkOrderNumber, order.LicensePlate, $"{order.Make} {order.Model} {order.Year}", order.Complaint,
            order.PromisedAt, order.Priority, order.Status, [.. lines.Select(l => ToJobLabor(l, events, now))]);
        return new JobDetail(card, order.CustomerNotes, order.OdometerReading, parts, SeesEveryone);
    }

    /// <summary>The dealer's technicians, for a manager's filter.</summary>
    public async Task<IReadOnlyList<TechnicianChoice>> TechniciansAsync(CancellationToken cancellationToken = default)
    {
        if (!SeesEveryone) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roleId = await db.Roles.Where(r => r.Name == Roles.Technician).Select(r => r.Id).FirstAsync(cancellationToken);
        var dealerId = user.DealerScope;
        return await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId) && (dealerId == null || u.DealerId == dealerId))
            .OrderBy(u => u.FullName)
            .Select(u => new TechnicianChoice(u.Id, u.FullName))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Labour lines clocked between <paramref name="fromUtc"/> and <paramref name="toUtc"/> (any event in the period), per technician:
    /// estimated minutes against the actual minutes of all the line's clock events (a running clock counts up to now).
    /// </summary>
    public async Task<IReadOnlyList<EfficiencyRow>> EfficiencyAsync(DateTime fromUtc, DateTime toUtc, Guid? technicianId = null, CancellationToken cancellationToken = default)
    {
        if (!SeesEveryone) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var labor = db.WorkOrderLabor.AsNoTracking()
            .Where(l => l.TechnicianId != null && db.LaborClockEvents.Any(e => e.LaborId == l.Id && e.At >= fromUtc && e.At < toUtc));
        if (technicianId is { } one) labor = labor.Where(l => l.TechnicianId == one);
        var rows = await labor
            .OrderBy(l => l.Technician!.FullName).ThenBy(l => l.WorkOrder.WorkOrderNumber).ThenBy(l => l.CreatedAt)
            .Select(l => new { l.Id, TechnicianId = l.TechnicianId!.Value, l.Technician!.FullName, l.WorkOrder.WorkOrderNumber, l.WorkOrderId, l.Description, l.Status, l.EstimatedMinutes })
            .Take(2000)
            .ToListAsync(cancellationToken);
        var events = await EventsAsync(db, rows.Select(r => r.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r => new EfficiencyRow(r.TechnicianId, r.FullName, r.WorkOrderNumber, r.WorkOrderId, r.Description, r.Status,
            r.EstimatedMinutes ?? 0, ClockMath.ActualMinutes(events[r.Id], now)))];
    }

    private sealed record LaborRow(Guid Id, string Description, Guid? TechnicianId, string? Technician, ServiceStatus Status, int? EstimatedMinutes, string? Notes, DateTime CreatedAt);

    private static JobLabor ToJobLabor(LaborRow l, ILookup<Guid, ClockTime> events, DateTime now)
    {
        var mine = events[l.Id].ToList();
        var since = ClockMath.RunningSince(mine);
        // Worked minutes up to the running span's start; the page adds the running part as the clock ticks.
        var worked = since is { } start ? ClockMath.ActualMinutes(mine.Where(e => e.At < start), start) : ClockMath.ActualMinutes(mine, now);
        return new JobLabor(l.Id, l.Description, l.TechnicianId, l.Technician, l.Status, l.EstimatedMinutes, worked, since, l.Notes);
    }

    private static async Task<ILookup<Guid, ClockTime>> EventsAsync(MotorTraceDbContext db, IEnumerable<Guid> laborIds, CancellationToken cancellationToken)
    {
        var ids = laborIds.Distinct().ToList();
        if (ids.Count == 0) return Array.Empty<(Guid, ClockTime)>().ToLookup(e => e.Item1, e => e.Item2);
        var rows = await db.LaborClockEvents.AsNoTracking().Where(e => ids.Contains(e.LaborId))
            .Select(e => new { e.LaborId, e.Kind, e.At }).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.LaborId, r => new ClockTime(r.Kind, r.At));
    }
}
