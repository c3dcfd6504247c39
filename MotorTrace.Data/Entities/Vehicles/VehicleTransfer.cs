using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>A change of a vehicle's owner at this dealer; the vehicle keeps its history.</summary>
public class VehicleTransfer : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public Guid FromCustomerId { get; set; }
    public Guid ToCustomerId { get; set; }
    public DateTime TransferredAt { get; set; }
    public Guid? TransferredById { get; set; }
    public string? Note { get; set; }
}
