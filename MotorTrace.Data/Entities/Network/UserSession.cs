using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.Network;

/// <summary>
/// One signed-in browser session: seed 000 UserSession and seed 003 session_logs in one table. The
/// sign-in cookie carries <see cref="SessionId"/>; a session that is no longer active is refused.
/// </summary>
public class UserSession : Entity
{
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public string SessionId { get; set; } = "";
    public string? DeviceInfo { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? Location { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public SessionEndReason? EndReason { get; set; }
    public Guid? EndedById { get; set; }
}

public enum SessionEndReason
{
    SignedOut,
    Revoked,
    Expired,
    UserDeactivated,
}
