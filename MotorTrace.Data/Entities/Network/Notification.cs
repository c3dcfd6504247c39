using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>An in-app notification for one user (seed 000 Notification and seed 003 notifications, fused).</summary>
public class Notification : Entity
{
    public Guid UserId { get; set; }
    public Guid? DealerId { get; set; }
    public Guid? WorkOrderId { get; set; }
    public NotificationType Type { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    public NotificationPriority Priority { get; set; } = NotificationPriority.Normal;
    public bool IsRead { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? ActionUrl { get; set; }
    public string? ActionText { get; set; }
    public string? Metadata { get; set; }
    public bool SentViaEmail { get; set; }
    public bool SentViaPush { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

public enum NotificationType
{
    Info,
    Success,
    Warning,
    Error,
    AppointmentBooked,
    AppointmentReminder,
    WorkOrderStatus,
    EstimateApproval,
    PartsLowStock,
    PaymentReceived,
    ServiceReminder,
    ProgrammeReview,
}

public enum NotificationPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
