using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Inventory;

/// <summary>
/// Seed 000 InventoryCategory: a kind of part (filters, brake pads). Network-wide, not dealer-owned, so
/// canned services and reports mean the same thing by "brake pads" at every dealer.
/// </summary>
public class InventoryCategory : AuditableEntity
{
    public string Name { get; set; } = "";
}
