using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;

namespace MotorTrace.Tests.E2E;

/// <summary>Each role signs in through the real login page in chromium and reaches its dashboard.</summary>
[Trait("Category", "E2E")]
public sealed class RoleSmokeTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    /// <summary>One demo sign-in per role (dealer 1's where there are two).</summary>
    public static TheoryData<string> RolesToTry => new(Roles.All);

    [BrowserTheory]
    [MemberData(nameof(RolesToTry))]
    public async Task A_user_of_the_role_signs_in_through_the_login_page_and_sees_the_dashboard(string role)
    {
        var signIn = DemoSeeder.SignIns.First(s => s.Role == role && s.Dealer is null or 1);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var login = await LoginPage.OpenAsync(page);
        await login.SignInAsync(signIn.Email, DemoSeeder.Password);

        await Assertions.Expect(page).ToHaveURLAsync(fixture.BaseAddress.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {signIn.Name}" })).ToBeVisibleAsync();
        // The account menu's button is named by the name it shows (WCAG 2.5.3).
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = signIn.Name })).ToBeVisibleAsync();
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await BrowserAppFixture.AssertAccessibleAsync(page, $"the dashboard as {role}");
        await BrowserAppFixture.ScreenshotsAsync(page, $"dashboard-{role}");
        await fixture.RememberSignInAsync(signIn.Email, context);
    }

    [BrowserFact]
    public async Task A_wrong_password_shows_the_error_on_the_login_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var login = await LoginPage.OpenAsync(page);

        await login.SignInAsync("advisor@d1.motortrace.test", "Not-The-Password-1");

        await Assertions.Expect(login.Error).ToHaveTextAsync("The email or password is not right.");
        await Assertions.Expect(login.Heading).ToBeVisibleAsync();
        await BrowserAppFixture.AssertAccessibleAsync(page, "the login page with an error");
    }
}
