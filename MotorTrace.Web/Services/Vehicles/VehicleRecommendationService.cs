using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>Why the customer does not want a recommended service.</summary>
public sealed class DismissRecommendationForm
{
    [Required]
    public Guid? RecommendationId { get; set; }

    /// <summary>The status the advisor saw, so a change by someone else in between is not overwritten.</summary>
    public RecommendationStatus ExpectedStatus { get; set; }

    [Required(ErrorMessage = "Enter why the recommendation is dismissed, e.g. “Done at another workshop last month”.")]
    [StringLength(500, ErrorMessage = "Keep the reason under 500 characters.")]
    public string? Reason { get; set; }
}

public sealed record RecommendationRow(
    Guid Id, string Name, string? Category, RecommendationStatus Status, ServicePriority Priority, ServiceSeverity Severity,
    DateOnly? DueDate, int? DueMileage, string? Reason, decimal? EstimatedCost, DateTime TriggeredAt,
    DateTime? ScheduledAt, DateTime? CompletedAt, DateTime? DismissedAt, string? DismissedReason)
{
    public bool IsOpen => VehicleRecommendationService.IsOpen(Status);
}

public enum RecommendationAction
{
    Schedule,
    Complete,
    Dismiss,
}

/// <summary>
/// A vehicle's service recommendations and what the desk does with them: schedule, complete or dismiss (with a
/// reason). Only open recommendations (pending or scheduled) change; how they are produced is not this service's job.
/// </summary>
public sealed class VehicleRecommendationService(IDbContextFactory<MotorTraceDbContext> dbFactory, TimeProvider clock)
{
    public static readonly string[] FilterNames = ["status"];

    /// <summary>Filter value for pending and scheduled together, the list's default view.</summary>
    public const string OpenFilter = "open";

    public static bool IsOpen(RecommendationStatus status) => status is RecommendationStatus.Pending or RecommendationStatus.Scheduled;

    public static bool Allows(RecommendationStatus status, RecommendationAction action) => action switch
    {
        RecommendationAction.Schedule => status == RecommendationStatus.Pending,
        _ => IsOpen(status),
    };

    public static readonly GridSortMap<ServiceRecommendation> Sorts = CreateSorts();

    private static GridSortMap<ServiceRecommendation> CreateSorts()
    {
        // Enums are stored as text: rank them explicitly so "Critical" sorts above "High", not alphabetically.
        var sorts = new GridSortMap<ServiceRecommendation>("status");
        sorts.Add("status", r => r.Status == RecommendationStatus.Pending ? 0 : r.Status == RecommendationStatus.Scheduled ? 1
            : r.Status == RecommendationStatus.Completed ? 2 : r.Status == RecommendationStatus.Dismissed ? 3 : 4);
        sorts.Add("priority", r => r.Priority == ServicePriority.Critical ? 0 : r.Priority == ServicePriority.High ? 1
            : r.Priority == ServicePriority.Medium ? 2 : 3);
        sorts.Add("due", r => r.DueDate);
        sorts.Add("mileage", r => r.DueMileage);
        sorts.Add("name", r => r.Rule == null ? r.Title : r.Rule.ServiceName);
        sorts.ThenBy(r => r.Priority == ServicePriority.Critical ? 0 : r.Priority == ServicePriority.High ? 1 : r.Priority == ServicePriority.Medium ? 2 : 3)
            .ThenBy(r => r.DueDate).ThenBy(r => r.Id);
        return sorts;
    }

    public async Task<GridResult<RecommendationRow>> ListAsync(Guid vehicleId, GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recommendations = db.ServiceRecommendations.AsNoTracking().Where(r => r.VehicleId == vehicleId);
        var filter = query.Filter("status");
        if (string.Equals(filter, OpenFilter, StringComparison.OrdinalIgnoreCase))
            recommendations = recommendations.Where(r => r.Status == RecommendationStatus.Pending || r.Status == RecommendationStatus.Scheduled);
        else if (Enum.TryParse<RecommendationStatus>(filter, ignoreCase: true, out var status) && Enum.IsDefined(status))
            recommendations = recommendations.Where(r => r.Status == status);
        return await recommendations.ToGridResultAsync(query, Sorts, r => new RecommendationRow(
            r.Id, r.Rule == null ? r.Title ?? "" : r.Rule.ServiceName != "" ? r.Rule.ServiceName : r.Rule.Name, r.Rule == null ? "Declined on an estimate" : r.Rule.Category, r.Status, r.Priority, r.Severity,
            r.DueDate, r.DueMileage, r.Reason, r.EstimatedCost, r.TriggeredAt, r.ScheduledAt, r.CompletedAt, r.DismissedAt, r.DismissedReason), cancellationToken);
    }

    /// <summary>The name of a recommendation of this vehicle, for the dismiss form's heading; null when not found.</summary>
    public async Task<RecommendationRow?> GetAsync(Guid vehicleId, Guid recommendationId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.ServiceRecommendations.AsNoTracking().Where(r => r.Id == recommendationId && r.VehicleId == vehicleId)
            .Select(r => new RecommendationRow(
                r.Id, r.Rule == null ? r.Title ?? "" : r.Rule.ServiceName != "" ? r.Rule.ServiceName : r.Rule.Name, r.Rule == null ? "Declined on an estimate" : r.Rule.Category, r.Status, r.Priority, r.Severity,
                r.DueDate, r.DueMileage, r.Reason, r.EstimatedCost, r.TriggeredAt, r.ScheduledAt, r.CompletedAt, r.DismissedAt, r.DismissedReason))
            .FirstOrDefaultAsync();
    }

    /// <summary>
    /// Schedules or completes a recommendation. Null when it is not found (404); a failure when it is no longer in
    /// <paramref name="expectedStatus"/> (someone else acted on it) or the action does not apply to its status.
    /// </summary>
    public async Task<ServiceResult?> ChangeAsync(Guid vehicleId, Guid recommendationId, RecommendationAction action, RecommendationStatus expectedStatus, string? reason = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var recommendation = await db.ServiceRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.VehicleId == vehicleId);
        if (recommendation is null) return null;
        if (recommendation.Status != expectedStatus)
            return ServiceResult.Fail("", $"Someone else changed this recommendation in the meantime: it is now {VehicleDisplay.Humanize(recommendation.Status).ToLowerInvariant()}.");
        if (!Allows(recommendation.Status, action))
            return ServiceResult.Fail("", $"A {VehicleDisplay.Humanize(recommendation.Status).ToLowerInvariant()} recommendation cannot be {Past(action)}.");

        var now = clock.GetUtcNow().UtcDateTime;
        switch (action)
        {
            case RecommendationAction.Schedule:
                recommendation.Status = RecommendationStatus.Scheduled;
                recommendation.ScheduledAt = now;
                break;
            case RecommendationAction.Complete:
                recommendation.Status = RecommendationStatus.Completed;
                recommendation.CompletedAt = now;
                break;
            case RecommendationAction.Dismiss:
                if (string.IsNullOrWhiteSpace(reason))
                    return ServiceResult.Fail(nameof(DismissRecommendationForm.Reason), "Enter why the recommendation is dismissed.");
                recommendation.Status = RecommendationStatus.Dismissed;
                recommendation.DismissedAt = now;
                recommendation.DismissedReason = reason.Trim();
                break;
        }
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    private static string Past(RecommendationAction action) => action switch
    {
        RecommendationAction.Schedule => "scheduled",
        RecommendationAction.Complete => "completed",
        _ => "dismissed",
    };
}
