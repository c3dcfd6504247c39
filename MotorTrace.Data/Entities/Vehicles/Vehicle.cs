using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Customers;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>Seed 000 Vehicle: one customer's car as one dealer knows it.</summary>
public class Vehicle : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public string Make { get; set; } = "";
    public string Model { get; set; } = "";
    public int Year { get; set; }

    /// <summary>
    /// Unique per dealer, not network-wide: the same car may be serviced at two dealers, and a global
    /// unique index would tell one dealer that another already has it.
    /// </summary>
    public string Vin
    {
        get;
        set => field = SearchNormalization.Vin(value);
    } = "";

    /// <summary>Null until a new car is registered.</summary>
    public string? LicensePlate
    {
        get;
        set { field = value; LicensePlateNormalized = SearchNormalization.LicensePlate(value); }
    }

    /// <summary>Kept in step by the <see cref="LicensePlate"/> setter so plate search can use an index.</summary>
    public string? LicensePlateNormalized { get; private set; }

    public string? Color { get; set; }
    public string? ImageUrl { get; set; }
    public VehicleStatus Status { get; set; } = VehicleStatus.Active;
    public Guid Version { get; set; }

    public VehicleProfile? Profile { get; set; }
    public VehicleMileage? Mileage { get; set; }
    public List<MileageEntry> MileageEntries { get; set; } = [];
    public List<VehicleServiceHistory> ServiceHistory { get; set; } = [];
    public List<ServiceRecommendation> Recommendations { get; set; } = [];
    public List<CarExpense> Expenses { get; set; } = [];
}

public enum VehicleStatus
{
    Active,
    InService,
    Inactive,
    Sold,
    Scrapped,
}
