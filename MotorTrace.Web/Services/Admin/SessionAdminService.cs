using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Admin;

public sealed record SessionRow(Guid Id, Guid UserId, string UserName, string? Email, string? DeviceInfo, string? IpAddress,
    DateTime CreatedAt, DateTime LastActivityAt, DateTime ExpiresAt, bool IsActive, DateTime? EndedAt, SessionEndReason? EndReason,
    bool IsCurrent);

public sealed record LoginActivityRow(Guid Id, DateTime CreatedAt, Guid? UserId, string? UserName, string? Email, LoginAction Action,
    string? Reason, string? IpAddress, string? DeviceInfo);

/// <summary>Signed-in sessions of every user, and the sign-in history, for administrators.</summary>
public sealed class SessionAdminService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public static readonly string[] SessionFilterNames = ["show"];
    public static readonly string[] ActivityFilterNames = ["action"];

    private static readonly GridSortMap<UserSession> SessionSorts = new GridSortMap<UserSession>("activity", SortOrder.Desc)
    {
        { "user", s => s.User.FullName },
        { "started", s => s.CreatedAt },
        { "activity", s => s.LastActivityAt },
        { "expires", s => s.ExpiresAt },
    }.ThenBy(s => s.Id);

    private static readonly GridSortMap<LoginActivity> ActivitySorts = new GridSortMap<LoginActivity>("time", SortOrder.Desc)
    {
        { "time", a => a.CreatedAt },
        { "email", a => a.Email },
        { "action", a => a.Action },
    }.ThenBy(a => a.Id);

    /// <summary>Active sessions; with <c>show=all</c> ended ones too. A session past its expiry counts as ended even before the validator marks it.</summary>
    /// <remarks>The administrator's own session is marked, so they do not revoke it by mistake.</remarks>
    public async Task<GridResult<SessionRow>> ListSessionsAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        var currentSessionId = user.Principal.FindFirstValue(MotorTraceClaims.SessionId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.UserSessions.AsNoTracking();
        if (!string.Equals(query.Filter("show"), "all", StringComparison.OrdinalIgnoreCase))
            rows = rows.Where(s => s.IsActive && s.ExpiresAt > now);
        if (query.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            var upper = search.ToUpperInvariant();
            rows = rows.Where(s => s.User.FullName.ToLower().Contains(lower) || s.User.NormalizedEmail!.Contains(upper)
                || (s.IpAddress != null && s.IpAddress.Contains(search)));
        }
        return await rows.ToGridResultAsync(query, SessionSorts, s => new SessionRow(
            s.Id, s.UserId, s.User.FullName, s.User.Email, s.DeviceInfo, s.IpAddress, s.CreatedAt, s.LastActivityAt, s.ExpiresAt,
            s.IsActive && s.ExpiresAt > now, s.EndedAt, s.EndReason, s.SessionId == currentSessionId));
    }

    public async Task<GridResult<LoginActivityRow>> ListActivityAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.LoginActivities.AsNoTracking();
        if (Enum.TryParse<LoginAction>(query.Filter("action"), ignoreCase: true, out var action) && Enum.IsDefined(action))
            rows = rows.Where(a => a.Action == action);
        if (query.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            rows = rows.Where(a => (a.Email != null && a.Email.Contains(lower)) || (a.IpAddress != null && a.IpAddress.Contains(search))
                || db.Users.Any(u => u.Id == a.UserId && u.FullName.ToLower().Contains(lower)));
        }
        return await rows.ToGridResultAsync(query, ActivitySorts, a => new LoginActivityRow(
            a.Id, a.CreatedAt, a.UserId, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(),
            a.Email ?? db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            a.Action, a.Reason, a.IpAddress, a.DeviceInfo));
    }

    /// <summary>
    /// Ends one session of any user: the revoked browser is signed out at its next request after the cookie check interval,
    /// and a live circuit of it at its next revalidation (both within a minute).
    /// </summary>
    public async Task<ServiceResult> RevokeAsync(Guid sessionId)
    {
        if (user.UserId is not { } adminId) return ServiceResult.Fail("", "Sign in again to revoke sessions.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await db.UserSessions.Where(s => s.Id == sessionId && s.IsActive).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync();
        // The guard on IsActive makes a second administrator's revoke of the same row a no-op that says so.
        var ended = userId is null ? 0 : await db.UserSessions.Where(s => s.Id == sessionId && s.IsActive).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.IsActive, false)
            .SetProperty(x => x.EndedAt, now)
            .SetProperty(x => x.EndReason, SessionEndReason.Revoked)
            .SetProperty(x => x.EndedById, adminId));
        if (ended == 0) return ServiceResult.Fail("", "That session had already ended.");
        db.LoginActivities.Add(new LoginActivity
        {
            UserId = userId, Action = LoginAction.SessionRevoked, Reason = "Revoked by an administrator", CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    public static string Describe(SessionEndReason reason) => reason switch
    {
        SessionEndReason.SignedOut => "Signed out",
        SessionEndReason.Revoked => "Revoked",
        SessionEndReason.Expired => "Expired",
        SessionEndReason.UserDeactivated => "User deactivated",
        _ => reason.ToString(),
    };
}
