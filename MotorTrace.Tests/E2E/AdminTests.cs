using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The administrator's persona in chromium: create a user with a role and a dealer, then set their module permissions,
/// through the interactive pages. axe on every page visited, no sideways scroll at 768×1024, screenshots at three sizes.
/// </summary>
[Trait("Category", "E2E")]
public sealed class AdminTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task An_admin_creates_a_user_with_a_role_and_dealer_and_sets_their_module_permissions()
    {
        var admin = DemoSeeder.SignIns.First(s => s.Role == Roles.Admin);
        var tag = new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray());
        var name = $"Priya Kulkarni {tag}";
        var email = $"priya.{tag}@tests.motortrace.test";
        await using var context = await fixture.SignedInContextAsync(admin.Email, 1366, 900);
        var page = await context.NewPageAsync();

        // 1. The users list, then a new user: a service advisor of dealer D001.
        await VisitAsync(page, UserListPage.Path, "admin-1-users");
        var users = new UserListPage(page);
        await Assertions.Expect(users.Rows.First).ToBeVisibleAsync();
        await users.NewUser.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users/new$"));
        await CheckAsync(page, "/admin/users/new", "admin-2-new-user");

        var form = new UserEditPage(page);
        await form.FullName.FillAsync(name);
        await form.Email.FillAsync(email);
        await form.ChooseDealerAsync("D001");
        await form.Role("Service advisor").CheckAsync();
        await form.EmployeeId.FillAsync($"EMP-{tag}");
        await form.Create.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/admin/users/[0-9a-f-]{36}$"));
        await Assertions.Expect(form.Heading).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("User created.");
        var id = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal("D001", await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.Dealer!.DealerCode).SingleAsync()));
        await CheckAsync(page, $"/admin/users/{id}", "admin-3-user");

        // 2. The new user is in the list.
        await VisitAsync(page, $"{UserListPage.Path}?q={tag}", "admin-4-users-found");
        await Assertions.Expect(users.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(users.User(name)).ToBeVisibleAsync();
        await Assertions.Expect(users.Rows.First).ToContainTextAsync("Service advisor");
        await Assertions.Expect(users.Rows.First).ToContainTextAsync("D001");

        // 3. Their permissions: approve in Dealer PCC, saved, and still ticked after a reload.
        await users.User(name).ClickAsync();
        await Assertions.Expect(form.Heading).ToHaveTextAsync(name);
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await form.Permissions.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/permissions\\?user={id}"));
        await BrowserAppFixture.WaitForCircuitAsync(page);
        var permissions = new PermissionsPage(page);
        await Assertions.Expect(permissions.Box("Dealer PCC", "approve")).Not.ToBeCheckedAsync();
        await CheckAsync(page, $"/admin/permissions?user={id}", "admin-5-permissions");
        await permissions.Box("Dealer PCC", "approve").CheckAsync();
        await permissions.Save.ClickAsync();
        await Assertions.Expect(permissions.Snackbar).ToContainTextAsync($"Rights saved for {name}: Dealer PCC.");

        await page.ReloadAsync();
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(permissions.Box("Dealer PCC", "approve")).ToBeCheckedAsync();
        await Assertions.Expect(permissions.Box("Dealer PCC", "view")).ToBeCheckedAsync();
        var stored = await fixture.App.WithDbAsync(db => db.ModuleAccess.AsNoTracking().SingleAsync(m => m.UserId == id));
        Assert.Equal((ProgrammeModule.DealerPcc, true, true), (stored.Module, stored.CanView, stored.CanApprove));
        await CheckAsync(page, $"/admin/permissions?user={id}", "admin-6-permissions-saved");

        // 4. The two summary views, whose figures lead to the users behind them.
        await VisitAsync(page, "/admin/permissions/module-statistics", "admin-7-module-statistics");
        await BrowserAppFixture.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d+ users who can approve in Dealer PCC$") }),
            new Regex("/admin/permissions/active-users\\?module=DealerPcc&right=Approve"));
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        await CheckAsync(page, "/admin/permissions/active-users", "admin-8-active-users");
        await VisitAsync(page, "/admin/dealers", "admin-9-dealers");
    }

    private static async Task VisitAsync(IPage page, string path, string screenshot)
    {
        await page.GotoAsync(path);
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await CheckAsync(page, path, screenshot);
    }

    /// <summary>axe at every size, no sideways scroll at 768 px, screenshots of the page as it is now.</summary>
    private static async Task CheckAsync(IPage page, string what, string screenshot)
    {
        var original = page.ViewportSize!;
        foreach (var (width, height) in BrowserAppFixture.ScreenSizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(200);
            await BrowserAppFixture.AssertAccessibleAsync(page, $"{what} at {width}×{height}");
            if (width == 768)
            {
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
                Assert.True(widths[0] <= widths[1], $"{what} scrolls sideways at 768 px: {widths[0]} > {widths[1]}");
            }
        }
        await page.SetViewportSizeAsync(original.Width, original.Height);
        await BrowserAppFixture.ScreenshotsAsync(page, screenshot);
    }
}
