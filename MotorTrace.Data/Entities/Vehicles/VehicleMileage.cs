using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>
/// Seed 000 VehicleMileage: the running totals of a car (1:1), recomputed from its
/// <see cref="MileageEntry"/> rows so lists and recommendations need not sum the log.
/// </summary>
public class VehicleMileage : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public int CurrentMileage { get; set; }
    public int TotalDistance { get; set; }
    public decimal? TotalFuelUsed { get; set; }
    public decimal? AverageEfficiency { get; set; }
    public DateTime LastUpdated { get; set; }
    public decimal? LastLocationLat { get; set; }
    public decimal? LastLocationLng { get; set; }
    public string? LastLocationName { get; set; }
}
