using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>Seed 003 settings: system-wide values by category and key, edited under /admin/settings.</summary>
public class Setting : AuditableEntity
{
    public string Category { get; set; } = "";
    public string Key { get; set; } = "";
    public string? Value { get; set; }
    public string? Description { get; set; }
    public bool IsSystem { get; set; }
}
