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
public sealed class SessionAdminService(MotorTraceDbContext db, SessionService sessions, TimeProvider clock)
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
    /// <param name="currentSessionId">The administrator's own session, marked so they do not revoke it by mistake.</param>
    public Task<GridResult<SessionRow>> ListSessionsAsync(GridQuery query, string? currentSessionId)
    {
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
        return rows.ToGridResultAsync(query, SessionSorts, s => new SessionRow(
            s.Id, s.UserId, s.User.FullName, s.User.Email, s.DeviceInfo, s.IpAddress, s.CreatedAt, s.LastActivityAt, s.ExpiresAt,
            s.IsActive && s.ExpiresAt > now, s.EndedAt, s.EndReason, s.SessionId == currentSessionId));
    }

    public Task<GridResult<LoginActivityRow>> ListActivityAsync(GridQuery query)
    {
        var rows = db.LoginActivities.AsNoTracking();
        if (Enum.TryParse<LoginAction>(query.Filter("action"), ignoreCase: true, out var action) && Enum.IsDefined(action))
            rows = rows.Where(a => a.Action == action);
        if (query.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            rows = rows.Where(a => (a.Email != null && a.Email.Contains(lower)) || (a.IpAddress != null && a.IpAddress.Contains(search))
                || db.Users.Any(u => u.Id == a.UserId && u.FullName.ToLower().Contains(lower)));
        }
        return rows.ToGridResultAsync(query, ActivitySorts, a => new LoginActivityRow(
            a.Id, a.CreatedAt, a.UserId, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(),
            a.Email ?? db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            a.Action, a.Reason, a.IpAddress, a.DeviceInfo));
    }

    /// <summary>Ends one session; the revoked browser is signed out at its next check (within a minute).</summary>
    public async Task<ServiceResult> RevokeAsync(Guid sessionId, Guid actingUserId) =>
        await sessions.RevokeAsync(sessionId, actingUserId)
            ? ServiceResult.Ok
            : ServiceResult.Fail("", "That session had already ended.");

    public static string Describe(LoginAction action) => action switch
    {
        LoginAction.SignedIn => "Signed in",
        LoginAction.SignInFailed => "Sign-in failed",
        LoginAction.LockedOut => "Locked out",
        LoginAction.SignedOut => "Signed out",
        LoginAction.SessionRevoked => "Session revoked",
        LoginAction.PasswordResetRequested => "Password email sent",
        LoginAction.PasswordReset => "Password changed",
        _ => action.ToString(),
    };

    public static string Describe(SessionEndReason reason) => reason switch
    {
        SessionEndReason.SignedOut => "Signed out",
        SessionEndReason.Revoked => "Revoked",
        SessionEndReason.Expired => "Expired",
        SessionEndReason.UserDeactivated => "User deactivated",
        _ => reason.ToString(),
    };
}
