using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteSessionAdminServiceTests(SqliteFactory app) : SessionAdminServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresSessionAdminServiceTests(PostgresFactory app) : SessionAdminServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>/admin/sessions and /admin/sessions/logins (<see cref="SessionAdminService"/>): every user's sessions, revoking one, the sign-in history.</summary>
public abstract class SessionAdminServiceTests(MotorTraceFactory app)
{
    private const string Admin = "admin@motortrace.test";

    [DatabaseFact]
    public async Task Revoking_a_session_ends_it_signs_that_browser_out_after_the_check_interval_and_is_logged()
    {
        var name = $"Revoked {Tag()}";
        var user = await app.SignInAsync(await app.CreateUserAsync(name: name));
        var search = new GridQuery { Search = user.Email };
        var listed = Assert.Single((await AsAdmin(s => s.ListSessionsAsync(search))).Items);
        Assert.True(listed.IsActive);

        var revoked = await AsAdmin(s => s.RevokeAsync(listed.Id));

        Assert.True(revoked.Succeeded);
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Admin).Select(u => u.Id).SingleAsync());
        var session = await app.WithDbAsync(db => db.UserSessions.AsNoTracking().SingleAsync(s => s.Id == listed.Id));
        Assert.Equal((false, SessionEndReason.Revoked, adminId), (session.IsActive, session.EndReason, session.EndedById));
        Assert.NotNull(session.EndedAt);
        Assert.Empty((await AsAdmin(s => s.ListSessionsAsync(search))).Items);
        var ended = Assert.Single((await AsAdmin(s => s.ListSessionsAsync(search.WithFilter("show", "all")))).Items);
        Assert.Equal((false, SessionEndReason.Revoked), (ended.IsActive, ended.EndReason));

        app.Clock.Advance(SessionService.CheckInterval + TimeSpan.FromMinutes(1));
        using (var after = await user.Client.GetAsync("/"))
            Assert.True(AccountFlow.IsRedirectTo(after, AccountFlow.LoginPath), $"The revoked browser's / answered {(int)after.StatusCode} {after.Headers.Location}");

        // The row was still on the screen of another administrator: revoking it again explains why nothing happens.
        var again = await AsAdmin(s => s.RevokeAsync(listed.Id));
        Assert.Equal("That session had already ended.", Assert.Single(again.Errors).Message);

        var activity = await AsAdmin(s => s.ListActivityAsync(new GridQuery { Search = name }.WithFilter("action", nameof(LoginAction.SessionRevoked))));
        var row = Assert.Single(activity.Items);
        Assert.Equal((name, LoginAction.SessionRevoked), (row.UserName, row.Action));
        Assert.Equal("Session revoked", StatusStyles.Label(row.Action));
        Assert.Equal(1, await app.WithDbAsync(db => db.LoginActivities.CountAsync(a => a.UserId == user.UserId && a.Action == LoginAction.SessionRevoked)));
    }

    [DatabaseFact]
    public async Task Sign_in_activity_filters_by_action_and_finds_a_user_by_name()
    {
        var name = $"Activity {Tag()}";
        var email = await app.CreateUserAsync(name: name);
        await app.SignInAsync(email);

        var signedIn = await AsAdmin(s => s.ListActivityAsync(new GridQuery { Search = name }.WithFilter("action", nameof(LoginAction.SignedIn))));
        var failed = await AsAdmin(s => s.ListActivityAsync(new GridQuery { Search = name }.WithFilter("action", nameof(LoginAction.SignInFailed))));

        var row = Assert.Single(signedIn.Items);
        Assert.Equal(email, row.Email, ignoreCase: true);
        Assert.Empty(failed.Items);
    }

    private Task<T> AsAdmin<T>(Func<SessionAdminService, Task<T>> work) => app.AsUserAsync(Admin, work);

    /// <summary>Letters only: a searched name with digits could also match phone numbers.</summary>
    private static string Tag() => new(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + c % 26)).ToArray());
}
