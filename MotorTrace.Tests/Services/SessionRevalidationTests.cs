using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Tests.Services;

/// <summary>
/// A live circuit's sign-in is re-checked every minute by <see cref="SessionRevalidatingAuthenticationStateProvider"/>:
/// what an administrator does to a user (revoke a session, deactivate, change roles) must make that check fail.
/// </summary>
[Trait("Category", "Services")]
public sealed class SessionRevalidationTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    private const string Admin = "admin@motortrace.test";

    [Fact]
    public async Task A_fresh_sign_in_stays_valid()
    {
        var (_, principal) = await SignedInCircuitAsync();

        Assert.True(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task Revoking_the_session_fails_the_circuit_check()
    {
        var (user, principal) = await SignedInCircuitAsync();
        var sessionId = await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.UserId && s.IsActive).Select(s => s.Id).SingleAsync());

        var revoked = await app.AsUserAsync<SessionAdminService, ServiceResult>(Admin, s => s.RevokeAsync(sessionId));

        Assert.True(revoked.Succeeded);
        Assert.False(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task Deactivating_the_user_fails_the_circuit_check()
    {
        var (user, principal) = await SignedInCircuitAsync();

        var deactivated = await app.AsUserAsync<UserAdminService, ServiceResult>(Admin, s => s.SetActiveAsync(user.UserId, false));

        Assert.True(deactivated.Succeeded);
        Assert.False(await IsStillValidAsync(principal));
    }

    [Fact]
    public async Task Changing_the_users_roles_fails_the_circuit_check()
    {
        var (user, principal) = await SignedInCircuitAsync();

        var updated = await app.AsUserAsync<UserAdminService, ServiceResult>(Admin, async s =>
        {
            var form = (await s.GetAsync(user.UserId))!.Form;
            form.EmployeeId ??= $"T{Guid.NewGuid():N}"[..12];
            foreach (var role in form.Roles) role.Selected = role.Name is Roles.ServiceAdvisor or Roles.Technician;
            return await s.UpdateAsync(user.UserId, form);
        });

        Assert.True(updated.Succeeded, string.Join("; ", updated.Errors.Select(e => e.Message)));
        Assert.False(await IsStillValidAsync(principal));
    }

    /// <summary>A new advisor signed in through the login form, and the principal their cookie carries (what a circuit starts with).</summary>
    private async Task<(SignedInUser User, ClaimsPrincipal Principal)> SignedInCircuitAsync()
    {
        var user = await app.SignInAsync(await app.CreateUserAsync(Roles.ServiceAdvisor));
        var principal = await app.AsVisitorAsync(user.Browser,
            (IServiceProvider services) => Task.FromResult(services.GetRequiredService<IHttpContextAccessor>().HttpContext!.User));
        Assert.True(principal.Identity?.IsAuthenticated, "The cookie signs the user in.");
        return (user, principal);
    }

    private async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = (SessionRevalidatingAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        return await provider.IsStillValidAsync(principal);
    }
}
