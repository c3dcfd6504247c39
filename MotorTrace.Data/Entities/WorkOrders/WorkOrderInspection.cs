using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>
/// A vehicle inspection during a work order. Seed 000 names WorkOrderInspection (its attachments refer to
/// it) without defining it; this shape serves the technician's checklist: items, tyres and photos.
/// </summary>
public class WorkOrderInspection : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid? InspectorId { get; set; }
    public ApplicationUser? Inspector { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The checklist template the items were copied from, kept by name because templates change.</summary>
    public string? TemplateName { get; set; }
    public InspectionStatus Status { get; set; } = InspectionStatus.Pending;
    public string? Notes { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public List<WorkOrderInspectionItem> Items { get; set; } = [];
    public List<WorkOrderTyreCheck> TyreChecks { get; set; } = [];
    public List<WorkOrderInspectionAttachment> Attachments { get; set; } = [];
}

/// <summary>One checklist line of an inspection (not in the seeds; see <see cref="WorkOrderInspection"/>).</summary>
public class WorkOrderInspectionItem : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid InspectionId { get; set; }
    public WorkOrderInspection Inspection { get; set; } = null!;
    public int Sequence { get; set; }
    public string? Section { get; set; }
    public string Name { get; set; } = "";
    public InspectionCondition Condition { get; set; } = InspectionCondition.NotChecked;
    public string? Notes { get; set; }

    /// <summary>What fixes a yellow or red finding, copied from the template: a canned service or a labour operation.</summary>
    public Guid? CannedServiceId { get; set; }
    public Guid? LaborCatalogId { get; set; }

    /// <summary>The estimate line the finding became (one action, once).</summary>
    public Guid? EstimateServiceId { get; set; }
    public DateTime? CheckedAt { get; set; }
    public Guid? CheckedById { get; set; }
}

/// <summary>One tyre's reading in an inspection (not in the seeds; see <see cref="WorkOrderInspection"/>).</summary>
public class WorkOrderTyreCheck : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid InspectionId { get; set; }
    public WorkOrderInspection Inspection { get; set; } = null!;
    public TyrePosition Position { get; set; }
    public string? Brand { get; set; }

    /// <summary>As moulded on the sidewall, e.g. 205/55 R16.</summary>
    public string? Size { get; set; }
    public decimal? TreadDepthMm { get; set; }
    public decimal? PressurePsi { get; set; }
    public InspectionCondition Condition { get; set; } = InspectionCondition.NotChecked;
    public string? Notes { get; set; }
}

/// <summary>Seed 000 WorkOrderInspectionAttachment: a photo or file taken during an inspection.</summary>
public class WorkOrderInspectionAttachment : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid InspectionId { get; set; }
    public WorkOrderInspection Inspection { get; set; } = null!;

    /// <summary>The checklist item the photo shows, if any.</summary>
    public Guid? ItemId { get; set; }
    public Guid UploadedById { get; set; }
    public string FileUrl { get; set; } = "";
    public string FileName { get; set; } = "";
    public string? FileType { get; set; }
    public long FileSize { get; set; }
    public string? Description { get; set; }
    public DateTime UploadedAt { get; set; }
}

public enum InspectionStatus
{
    Pending,
    InProgress,
    Completed,
}

/// <summary>The traffic-light verdict of a checked item: green fine, yellow soon, red now.</summary>
public enum InspectionCondition
{
    NotChecked,
    Green,
    Yellow,
    Red,
}

public enum TyrePosition
{
    FrontLeft,
    FrontRight,
    RearLeft,
    RearRight,
    Spare,
}
