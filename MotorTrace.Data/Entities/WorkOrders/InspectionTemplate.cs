using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// A dealer's inspection checklist (not in the seeds): the items a technician checks, in sections, and what
/// fixes each finding, so a yellow or red item becomes a priced estimate line in one action.
/// </summary>
public class InspectionTemplate : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Whether the inspection has the four-tyres-and-spare readings.</summary>
    public bool IncludesTyres { get; set; } = true;
    public List<InspectionTemplateItem> Items { get; set; } = [];
}

public class InspectionTemplateItem : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid TemplateId { get; set; }
    public InspectionTemplate Template { get; set; } = null!;
    public int Sequence { get; set; }
    public string Section { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? CannedServiceId { get; set; }
    public Guid? LaborCatalogId { get; set; }
}
