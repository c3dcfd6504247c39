using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>Seed 000 VehicleProfile: how a car is driven, which tunes its service recommendations (1:1 with the vehicle).</summary>
public class VehicleProfile : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public DrivingCondition DrivingCondition { get; set; } = DrivingCondition.Normal;
    public int? AverageDailyMileage { get; set; }
    public string? PrimaryUse { get; set; }
    public string? EngineType { get; set; }
    public string? TransmissionType { get; set; }
    public string? FuelType { get; set; }
    public ServiceInterval PreferredServiceInterval { get; set; } = ServiceInterval.Standard;
    public List<string> NotificationPreferences { get; set; } = [];
}

public enum DrivingCondition
{
    Normal,
    Severe,
    Offroad,
    Mixed,
}

public enum ServiceInterval
{
    Standard,
    Extended,
    Severe,
    Custom,
}
