using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.WorkOrders;

/// <summary>Seed 000 WorkOrderAttachment: a photo or document filed with a work order.</summary>
public class WorkOrderAttachment : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid WorkOrderId { get; set; }
    public WorkOrder WorkOrder { get; set; } = null!;
    public Guid UploadedById { get; set; }
    public string FileUrl { get; set; } = "";
    public string FileName { get; set; } = "";
    public string? FileType { get; set; }

    /// <summary>Bytes; the seed's int would cap a video at 2 GB.</summary>
    public long FileSize { get; set; }
    public string? Description { get; set; }
    public AttachmentCategory Category { get; set; } = AttachmentCategory.Photo;
    public DateTime UploadedAt { get; set; }
}

public enum AttachmentCategory
{
    Photo,
    Document,
    Invoice,
    Estimate,
    Inspection,
    Other,
}
