using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Workshop;

/// <summary>
/// The technician's taps on a labour line: clock on, pause for parts, clock off, mark complete; parts installed and
/// notes to the advisor. Every tap carries the id the page made for it and runs once (<see cref="ProcessedRequests"/>),
/// so a repeat after a reconnect records nothing twice. One running clock per technician: clocking onto another line
/// clocks the first off, both events recorded. Only the assigned technician (or a Manager, for them) clocks a line.
/// </summary>
public sealed class ClockService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    TimeProvider clock,
    LiveUpdates live)
{
    public Task<ServiceResult<Guid>> ClockOnAsync(Guid laborId, Guid requestId) => TapAsync(laborId, requestId, "clock-on", ClockOnAsync);

    /// <summary>Stops the clock while waiting for parts; the work order waits for parts unless another of its lines runs.</summary>
    public Task<ServiceResult<Guid>> PauseForPartsAsync(Guid laborId, Guid requestId) => TapAsync(laborId, requestId, "clock-pause", PauseAsync);

    public Task<ServiceResult<Guid>> ClockOffAsync(Guid laborId, Guid requestId) => TapAsync(laborId, requestId, "clock-off", ClockOffAsync);

    /// <summary>The line's work is done: a running clock stops and the line can no longer be clocked.</summary>
    public Task<ServiceResult<Guid>> CompleteAsync(Guid laborId, Guid requestId) => TapAsync(laborId, requestId, "labor-complete", CompleteAsync);

    /// <summary>Notes to the advisor on a labour line, saved as typed (each save is one request).</summary>
    public Task<ServiceResult<Guid>> SaveNotesAsync(Guid laborId, string? notes, Guid requestId)
    {
        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text is { Length: > 2000 }) return Task.FromResult<ServiceResult<Guid>>(ServiceResult.Fail("Notes", "Keep the notes under 2000 characters."));
        return TapAsync(laborId, requestId, "labor-notes", (db, labor, now) =>
        {
            labor.Notes = text;
            return Task.FromResult(new ServiceResult<Guid>(labor.Id, ServiceResult.Ok));
        }, allowClosedLine: true);
    }

    /// <summary>Records a part line as installed, by whom and when (once: a second tap keeps the first record).</summary>
    public async Task<ServiceResult<Guid>> MarkInstalledAsync(Guid partId, Guid requestId)
    {
        if (Actor() is not { } actor) return NotAllowed;
        await using var db = await dbFactory.CreateDbContextAsync();
        var part = await db.WorkOrderParts.Include(p => p.WorkOrder).FirstOrDefaultAsync(p => p.Id == partId);
        if (part is null) return ServiceResult.Fail("", "This part is no longer on the work order.");
        if (await WhyNotOnJobAsync(db, part.WorkOrder, actor) is { } why) return ServiceResult.Fail("", why);
        if (part.CustomerRejected) return ServiceResult.Fail("", "The customer declined this part: it is not to be fitted.");
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ProcessedRequests.OnceAsync(db, requestId, "part-installed", part.DealerId, actor, now, () =>
        {
            if (part.InstalledById is null)
            {
                part.InstalledById = actor;
                part.InstalledAt = now;
            }
            return Task.FromResult(new ServiceResult<Guid>(part.Id, ServiceResult.Ok));
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(part.DealerId, part.WorkOrderId));
        return result;
    }

    private static readonly ServiceResult NotAllowed = ServiceResult.Fail("", "Only technicians and managers clock labour.");

    private Guid? Actor() =>
        user.UserId is { } id && (user.IsInRole(Roles.Technician) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin)) ? id : null;

    private bool IsManager => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    private IEnumerable<string> MyRoles => Roles.All.Where(user.IsInRole);

    private delegate Task<ServiceResult<Guid>> Tap(MotorTraceDbContext db, WorkOrderLabor labor, DateTime now);

    private async Task<ServiceResult<Guid>> TapAsync(Guid laborId, Guid requestId, string action, Tap tap, bool allowClosedLine = false)
    {
        if (Actor() is not { } actor) return NotAllowed;
        await using var db = await dbFactory.CreateDbContextAsync();
        var labor = await db.WorkOrderLabor.Include(l => l.WorkOrder).FirstOrDefaultAsync(l => l.Id == laborId);
        if (labor is null) return ServiceResult.Fail("", "This labour line is no longer on the work order.");
        if (labor.TechnicianId is not { } technician) return ServiceResult.Fail("", "Nobody is assigned to this labour yet: the advisor assigns it first.");
        if (technician != actor && !IsManager) return ServiceResult.Fail("", "This labour is assigned to another technician: only they (or a manager) clock it.");
        if (!WorkOrderFlow.IsOpen(labor.WorkOrder.Status)) return ServiceResult.Fail("", $"The work order is {WorkOrderFlow.Label(labor.WorkOrder.Status).ToLowerInvariant()}: its labour can no longer change.");
        if (!allowClosedLine && labor.Status is ServiceStatus.Completed or ServiceStatus.Cancelled)
            return ServiceResult.Fail("", $"This labour is {(labor.Status == ServiceStatus.Completed ? "complete" : "cancelled")}: it cannot be clocked.");

        var now = clock.GetUtcNow().UtcDateTime;
        var touched = new HashSet<(Guid Dealer, Guid WorkOrder)> { (labor.DealerId, labor.WorkOrderId) };
        var result = await ProcessedRequests.OnceAsync(db, requestId, action, labor.DealerId, actor, now, async () =>
        {
            var outcome = await tap(db, labor, now);
            foreach (var entry in db.ChangeTracker.Entries<WorkOrderLabor>()) touched.Add((entry.Entity.DealerId, entry.Entity.WorkOrderId));
            return outcome;
        });
        if (result.Succeeded)
            foreach (var (dealer, workOrder) in touched) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(dealer, workOrder));
        return result;
    }

    private async Task<ServiceResult<Guid>> ClockOnAsync(MotorTraceDbContext db, WorkOrderLabor labor, DateTime now)
    {
        var workOrder = labor.WorkOrder;
        var technician = labor.TechnicianId!.Value;
        var to = workOrder.Status switch
        {
            WorkOrderStatus.Approved or WorkOrderStatus.WaitingForParts => WorkOrderStatus.InProgress,
            WorkOrderStatus.InProgress => (WorkOrderStatus?)null,
            _ => WorkOrderStatus.Cancelled, // a marker: not a work order one clocks onto
        };
        if (to == WorkOrderStatus.Cancelled)
            return ServiceResult.Fail("", workOrder.Status == WorkOrderStatus.QualityCheck
                ? "The work order is at its quality check: clocking opens again if the check sends it back."
                : $"The work order is {WorkOrderFlow.Label(workOrder.Status).ToLowerInvariant()}: work starts once the estimate is approved.");
        if (to is { } next && WorkOrderFlow.WhyNot(workOrder.Status, next, MyRoles) is { } why) return ServiceResult.Fail("", why);

        var running = await RunningLaborIdsAsync(db, technician);
        if (running.Contains(labor.Id)) return new ServiceResult<Guid>(labor.Id, ServiceResult.Ok); // already on it
        foreach (var otherId in running)
        {
            var other = await db.WorkOrderLabor.FirstAsync(l => l.Id == otherId);
            await StopAsync(db, other, ClockEventKind.Off, technician, now);
        }
        var on = new LaborClockEvent { DealerId = labor.DealerId, LaborId = labor.Id, TechnicianId = technician, Kind = ClockEventKind.On, At = now };
        db.LaborClockEvents.Add(on);
        labor.StartTime ??= now;
        labor.EndTime = null;
        labor.Status = ServiceStatus.InProgress;
        if (to is { } start)
            WorkOrderFlow.Apply(db, workOrder, start, workOrder.Status == WorkOrderStatus.Approved ? "Clocked on: work started." : "Clocked on: parts arrived.", now, user.UserId);
        return new ServiceResult<Guid>(on.Id, ServiceResult.Ok);
    }

    private async Task<ServiceResult<Guid>> PauseAsync(MotorTraceDbContext db, WorkOrderLabor labor, DateTime now)
    {
        var technician = labor.TechnicianId!.Value;
        if (!(await RunningLaborIdsAsync(db, technician)).Contains(labor.Id)) return ServiceResult.Fail("", "The clock is not running on this labour.");
        var paused = await StopAsync(db, labor, ClockEventKind.Pause, technician, now);
        labor.Status = ServiceStatus.OnHold;
        var workOrder = labor.WorkOrder;
        var othersRunning = await db.LaborClockEvents.AnyAsync(e => e.Labor.WorkOrderId == workOrder.Id && e.LaborId != labor.Id && e.Kind == ClockEventKind.On
            && !db.LaborClockEvents.Any(later => later.LaborId == e.LaborId && later.At > e.At));
        if (workOrder.Status == WorkOrderStatus.InProgress && !othersRunning
            && WorkOrderFlow.WhyNot(workOrder.Status, WorkOrderStatus.WaitingForParts, MyRoles) is null)
            WorkOrderFlow.Apply(db, workOrder, WorkOrderStatus.WaitingForParts, $"Paused for parts: {labor.Description}.", now, user.UserId);
        return new ServiceResult<Guid>(paused.Id, ServiceResult.Ok);
    }

    private async Task<ServiceResult<Guid>> ClockOffAsync(MotorTraceDbContext db, WorkOrderLabor labor, DateTime now)
    {
        var technician = labor.TechnicianId!.Value;
        if (!(await RunningLaborIdsAsync(db, technician)).Contains(labor.Id)) return ServiceResult.Fail("", "The clock is not running on this labour.");
        var off = await StopAsync(db, labor, ClockEventKind.Off, technician, now);
        return new ServiceResult<Guid>(off.Id, ServiceResult.Ok);
    }

    private async Task<ServiceResult<Guid>> CompleteAsync(MotorTraceDbContext db, WorkOrderLabor labor, DateTime now)
    {
        var technician = labor.TechnicianId!.Value;
        if ((await RunningLaborIdsAsync(db, technician)).Contains(labor.Id)) await StopAsync(db, labor, ClockEventKind.Off, technician, now);
        labor.Status = ServiceStatus.Completed;
        labor.CompletedAt = now;
        labor.EndTime ??= now;
        return new ServiceResult<Guid>(labor.Id, ServiceResult.Ok);
    }

    /// <summary>Adds the stopping event and writes the line's actual minutes from all its events.</summary>
    private static async Task<LaborClockEvent> StopAsync(MotorTraceDbContext db, WorkOrderLabor labor, ClockEventKind kind, Guid technician, DateTime now)
    {
        var stop = new LaborClockEvent { DealerId = labor.DealerId, LaborId = labor.Id, TechnicianId = technician, Kind = kind, At = now };
        db.LaborClockEvents.Add(stop);
        var events = await db.LaborClockEvents.AsNoTracking().Where(e => e.LaborId == labor.Id).Select(e => new ClockTime(e.Kind, e.At)).ToListAsync();
        events.Add(new ClockTime(kind, now));
        labor.ActualMinutes = ClockMath.ActualMinutes(events, now);
        labor.EndTime = now;
        return stop;
    }

    /// <summary>The lines whose latest clock event for this technician is "on" (one, unless older data says otherwise).</summary>
    public static Task<List<Guid>> RunningLaborIdsAsync(MotorTraceDbContext db, Guid technician) =>
        db.LaborClockEvents.Where(e => e.TechnicianId == technician && e.Kind == ClockEventKind.On
                && !db.LaborClockEvents.Any(later => later.LaborId == e.LaborId && later.At > e.At))
            .Select(e => e.LaborId).Distinct().ToListAsync();

    /// <summary>Why the user may not act on this work order's job (null when they may).</summary>
    private async Task<string?> WhyNotOnJobAsync(MotorTraceDbContext db, WorkOrder workOrder, Guid actor)
    {
        if (!WorkOrderFlow.IsOpen(workOrder.Status)) return $"The work order is {WorkOrderFlow.Label(workOrder.Status).ToLowerInvariant()}: it can no longer change.";
        if (IsManager) return null;
        return await db.WorkOrderLabor.AnyAsync(l => l.WorkOrderId == workOrder.Id && l.TechnicianId == actor)
            ? null : "You have no labour on this work order.";
    }
}

public readonly record struct ClockTime(ClockEventKind Kind, DateTime At);

/// <summary>Minutes worked from clock events: the sum of every on → off/pause span (a running span counts up to now).</summary>
public static class ClockMath
{
    public static int ActualMinutes(IEnumerable<ClockTime> events, DateTime now) => (int)Math.Round(Worked(events, now).TotalMinutes, MidpointRounding.AwayFromZero);

    public static TimeSpan Worked(IEnumerable<ClockTime> events, DateTime now)
    {
        var total = TimeSpan.Zero;
        DateTime? since = null;
        foreach (var e in events.OrderBy(e => e.At))
        {
            if (e.Kind == ClockEventKind.On) since ??= e.At;
            else if (since is { } start)
            {
                total += e.At - start;
                since = null;
            }
        }
        if (since is { } open && now > open) total += now - open;
        return total;
    }

    /// <summary>When the clock started if it is running now (the latest event is "on"), else null.</summary>
    public static DateTime? RunningSince(IEnumerable<ClockTime> events)
    {
        DateTime? since = null;
        foreach (var e in events.OrderBy(e => e.At))
            since = e.Kind == ClockEventKind.On ? since ?? e.At : null;
        return since;
    }
}
