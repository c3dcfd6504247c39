using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>
/// Seed 000 ServiceRule: a manufacturer maintenance rule (interval, conditions, bundling). Shared by the
/// whole network, so not dealer-owned: every dealer's recommendations come from the same schedule.
/// </summary>
public class ServiceRule : AuditableEntity
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ServiceRuleType RuleType { get; set; }
    public ServicePriority Priority { get; set; } = ServicePriority.Medium;
    public ServiceSeverity Severity { get; set; } = ServiceSeverity.Info;
    public int? MileageInterval { get; set; }
    public int? TimeIntervalMonths { get; set; }
    public int? TimeIntervalDays { get; set; }
    public string ServiceType { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public string? Category { get; set; }

    /// <summary>Codes of rules that must be due or done first.</summary>
    public List<string> DependsOn { get; set; } = [];

    /// <summary>Codes of rules that are never recommended together with this one.</summary>
    public List<string> ConflictsWith { get; set; } = [];
    public bool CanBundle { get; set; }

    /// <summary>Empty means every vehicle type.</summary>
    public List<string> ApplicableVehicleTypes { get; set; } = [];

    /// <summary>Empty means every driving condition.</summary>
    public List<string> ApplicableDrivingConditions { get; set; } = [];

    /// <summary>Applied to the intervals for severe driving; below 1 brings the service forward.</summary>
    public decimal SevereConditionMultiplier { get; set; } = 1m;
    public decimal OffroadMultiplier { get; set; } = 1m;
    public bool IsActive { get; set; } = true;
}

public enum ServiceRuleType
{
    Mileage,
    Time,
    MileageOrTime,
    Condition,
}
