using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>
/// Seed 000 VehicleServiceHistory: one service done to a car. Written when a work order closes, or by hand
/// for work done elsewhere (then <see cref="WorkOrderId"/> is null and <see cref="Provider"/> names the shop).
/// </summary>
public class VehicleServiceHistory : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public Guid? WorkOrderId { get; set; }
    public WorkOrder? WorkOrder { get; set; }
    public string ServiceType { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public DateOnly ServiceDate { get; set; }
    public int? ServiceMileage { get; set; }
    public string? Provider { get; set; }
    public decimal? Cost { get; set; }
    public string? Notes { get; set; }
}
