using System.Security.Claims;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Web.Services.Identity;

/// <summary>
/// Who is acting in this scope, as every service and the data layer see it: the signed-in user and, for a
/// manufacturer user, the dealer they chose (or all dealers). One per scope: an HTTP request (set by
/// <see cref="CurrentUserMiddleware"/> from the cookie), a Blazor circuit (set by <c>Routes</c> from the
/// authentication state before anything renders, and again when revalidation changes it) or a job.
/// A scope nobody set is a system job (start-up, seeding, commands): no user, every dealer.
/// </summary>
public sealed class CurrentUser : ICurrentUser
{
    /// <summary>Cookie holding a manufacturer user's chosen dealer (a dealer id; absent means all dealers).</summary>
    public const string DealerCookie = "MotorTrace.Dealer";

    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal => _principal ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>The dealer a manufacturer user chose; ignored for everyone else.</summary>
    public Guid? ChosenDealer { get; private set; }

    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    public bool IsSystem => _principal is null;
    public bool IsAuthenticated => _principal?.Identity?.IsAuthenticated == true;
    public bool IsManufacturer => IsAuthenticated && Principal.IsManufacturer();
    public Guid? UserId => _principal?.UserId();
    public Guid? DealerId => _principal?.DealerId();
    public string DisplayName => Principal.DisplayName();
    public string? Email => _principal?.Identity?.Name;
    public bool IsInRole(string role) => _principal?.IsInRole(role) == true;

    public Guid? DealerScope
    {
        get
        {
            if (_principal is null) return null; // system job: every dealer
            if (!IsAuthenticated) return Guid.Empty; // sees no dealer's records
            if (IsManufacturer) return ChosenDealer;
            return DealerId ?? Guid.Empty;
        }
    }

    public void Set(ClaimsPrincipal principal, Guid? chosenDealer, string? ipAddress, string? userAgent)
    {
        _principal = principal;
        ChosenDealer = chosenDealer;
        IpAddress = ipAddress;
        UserAgent = userAgent;
    }

    /// <summary>Revalidation replaced the circuit's user (signed out, or new roles).</summary>
    public void SetPrincipal(ClaimsPrincipal principal) => _principal = principal;

    public static Guid? ChosenDealerFrom(HttpContext http) =>
        Guid.TryParse(http.Request.Cookies[DealerCookie], out var chosen) ? chosen : null;

    public static string? UserAgentFrom(HttpContext http) =>
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
}

/// <summary>Sets the request's <see cref="CurrentUser"/> from the authenticated cookie, before any endpoint runs.</summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http, CurrentUser currentUser)
    {
        currentUser.Set(http.User, CurrentUser.ChosenDealerFrom(http), http.Connection.RemoteIpAddress?.ToString(), CurrentUser.UserAgentFrom(http));
        return next(http);
    }
}

/// <summary>Claims MotorTrace adds to the sign-in cookie (see <see cref="MotorTraceClaimsPrincipalFactory"/>).</summary>
public static class MotorTraceClaims
{
    public const string UserType = "mt:user_type";
    public const string DealerId = "mt:dealer_id";
    public const string FullName = "mt:full_name";
    public const string SessionId = "mt:session";
}

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static UserType? UserType(this ClaimsPrincipal user) =>
        Enum.TryParse<UserType>(user.FindFirstValue(MotorTraceClaims.UserType), out var type) ? type : null;

    public static Guid? DealerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(MotorTraceClaims.DealerId), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(MotorTraceClaims.FullName) ?? user.Identity?.Name ?? "";

    public static bool IsManufacturer(this ClaimsPrincipal user) => user.UserType() == Data.Entities.Identity.UserType.Manufacturer;
}
