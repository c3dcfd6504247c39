using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The technician's day on a workshop tablet (768×1024, touch, gloves): the dashboard's job queue, the calendar on
/// their own jobs, one of their work orders. Every page: no critical or serious axe violation, no sideways scroll,
/// every tap target in the main area and the app bar at least 48 × 48 px.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TechnicianTabletTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private const int GloveTarget = 48;

    private static readonly (string Email, string Role, UserType Type, int? Dealer, string Name, string? Designation) Technician =
        DemoSeeder.SignIns.First(s => s.Role == Roles.Technician && s.Dealer == 1);

    [BrowserFact]
    public async Task A_technician_on_a_tablet_opens_their_jobs_calendar_and_work_order_with_48_px_targets_and_no_axe_problem()
    {
        await using var context = await fixture.SignedInContextAsync(Technician.Email, 768, 1024, hasTouch: true);
        var page = await context.NewPageAsync();

        // 1. The dashboard: the queue of open jobs assigned to them.
        await page.GotoAsync("/");
        await PageChecks.SettleAsync(page);
        var dashboard = new TechnicianDashboard(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {Technician.Name}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.MyJobsHeading).ToBeVisibleAsync();
        await Assertions.Expect(dashboard.Jobs.First).ToBeVisibleAsync();
        await AssertFitsGlovesAsync(page, "the technician's dashboard");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-1-dashboard");

        // 2. The calendar, from the menu as a technician reaches it, opens on their own jobs.
        var calendar = await AppointmentCalendarPage.OpenFromMenuAsync(page);
        await PageChecks.SettleAsync(page);
        await Assertions.Expect(calendar.Title).ToContainTextAsync($"· {Technician.Name}");
        await AssertFitsGlovesAsync(page, "the calendar as the technician");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-2-calendar");
        await calendar.View("Week").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=week"));
        await PageChecks.SettleAsync(page);
        await Assertions.Expect(calendar.Title).ToContainTextAsync($"· {Technician.Name}");
        await AssertFitsGlovesAsync(page, "the week view as the technician");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-3-week");

        // 3. Back to the queue, one job's work order: what is wrong, and what is on it.
        await page.GotoAsync("/");
        await PageChecks.SettleAsync(page);
        var job = dashboard.Jobs.First;
        var number = Regex.Match(await job.InnerTextAsync(), @"WO-D001-\d{6}").Value;
        await job.ClickAsync();
        var workOrder = new WorkOrderPage(page);
        await Assertions.Expect(workOrder.Heading).ToHaveTextAsync($"Work order {number}");
        await PageChecks.SettleAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer's complaint", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Services and parts", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(workOrder.Facts).ToContainTextAsync("Odometer");
        // A technician does not open customer records: the customer is named, not linked.
        await Assertions.Expect(workOrder.Facts.Locator("a[href^='/customers/']")).ToHaveCountAsync(0);
        await AssertFitsGlovesAsync(page, $"work order {number} as the technician");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-4-work-order");
    }

    private static async Task AssertFitsGlovesAsync(IPage page, string what)
    {
        var findings = new List<string>();
        findings.AddRange(await PageChecks.AxeAsync(page));
        findings.AddRange(await PageChecks.SidewaysScrollAsync(page));
        findings.AddRange(await PageChecks.SmallTargetsAsync(page, GloveTarget));
        Assert.True(findings.Count == 0, $"{findings.Count} problem(s) on {what} at 768×1024 (touch):\n" + string.Join("\n", findings));
    }

    /// <summary>The technician's part of the dashboard: "My jobs", one work-order link per job.</summary>
    private sealed class TechnicianDashboard(IPage page)
    {
        public ILocator MyJobsHeading => page.GetByRole(AriaRole.Heading, new() { Name = "My jobs" });
        public ILocator Jobs => page.GetByTestId("dashboard-technician").GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^WO-D001-\d{6}") });
    }
}
