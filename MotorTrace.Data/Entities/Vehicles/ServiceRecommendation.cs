using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>
/// Seed 000 ServiceRecommendation: a <see cref="ServiceRule"/> that has come due for one vehicle, or work the
/// customer declined on an estimate (then <see cref="RuleId"/> is null and <see cref="Title"/> names it).
/// </summary>
public class ServiceRecommendation : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public Guid? RuleId { get; set; }
    public ServiceRule? Rule { get; set; }

    /// <summary>What to do, for a recommendation that did not come from a rule (a declined estimate line).</summary>
    public string? Title { get; set; }

    /// <summary>The work order whose estimate line was declined.</summary>
    public Guid? WorkOrderId { get; set; }

    /// <summary>The canned service that does the work, so booking it is one click.</summary>
    public Guid? CannedServiceId { get; set; }
    public RecommendationStatus Status { get; set; } = RecommendationStatus.Pending;
    public ServicePriority Priority { get; set; } = ServicePriority.Medium;
    public ServiceSeverity Severity { get; set; } = ServiceSeverity.Info;
    public DateTime TriggeredAt { get; set; }
    public int? CurrentMileage { get; set; }

    /// <summary>The seed typed this as a datetime; it is an odometer reading.</summary>
    public int? DueMileage { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateOnly? LastServiceDate { get; set; }
    public int? LastServiceMileage { get; set; }
    public string? Reason { get; set; }
    public decimal? EstimatedCost { get; set; }

    /// <summary>Minutes.</summary>
    public int? EstimatedDuration { get; set; }
    public DateTime? DismissedAt { get; set; }
    public string? DismissedReason { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum RecommendationStatus
{
    Pending,
    Scheduled,
    Dismissed,
    Completed,
    Expired,
}

public enum ServicePriority
{
    Low,
    Medium,
    High,
    Critical,
}

public enum ServiceSeverity
{
    Info,
    Minor,
    Major,
    Critical,
}
