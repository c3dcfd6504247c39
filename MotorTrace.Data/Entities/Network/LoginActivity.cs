using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>Seed 000 LoginActivity: every sign-in, failed sign-in and sign-out, with where it came from.</summary>
public class LoginActivity : Entity
{
    /// <summary>Null when the attempt named an email that belongs to nobody.</summary>
    public Guid? UserId { get; set; }
    public string? Email { get; set; }
    public LoginAction Action { get; set; }
    public string? DeviceInfo { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public string? Location { get; set; }
    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum LoginAction
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignedOut,
    SessionRevoked,
    PasswordResetRequested,
    PasswordReset,
}
