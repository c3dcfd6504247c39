using System.Net;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteSignInTests(SqliteFactory app) : SignInTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresSignInTests(PostgresFactory app) : SignInTests(app), IClassFixture<PostgresFactory>;

/// <summary>Sign-in, sign-out, lockout and sessions through the real login page.</summary>
public abstract class SignInTests(MotorTraceFactory app)
{
    private const string WrongPasswordMessage = "The email or password is not right.";
    private const string LockedOutMessage = "Too many failed attempts: this account is locked for 15 minutes.";
    private const string DeactivatedMessage = "This account has been deactivated. Ask your administrator.";

    public static TheoryData<string> DemoSignIns => new(DemoSeeder.SignIns.Select(s => s.Email));

    [DatabaseTheory]
    [MemberData(nameof(DemoSignIns))]
    public async Task Every_demo_user_signs_in_and_sees_their_name_on_the_dashboard(string email)
    {
        var browser = app.NewBrowser();

        using var signIn = await AccountFlow.SignInAsync(browser.Client, email);
        Assert.True(AccountFlow.IsRedirectTo(signIn, "/"), $"Sign-in answered {(int)signIn.StatusCode} {signIn.Headers.Location}");

        using var dashboard = await browser.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var page = await Forms.ParseAsync(dashboard);
        var name = DemoSeeder.SignIns.Single(s => s.Email == email).Name;
        Assert.Equal($"Welcome, {name}", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [DatabaseFact]
    public async Task A_signed_in_page_renders_on_every_request()
    {
        // The layout's dealer switcher and notification bell and the page itself all load data while the
        // page renders, concurrently: they must not share one DbContext (on PostgreSQL the reads really
        // overlap; SQLite's async calls complete synchronously and hide it).
        var admin = await app.UserAsync("admin@motortrace.test");
        for (var request = 1; request <= 25; request++)
        {
            using var response = await admin.Client.GetAsync("/notifications");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Request {request} answered {(int)response.StatusCode}.");
        }
    }

    [DatabaseFact]
    public async Task A_wrong_password_shows_the_message_and_records_a_failed_sign_in()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();

        using var response = await AccountFlow.SignInAsync(browser.Client, email, "Not-The-Password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(WrongPasswordMessage, Forms.Alerts(await Forms.ParseAsync(response)));
        await AssertSignedOutAsync(browser);
        var activity = await LastActivityAsync(email);
        Assert.Equal(LoginAction.SignInFailed, activity.Action);
        Assert.Equal(await UserIdAsync(email), activity.UserId);
    }

    [DatabaseFact]
    public async Task An_unknown_email_shows_the_same_message_as_a_wrong_password_and_is_recorded_without_a_user()
    {
        var email = $"nobody-{Guid.NewGuid():N}@tests.motortrace.test";
        var browser = app.NewBrowser();

        using var response = await AccountFlow.SignInAsync(browser.Client, email);

        Assert.Contains(WrongPasswordMessage, Forms.Alerts(await Forms.ParseAsync(response)));
        var activity = await LastActivityAsync(email);
        Assert.Equal(LoginAction.SignInFailed, activity.Action);
        Assert.Null(activity.UserId);
    }

    [DatabaseFact]
    public async Task Five_failed_attempts_lock_the_account_so_the_right_password_is_refused_with_the_lockout_message()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var failed = await AccountFlow.SignInAsync(browser.Client, email, $"Wrong-Password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var sixth = await AccountFlow.SignInAsync(browser.Client, email);

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(LockedOutMessage, Forms.Alerts(await Forms.ParseAsync(sixth)));
        await AssertSignedOutAsync(browser);
        Assert.Equal(LoginAction.LockedOut, (await LastActivityAsync(email)).Action);
        var lockoutEnd = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > app.Clock.GetUtcNow(), "The account has no lockout end in the future.");
    }

    [DatabaseFact]
    public async Task Signing_in_records_SignedIn_and_a_session_with_the_client_ip_address_and_user_agent()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        // The app trusts X-Forwarded-For from a proxy on this machine, as behind a reverse proxy.
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.23");

        using var response = await AccountFlow.SignInAsync(browser.Client, email);

        Assert.True(AccountFlow.IsSignedInRedirect(response));
        var activity = await LastActivityAsync(email);
        Assert.Equal(LoginAction.SignedIn, activity.Action);
        Assert.Equal(await UserIdAsync(email), activity.UserId);
        Assert.Equal("198.51.100.23", activity.IpAddress);
        Assert.Equal(MotorTraceFactory.UserAgent, activity.UserAgent);
        Assert.Equal("Chrome on Linux", activity.DeviceInfo);
        var session = await SingleSessionAsync(email);
        Assert.True(session.IsActive);
        Assert.Equal("198.51.100.23", session.IpAddress);
        Assert.Equal(MotorTraceFactory.UserAgent, session.UserAgent);
    }

