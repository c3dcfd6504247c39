using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Catalog;

/// <summary>Seed 000 LaborCatalog: one standard labor operation of a dealer, with its book time and rate.</summary>
public class LaborCatalog : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int EstimatedMinutes { get; set; }
    public string? Category { get; set; }
    public SkillLevel SkillLevel { get; set; } = SkillLevel.Technician;

    /// <summary>Hourly labor rate; not in the seed, but an estimate cannot price labor without it.</summary>
    public decimal Rate { get; set; }
    public bool IsActive { get; set; } = true;
}

public enum SkillLevel
{
    Apprentice,
    Technician,
    Senior,
    Master,
}
