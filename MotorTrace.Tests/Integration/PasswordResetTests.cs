using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqlitePasswordResetTests(SqliteFactory app) : PasswordResetTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresPasswordResetTests(PostgresFactory app) : PasswordResetTests(app), IClassFixture<PostgresFactory>;

/// <summary>Forgot password → the mailed link → a new password → sign in with it.</summary>
public abstract class PasswordResetTests(MotorTraceFactory app)
{
    private const string SentMessage = "If an active account uses that address, we have sent it a link";
    private const string InvalidLinkMessage = "This reset link is not valid any more. Ask for a new one.";
    private const string NewPassword = "Brand-New-Passw0rd";

    [DatabaseFact]
    public async Task The_mailed_reset_link_sets_a_new_password_that_signs_in_and_the_old_one_stops_working()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();

        var link = await RequestResetLinkAsync(browser, email);
        using var reset = await SetPasswordAsync(browser, link, NewPassword);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var page = await Forms.ParseAsync(reset);
        Assert.Contains("Your password is set", page.QuerySelector("[role='status']")?.TextContent);
        using (var oldPassword = await AccountFlow.SignInAsync(app.NewBrowser().Client, email))
            Assert.Contains("The email or password is not right.", Forms.Alerts(await Forms.ParseAsync(oldPassword)));
        using (var newPassword = await AccountFlow.SignInAsync(app.NewBrowser().Client, email, NewPassword))
            Assert.True(AccountFlow.IsRedirectTo(newPassword, "/"), $"Sign-in with the new password answered {(int)newPassword.StatusCode} {newPassword.Headers.Location}");
        var actions = await app.WithDbAsync(db => db.LoginActivities.Where(a => a.Email == email).Select(a => a.Action).ToListAsync());
        Assert.Contains(LoginAction.PasswordResetRequested, actions);
        Assert.Contains(LoginAction.PasswordReset, actions);
    }

    [DatabaseFact]
    public async Task A_reset_link_works_only_once()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        var link = await RequestResetLinkAsync(browser, email);
        using (var first = await SetPasswordAsync(browser, link, NewPassword))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await SetPasswordAsync(browser, link, "Another-Passw0rd-2");

        Assert.Contains(InvalidLinkMessage, Forms.Alerts(await Forms.ParseAsync(second)));
    }

    [DatabaseTheory]
    [InlineData("not base64 at all!")]
    [InlineData("Q2ZESjhXcm9uZ1Rva2Vu")] // well-formed, but no token the app issued
    public async Task A_reset_link_with_an_invalid_code_shows_the_error(string code)
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();

        using var response = await SetPasswordAsync(browser,
            $"/account/reset-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}", NewPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(InvalidLinkMessage, Forms.Alerts(await Forms.ParseAsync(response)));
        using var signIn = await AccountFlow.SignInAsync(app.NewBrowser().Client, email, NewPassword);
        Assert.False(AccountFlow.IsSignedInRedirect(signIn), "The password changed although the code was invalid.");
    }

    [DatabaseFact]
    public async Task Forgot_password_for_an_unknown_email_answers_the_same_and_sends_no_mail()
    {
        var email = $"nobody-{Guid.NewGuid():N}@tests.motortrace.test";
        var browser = app.NewBrowser();

        using var response = await Forms.SubmitAsync(browser.Client, "/account/forgot-password", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SentMessage, (await Forms.ParseAsync(response)).QuerySelector("[role='status']")?.TextContent);
        Assert.Empty(Mailbox.To(app.MailFolder, email));
    }

    [DatabaseFact]
    public async Task A_reset_email_sent_from_a_screen_open_for_a_while_works_after_the_account_changed_elsewhere()
    {
        var email = await app.CreateUserAsync();
        // An administrator's circuit: its scope has already read the user as they were.
        await using var screen = await app.ScopeAsAsync("admin@motortrace.test");
        Assert.NotNull(await screen.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
        await using (var elsewhere = app.Services.CreateAsyncScope())
        {
            var users = elsewhere.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.UpdateSecurityStampAsync((await users.FindByEmailAsync(email))!)).Succeeded);
        }

        await screen.ServiceProvider.GetRequiredService<AccountService>().SendPasswordResetAsync(email, "http://localhost/");
        var link = Assert.Single(Mailbox.To(app.MailFolder, email)).Link("Choose a new password").PathAndQuery;
        using var reset = await SetPasswordAsync(app.NewBrowser(), link, NewPassword);

        Assert.Contains("Your password is set", (await Forms.ParseAsync(reset)).QuerySelector("[role='status']")?.TextContent);
        var logged = await app.WithDbAsync(db => db.LoginActivities.Where(a => a.Email == email && a.Action == LoginAction.PasswordResetRequested).SingleAsync());
        Assert.Equal("127.0.0.1", logged.IpAddress);
    }

    /// <summary>Asks for a reset on the forgot-password page and returns the link of the mail it sent (path and query).</summary>
    private async Task<string> RequestResetLinkAsync(TestBrowser browser, string email)
    {
        using var response = await Forms.SubmitAsync(browser.Client, "/account/forgot-password", "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SentMessage, (await Forms.ParseAsync(response)).QuerySelector("[role='status']")?.TextContent);

        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Equal("Set your MotorTrace password", mail.Subject);
        var link = mail.Link("Choose a new password");
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        return link.PathAndQuery;
    }

    private static Task<HttpResponseMessage> SetPasswordAsync(TestBrowser browser, string link, string password) =>
        Forms.SubmitAsync(browser.Client, link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
}