    [DatabaseFact]
    public async Task Signing_out_records_SignedOut_and_ends_the_session()
    {
        var email = await app.CreateUserAsync();
        var user = await app.SignInAsync(email);

        using var response = await AccountFlow.SignOutAsync(user.Client);

        Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.LoginPath), $"Sign-out answered {(int)response.StatusCode} {response.Headers.Location}");
        await AssertSignedOutAsync(user.Browser);
        Assert.Equal(LoginAction.SignedOut, (await LastActivityAsync(email)).Action);
        var session = await SingleSessionAsync(email);
        Assert.False(session.IsActive);
        Assert.Equal(SessionEndReason.SignedOut, session.EndReason);
        Assert.NotNull(session.EndedAt);
    }

    [DatabaseFact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var email = await app.CreateUserAsync();
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        var browser = app.NewBrowser();

        using var response = await AccountFlow.SignInAsync(browser.Client, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(DeactivatedMessage, Forms.Alerts(await Forms.ParseAsync(response)));
        await AssertSignedOutAsync(browser);
        Assert.Equal(0, await app.WithDbAsync(db => db.UserSessions.CountAsync(s => s.User.Email == email)));
    }

    [DatabaseFact]
    public async Task A_revoked_session_is_signed_out_on_the_first_request_after_the_check_interval()
    {
        var user = await app.SignInAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/")).StatusCode);

        await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == user.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false)));

        // Checked at most once per interval: the next request inside it still goes through.
        using (var inside = await user.Client.GetAsync("/"))
            Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        app.Clock.Advance(SessionService.CheckInterval + TimeSpan.FromMinutes(1));
        using var after = await user.Client.GetAsync("/");
        Assert.True(AccountFlow.IsRedirectTo(after, AccountFlow.LoginPath), $"After the interval / answered {(int)after.StatusCode} {after.Headers.Location}");
    }

    [DatabaseFact]
    public async Task A_signed_in_user_who_is_deactivated_is_signed_out_after_the_check_interval_and_the_session_ends()
    {
        var user = await app.SignInAsync(await app.CreateUserAsync());
        Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/")).StatusCode);

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        app.Clock.Advance(SessionService.CheckInterval + TimeSpan.FromMinutes(1));
        using var after = await user.Client.GetAsync("/");

        Assert.True(AccountFlow.IsRedirectTo(after, AccountFlow.LoginPath), $"/ answered {(int)after.StatusCode} {after.Headers.Location}");
        var session = await SingleSessionAsync(user.Email);
        Assert.False(session.IsActive);
        Assert.Equal(SessionEndReason.UserDeactivated, session.EndReason);
    }

    [DatabaseFact]
    public async Task The_return_url_is_honoured_after_sign_in()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        using var challenge = await browser.Client.GetAsync("/notifications");
        Assert.True(AccountFlow.IsRedirectTo(challenge, AccountFlow.LoginPath));

        using var signIn = await AccountFlow.SignInAsync(browser.Client, email, loginUrl: challenge.Headers.Location!.PathAndQuery());

        Assert.True(AccountFlow.IsRedirectTo(signIn, "/notifications"), $"Sign-in answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
    }

    [DatabaseTheory]
    [InlineData("https://evil.example/steal")]
    [InlineData("//evil.example/steal")]
    [InlineData("/\\evil.example/steal")]
    public async Task An_external_return_url_is_not_followed_after_sign_in(string returnUrl)
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();

        using var signIn = await AccountFlow.SignInAsync(browser.Client, email, loginUrl: $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.True(AccountFlow.IsSignedInRedirect(signIn), $"Sign-in answered {(int)signIn.StatusCode} {signIn.Headers.Location}");
        var target = new Uri(MotorTraceFactory.BaseAddress, signIn.Headers.Location!);
        Assert.Equal(MotorTraceFactory.BaseAddress.Authority, target.Authority);
        Assert.Equal("/", target.AbsolutePath);
    }

    private async Task AssertSignedOutAsync(TestBrowser browser)
    {
        using var response = await browser.Client.GetAsync("/");
        Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.LoginPath), $"/ answered {(int)response.StatusCode} {response.Headers.Location}: still signed in.");
    }

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<LoginActivity> LastActivityAsync(string email) =>
        app.WithDbAsync(db => db.LoginActivities.AsNoTracking()
            .Where(a => a.Email == email.ToLowerInvariant())
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .FirstAsync());

    private Task<UserSession> SingleSessionAsync(string email) =>
        app.WithDbAsync(db => db.UserSessions.AsNoTracking().Where(s => s.User.Email == email).SingleAsync());
}

internal static class UriExtensions
{
    /// <summary>The path and query of a Location header, absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        (location.IsAbsoluteUri ? location : new Uri(MotorTraceFactory.BaseAddress, location)).PathAndQuery;
}
