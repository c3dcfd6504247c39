using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Inventory;

namespace MotorTrace.Data.Entities.Catalog;

/// <summary>
/// Seed 000 CannedService: a priced service package of one dealer (an oil change, a 30,000 km service),
/// the building block of appointments and estimates. Archived rather than deleted, because history refers to it.
/// </summary>
public class CannedService : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Minutes of workshop time, used for appointment capacity.</summary>
    public int Duration { get; set; }
    public decimal Price { get; set; }
    public bool IsAvailable { get; set; } = true;
    public ServiceVariantLabel VariantLabel { get; set; } = ServiceVariantLabel.Standard;
    public VehicleType VehicleType { get; set; } = VehicleType.Any;
    public bool HasOptionalParts { get; set; }
    public bool HasOptionalLabor { get; set; }
    public string? Category { get; set; }
    public int? MinVehicleAge { get; set; }
    public int? MaxVehicleMileage { get; set; }
    public bool IsArchived { get; set; }

    public List<CannedServiceLabor> Labor { get; set; } = [];
    public List<CannedServicePartsCategory> PartsCategories { get; set; } = [];
}

/// <summary>Seed 000 CannedServiceLabor: one labor operation of a canned service, in order.</summary>
public class CannedServiceLabor : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid CannedServiceId { get; set; }
    public CannedService CannedService { get; set; } = null!;
    public Guid LaborCatalogId { get; set; }
    public LaborCatalog LaborCatalog { get; set; } = null!;
    public int Sequence { get; set; }
    public int EstimatedMinutes { get; set; }
    public string? Notes { get; set; }
}

/// <summary>
/// Seed 000 CannedServicePartsCategory: a kind of part a canned service needs; the advisor picks the
/// actual stock item when building the estimate.
/// </summary>
public class CannedServicePartsCategory : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid CannedServiceId { get; set; }
    public CannedService CannedService { get; set; } = null!;
    public Guid CategoryId { get; set; }
    public InventoryCategory Category { get; set; } = null!;
    public bool IsRequired { get; set; } = true;
    public string? Notes { get; set; }
}

public enum ServiceVariantLabel
{
    Standard,
    Basic,
    Premium,
    Express,
}

public enum VehicleType
{
    Any,
    Car,
    Suv,
    Van,
    Truck,
    Motorcycle,
    Electric,
    Hybrid,
}
