using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Web.Services.Identity;

/// <summary>
/// Signed-in sessions: one <see cref="UserSession"/> row per sign-in, checked against the cookie at most
/// once a minute. A revoked session, a deactivated user or a changed security stamp (password reset)
/// signs the browser out at its next request after that minute.
/// </summary>
public sealed class SessionService(MotorTraceDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);
    private const string CheckedAtKey = "mt:checked";

    public async Task<string> StartAsync(ApplicationUser user, HttpContext http)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        var session = new UserSession
        {
            UserId = user.Id,
            SessionId = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)),
            IpAddress = http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = userAgent,
            DeviceInfo = DeviceDescription.From(userAgent),
            CreatedAt = now,
            LastActivityAt = now,
            ExpiresAt = now + Lifetime,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.SessionId;
    }

    public async Task EndAsync(string? sessionId, SessionEndReason reason, Guid? endedBy = null)
    {
        if (string.IsNullOrEmpty(sessionId)) return;
        await End(db.UserSessions.Where(s => s.SessionId == sessionId && s.IsActive), reason, endedBy);
    }

    public Task EndAllForUserAsync(Guid userId, SessionEndReason reason, Guid? endedBy) =>
        End(db.UserSessions.Where(s => s.UserId == userId && s.IsActive), reason, endedBy);

    private async Task End(IQueryable<UserSession> sessions, SessionEndReason reason, Guid? endedBy)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await sessions.ExecuteUpdateAsync(s => s
            .SetProperty(x => x.IsActive, false)
            .SetProperty(x => x.EndedAt, now)
            .SetProperty(x => x.EndReason, reason)
            .SetProperty(x => x.EndedById, endedBy));
    }

    /// <summary>Cookie validation hook (<see cref="CookieAuthenticationEvents.OnValidatePrincipal"/>).</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (context.Properties.Items.TryGetValue(CheckedAtKey, out var value)
            && DateTimeOffset.TryParse(value, out var checkedAt) && now - checkedAt < CheckInterval)
            return;

        var db = services.GetRequiredService<MotorTraceDbContext>();
        var userManager = services.GetRequiredService<UserManager<ApplicationUser>>();
        var sessionId = context.Principal?.FindFirstValue(MotorTraceClaims.SessionId);
        var userId = context.Principal?.UserId();
        var session = sessionId is null ? null : await db.UserSessions.FirstOrDefaultAsync(s => s.SessionId == sessionId);
        var user = userId is null ? null : await userManager.FindByIdAsync(userId.Value.ToString());
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;

        var valid = session is { IsActive: true } && session.ExpiresAt > now.UtcDateTime && session.UserId == userId
            && user is { IsActive: true } && context.Principal!.FindFirstValue(stampClaim) == user.SecurityStamp;
        if (!valid)
        {
            if (session is { IsActive: true })
            {
                session.IsActive = false;
                session.EndedAt = now.UtcDateTime;
                session.EndReason = user is { IsActive: false } ? SessionEndReason.UserDeactivated : SessionEndReason.Expired;
                await db.SaveChangesAsync();
            }
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        session!.LastActivityAt = now.UtcDateTime;
        session.ExpiresAt = now.UtcDateTime + Lifetime;
        await db.SaveChangesAsync();

        // Re-issue the claims so role, dealer and name changes apply within a minute.
        var principal = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(MotorTraceClaims.SessionId, sessionId!));
        context.ReplacePrincipal(principal);
        context.Properties.Items[CheckedAtKey] = now.ToString("O");
        context.ShouldRenew = true;
    }
}

/// <summary>"Chrome on Windows" from a user-agent string: enough for a person to recognise their device.</summary>
public static class DeviceDescription
{
    public static string? From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return null;
        string browser = userAgent switch
        {
            var ua when ua.Contains("Edg/") => "Edge",
            var ua when ua.Contains("Firefox/") => "Firefox",
            var ua when ua.Contains("Chrome/") || ua.Contains("Chromium/") => "Chrome",
            var ua when ua.Contains("Safari/") => "Safari",
            _ => "Browser",
        };
        string os = userAgent switch
        {
            var ua when ua.Contains("iPad") => "iPad",
            var ua when ua.Contains("iPhone") => "iPhone",
            var ua when ua.Contains("Android") => "Android",
            var ua when ua.Contains("Windows") => "Windows",
            var ua when ua.Contains("Mac OS X") => "macOS",
            var ua when ua.Contains("Linux") => "Linux",
            _ => "unknown system",
        };
        return $"{browser} on {os}";
    }
}
