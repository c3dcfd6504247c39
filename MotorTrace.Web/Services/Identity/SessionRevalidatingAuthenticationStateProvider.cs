using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Services.Identity;

/// <summary>
/// A live circuit outlives the request that opened it, so the cookie check (<see cref="SessionService.ValidatePrincipalAsync"/>)
/// never runs for it. This checks the circuit's user once a minute the same way: a revoked or expired session, a deactivated
/// user, a new security stamp, or a changed role, dealer or user type ends the circuit's sign-in; <c>Routes</c> then sends the
/// browser through the sign-in page, where the cookie check signs the user out or re-issues their claims.
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        IsStillValidAsync(state.User, cancellationToken);

    /// <summary>The minute-by-minute check itself: false once the circuit's sign-in no longer holds.</summary>
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (principal.UserId() is not { } userId || principal.FindFirstValue(MotorTraceClaims.SessionId) is not { } sessionId) return false;

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<MotorTraceDbContext>>().CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessionValid = await db.UserSessions.AnyAsync(s => s.SessionId == sessionId && s.UserId == userId && s.IsActive && s.ExpiresAt > now, cancellationToken);
        if (!sessionValid) return false;

        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.SecurityStamp, u.DealerId, u.UserType })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is not { IsActive: true }) return false;
        if (principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType) != user.SecurityStamp) return false;
        if (principal.DealerId() != user.DealerId || principal.UserType() != user.UserType) return false;

        var roles = await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var claimedRoles = principal.FindAll(identityOptions.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value);
        return roles.ToHashSet().SetEquals(claimedRoles);
    }
}
