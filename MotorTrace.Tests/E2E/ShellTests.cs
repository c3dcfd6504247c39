using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Web.Services.Notifications;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The shared shell (app bar, drawer, theme, skip link, notification bell) for every demo role, at the three screen
/// sizes: axe finds no critical or serious problem, nothing scrolls sideways on a tablet, keyboard and touch users
/// can get around.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ShellTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private static readonly string[] ShellPages = ["/", "/notifications"];

    public static TheoryData<string> DemoRoles => new(Roles.All);

    private static string EmailFor(string role) => DemoSeeder.SignIns.First(s => s.Role == role && s.Dealer is null or 1).Email;

    [BrowserTheory]
    [MemberData(nameof(DemoRoles))]
    public async Task The_dashboard_and_notifications_pass_axe_at_every_size_and_never_scroll_sideways_at_768(string role)
    {
        await using var context = await fixture.SignedInContextAsync(EmailFor(role), 1366, 900);
        var page = await context.NewPageAsync();
        foreach (var path in ShellPages)
        {
            await BrowserAppFixture.VisitAsync(page, path, axe: false);
            foreach (var (width, height) in BrowserAppFixture.ScreenSizes)
            {
                await page.SetViewportSizeAsync(width, height);
                await page.WaitForTimeoutAsync(200);
                await BrowserAppFixture.AssertAccessibleAsync(page, $"{path} as {role} at {width}×{height}");
                if (width == 768)
                {
                    var (scrollWidth, clientWidth) = await WidthsAsync(page);
                    Assert.True(scrollWidth <= clientWidth, $"{path} as {role} scrolls sideways at 768 px: {scrollWidth} > {clientWidth}");
                }
            }
            await BrowserAppFixture.ScreenshotsAsync(page, $"shell-{role}-{(path == "/" ? "dashboard" : path.Trim('/'))}");
        }
    }

    [BrowserTheory]
    [MemberData(nameof(DemoRoles))]
    public async Task On_a_touch_tablet_every_app_bar_button_is_at_least_44_px_square(string role)
    {
        await using var context = await fixture.SignedInContextAsync(EmailFor(role), 768, 1024, hasTouch: true);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, "/", axe: false);

        var targets = page.Locator(".mud-appbar button, .mud-appbar a[href], .mud-appbar .mud-select .mud-input-slot");
        var count = await targets.CountAsync();
        Assert.True(count >= 3, $"expected the menu, bell and theme buttons in the app bar, found {count}");
        for (var i = 0; i < count; i++)
        {
            var target = targets.Nth(i);
            if (!await target.IsVisibleAsync()) continue;
            var box = await target.BoundingBoxAsync();
            var name = await target.GetAttributeAsync("aria-label") ?? (await target.InnerTextAsync()).Trim();
            Assert.True(box is { Width: >= 44, Height: >= 44 }, $"'{name}' in the app bar is {box?.Width}×{box?.Height} px for {role}");
        }
    }

    [BrowserFact]
    public async Task The_skip_link_is_the_first_focus_stop_and_moves_focus_to_main()
    {
        await using var context = await fixture.SignedInContextAsync(EmailFor(Roles.ServiceAdvisor));
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, "/", axe: false);

        // Start where a fresh visit starts: at the top of the document (navigation may have focused the h1).
        await page.EvaluateAsync("() => { document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex'); }");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        Assert.True(await page.Locator(".mt-skip-link").IsVisibleAsync(), "the focused skip link is visible");

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task A_focused_control_shows_a_focus_ring()
    {
        await using var context = await fixture.SignedInContextAsync(EmailFor(Roles.ServiceAdvisor));
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, "/", axe: false);

        foreach (var locator in new[] { page.Locator(".mt-skip-link"), page.GetByRole(AriaRole.Link, new() { Name = "Open the calendar" }), page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }) })
        {
            await page.EvaluateAsync("() => { document.body.setAttribute('tabindex', '-1'); document.body.focus(); document.body.removeAttribute('tabindex'); }");
            // Reach the control with the keyboard so :focus-visible applies, as it does for a keyboard user.
            for (var i = 0; i < 40 && !await locator.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
                await page.Keyboard.PressAsync("Tab");
            Assert.True(await locator.EvaluateAsync<bool>("e => e === document.activeElement"), $"{locator} is reachable with Tab");
            var outline = await locator.EvaluateAsync<string[]>("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }");
            Assert.NotEqual("none", outline[0]);
            Assert.True(double.Parse(outline[1].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture) >= 2, $"outline {string.Join(' ', outline)} on {locator}");
        }
    }

    [BrowserFact]
    public async Task The_dark_theme_passes_axe_and_is_remembered_after_a_reload()
    {
        await using var context = await fixture.SignedInContextAsync(EmailFor(Roles.Manager), 1366, 900);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, "/", axe: false);

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        await BrowserAppFixture.AssertAccessibleAsync(page, "the dashboard in the dark theme");

        await page.ReloadAsync();
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.mud-main-content') ?? document.body).backgroundColor");
        Assert.True(IsDark(background), $"the page background after reload is {background}");
        await BrowserAppFixture.VisitAsync(page, "/notifications");
        await BrowserAppFixture.ScreenshotsAsync(page, "shell-dark-notifications");
    }

    [BrowserFact]
    public async Task The_bell_count_follows_a_notification_created_on_the_server_without_a_reload()
    {
        var email = EmailFor(Roles.Technician);
        await using var context = await fixture.SignedInContextAsync(email);
        var page = await context.NewPageAsync();
        await BrowserAppFixture.VisitAsync(page, "/", axe: false);
        var bell = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notifications, \\d+ unread$") });
        var before = int.Parse((await bell.GetAttributeAsync("aria-label"))!.Split(' ')[1]);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var userManager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var user = await userManager.FindByEmailAsync(email);
            await scope.ServiceProvider.GetRequiredService<NotificationService>().NotifyAsync(user!.Id, "Parts arrived", "The brake pads for your job are in.");
        }

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Notifications, {before + 1} unread" })).ToBeVisibleAsync();
    }

    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static bool IsDark(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0] + parts[1] + parts[2]) / 3 < 100;
    }
}
