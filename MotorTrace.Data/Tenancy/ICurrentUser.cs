namespace MotorTrace.Data.Tenancy;

/// <summary>
/// Who is acting, as the data layer needs to know it: the dealer scope for the tenancy filter and the
/// actor written into audit rows. The web app implements it from the signed-in user.
/// </summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    /// <summary>The dealer whose records are visible; null means every dealer (manufacturer "all dealers", system jobs).</summary>
    Guid? DealerScope { get; }

    string? IpAddress { get; }
    string? UserAgent { get; }
}

/// <summary>The actor for start-up work, seeding and command-line jobs: no user, every dealer.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();
    public Guid? UserId => null;
    public Guid? DealerScope => null;
    public string? IpAddress => null;
    public string? UserAgent => null;
}
