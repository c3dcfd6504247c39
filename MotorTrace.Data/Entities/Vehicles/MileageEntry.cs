using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>Seed 000 MileageEntry: one odometer reading, by the customer in the portal or by staff at check-in.</summary>
public class MileageEntry : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public Guid RecordedById { get; set; }
    public int Mileage { get; set; }
    public decimal? FuelUsed { get; set; }
    public int? Distance { get; set; }
    public decimal? Efficiency { get; set; }
    public decimal? Latitude { get; set; }
    public decimal? Longitude { get; set; }
    public string? LocationName { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>
    /// A reading lower than the last one is a correction (a typo, a replaced cluster), not a new reading:
    /// it needs a staff member's approval, so mileage never silently goes backwards.
    /// </summary>
    public bool IsOdometerCorrection { get; set; }
    public Guid? CorrectionApprovedById { get; set; }
}
