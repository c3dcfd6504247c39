using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>Seed 003 audit_logs: one row per inserted, updated or deleted record, written by the interceptor.</summary>
public class AuditLog : Entity
{
    public Guid? UserId { get; set; }
    public Guid? DealerId { get; set; }
    public AuditAction Action { get; set; }
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
