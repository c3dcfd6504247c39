using System.Security.Claims;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Web.Services.Identity;

/// <summary>The signed-in user of this request, as the data layer sees it (tenancy scope and audit actor).</summary>
public sealed class HttpCurrentUser(HttpContext http) : ICurrentUser
{
    /// <summary>Cookie holding a manufacturer user's chosen dealer ("all" or a dealer id).</summary>
    public const string DealerCookie = "MotorTrace.Dealer";

    public Guid? UserId => http.User.UserId();
    public string? IpAddress => http.Connection.RemoteIpAddress?.ToString();
    public string? UserAgent => http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;

    public Guid? DealerScope
    {
        get
        {
            var user = http.User;
            if (user.Identity?.IsAuthenticated != true) return Guid.Empty; // sees no dealer's records
            if (user.UserType() == UserType.Manufacturer)
                return Guid.TryParse(http.Request.Cookies[DealerCookie], out var chosen) ? chosen : null;
            return user.DealerId() ?? Guid.Empty;
        }
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
