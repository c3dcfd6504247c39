using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>One step of a work order's history as the status panel lists it.</summary>
public sealed record StatusHistoryRow(WorkOrderStatus? From, WorkOrderStatus To, string? By, DateTime At, string? Note);

/// <summary>One quality check on record.</summary>
public sealed record QualityCheckRow(bool Passed, string Inspector, DateTime At, string? Notes);

/// <summary>What the status panel shows: the status, the steps the user may take from it, the history and the quality checks.</summary>
public sealed record WorkOrderStatusView(
    Guid Id,
    Guid DealerId,
    WorkOrderStatus Status,
    Guid Version,
    IReadOnlyList<WorkOrderFlow.Step> Next,
    IReadOnlyList<StatusHistoryRow> History,
    IReadOnlyList<QualityCheckRow> QualityChecks);

/// <summary>
/// Moves a work order through <see cref="WorkOrderFlow"/>: refuses a step the user's roles may not take (with the flow's
/// reason) or one based on a stale page, asks a reason to cancel and rework notes for a failed quality check, records the
/// quality check, and closes a completed job into the vehicle's service history.
/// </summary>
public sealed class WorkOrderStatusService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    TimeProvider clock,
    LiveUpdates live)
{
    public const string NoteField = "Note";

    private IReadOnlyList<string> MyRoles => [.. Roles.Staff.Where(user.IsInRole)];

    public async Task<WorkOrderStatusView?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id).Select(w => new { w.Id, w.DealerId, w.Status, w.Version }).FirstOrDefaultAsync(ct);
        if (w is null) return null;
        var history = await db.WorkOrderStatusChanges.AsNoTracking().Where(c => c.WorkOrderId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Select(c => new StatusHistoryRow(c.FromStatus, c.ToStatus,
                db.Users.Where(u => u.Id == c.ChangedById).Select(u => u.FullName).FirstOrDefault(), c.ChangedAt, c.Note))
            .ToListAsync(ct);
        var checks = await db.WorkOrderQcs.AsNoTracking().Where(q => q.WorkOrderId == id)
            .OrderByDescending(q => q.CheckedAt).ThenByDescending(q => q.Id)
            .Select(q => new QualityCheckRow(q.Passed, q.CheckedBy.FullName, q.CheckedAt, q.Notes))
            .ToListAsync(ct);
        return new WorkOrderStatusView(w.Id, w.DealerId, w.Status, w.Version, WorkOrderFlow.Next(w.Status, MyRoles), history, checks);
    }

    /// <summary>
    /// Takes the step from the status the page showed (<paramref name="version"/>) to <paramref name="to"/>. Failures name
    /// <see cref="NoteField"/> when the note is missing, otherwise the whole panel.
    /// </summary>
    public async Task<ServiceResult> ChangeAsync(Guid id, WorkOrderStatus to, string? note, Guid version)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to change the work order.");
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var workOrder = await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == id);
        if (workOrder is null) return ServiceResult.Fail("", "This work order no longer exists.");
        if (workOrder.Version != version) return await WorkOrderHeaderService.ChangedByAsync(db, dealer, workOrder);
        if (WorkOrderFlow.WhyNot(workOrder.Status, to, MyRoles) is { } why) return ServiceResult.Fail("", why);

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note is { Length: > 2000 }) return ServiceResult.Fail(NoteField, "Keep the note under 2,000 characters.");
        var from = workOrder.Status;
        var failedCheck = from == WorkOrderStatus.QualityCheck && to == WorkOrderStatus.InProgress;
        if (to == WorkOrderStatus.Cancelled && note is null) return ServiceResult.Fail(NoteField, "Give the reason for cancelling.");
        if (failedCheck && note is null) return ServiceResult.Fail(NoteField, "Write what must be reworked.");
        if (to == WorkOrderStatus.AwaitingApproval
            && !await db.WorkOrderServices.AnyAsync(s => s.WorkOrderId == id) && !await db.WorkOrderParts.AnyAsync(p => p.WorkOrderId == id))
            return ServiceResult.Fail("", "Add at least one line to the estimate before sending it.");
        if (from == WorkOrderStatus.Approved && to == WorkOrderStatus.InProgress
            && !await db.WorkOrderServices.AnyAsync(s => s.WorkOrderId == id && s.CustomerApproved)
            && !await db.WorkOrderParts.AnyAsync(p => p.WorkOrderId == id && p.CustomerApproved))
            return ServiceResult.Fail("", "No line is approved by the customer yet: record an approval before starting work.");

        var now = clock.GetUtcNow().UtcDateTime;
        if (from == WorkOrderStatus.QualityCheck)
            db.WorkOrderQcs.Add(new WorkOrderQc
            {
                DealerId = workOrder.DealerId, WorkOrderId = id, CheckedById = userId, Passed = to == WorkOrderStatus.Completed, Notes = note, CheckedAt = now,
            });
        WorkOrderFlow.Apply(db, workOrder, to, note, now, userId);
        if (to == WorkOrderStatus.Completed) await CloseIntoServiceHistoryAsync(db, workOrder, now);

        db.Entry(workOrder).Property(w => w.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id);
            return current is null ? ServiceResult.Fail("", "This work order no longer exists.") : await WorkOrderHeaderService.ChangedByAsync(db, dealer, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(workOrder.DealerId, workOrder.Id));
        return ServiceResult.Ok;
    }

    /// <summary>
    /// A completed job goes into the vehicle's service history: one row per approved service line (today in the dealer's
    /// time, the work order's odometer, the line's amount). The vehicle's open recommendations for a canned service the
    /// job did are completed; recommendations from service rules are left to the rules (a rule names a kind of service,
    /// not a canned service, so there is no sure match).
    /// </summary>
    private async Task CloseIntoServiceHistoryAsync(MotorTraceDbContext db, WorkOrder workOrder, DateTime now)
    {
        var lines = await db.WorkOrderServices.AsNoTracking().Where(s => s.WorkOrderId == workOrder.Id && s.CustomerApproved)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new { s.Description, s.Quantity, s.UnitPrice, s.CannedServiceId, Category = s.CannedService == null ? null : s.CannedService.Category })
            .ToListAsync();
        var today = dealer.Today;
        foreach (var line in lines)
            db.VehicleServiceHistories.Add(new VehicleServiceHistory
            {
                DealerId = workOrder.DealerId,
                VehicleId = workOrder.VehicleId,
                WorkOrderId = workOrder.Id,
                ServiceType = line.Category ?? Components.Shared.StatusStyles.Label(workOrder.JobType),
                ServiceName = line.Description,
                ServiceDate = today,
                ServiceMileage = workOrder.OdometerReading,
                Cost = new PricedLine(EstimateLineKind.Service, line.Quantity, line.UnitPrice, LineDecision.Approved).Amount,
                Notes = $"Work order {workOrder.WorkOrderNumber}",
            });

        var done = lines.Where(l => l.CannedServiceId is not null).Select(l => l.CannedServiceId!.Value).Distinct().ToArray();
        if (done.Length == 0) return;
        var recommendations = await db.ServiceRecommendations
            .Where(r => r.VehicleId == workOrder.VehicleId && r.CannedServiceId != null && done.Contains(r.CannedServiceId.Value)
                        && (r.Status == RecommendationStatus.Pending || r.Status == RecommendationStatus.Scheduled))
            .ToListAsync();
        foreach (var recommendation in recommendations)
        {
            recommendation.Status = RecommendationStatus.Completed;
            recommendation.CompletedAt = now;
            recommendation.LastServiceDate = today;
            recommendation.LastServiceMileage = workOrder.OdometerReading;
        }
    }
}
