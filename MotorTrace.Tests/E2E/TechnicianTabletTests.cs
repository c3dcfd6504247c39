using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Tests.Services;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.WorkOrders;

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
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Estimate", Level = 2 })).ToBeVisibleAsync();
        await Assertions.Expect(workOrder.Facts).ToContainTextAsync("Odometer");
        // A technician does not open customer records: the customer is named, not linked.
        await Assertions.Expect(workOrder.Facts.Locator("a[href^='/customers/']")).ToHaveCountAsync(0);
        await AssertFitsGlovesAsync(page, $"work order {number} as the technician");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-4-work-order");
    }

    [BrowserFact]
    public async Task A_technician_on_a_tablet_clocks_on_inspects_an_item_red_with_a_photo_and_clocks_off_and_the_advisors_board_follows_live()
    {
        var shop = await WorkshopScenario.ForAsync(fixture.App);
        var (workOrderId, labor) = await shop.WorkOrderAsync(WorkOrderStatus.Approved, shop.TechnicianId);
        var number = await fixture.App.WithDbAsync(db => db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId).Select(w => w.WorkOrderNumber).SingleAsync());

        // The advisor watches the board at the front desk, filtered to this job.
        await using var desk = await fixture.SignedInContextAsync(WorkshopScenario.Advisor);
        var deskPage = await desk.NewPageAsync();
        // The scenario's numbers end in lower-case hex, which the (upper-case) number search never meets: search its middle part.
        var board = await WorkOrderListPage.OpenAsync(deskPage, $"?view=board&q={number.Split('-')[1]}");
        await Assertions.Expect(board.Column("Approved").GetByTestId("work-order-card").Filter(new() { HasText = number })).ToBeVisibleAsync();

        await using var context = await fixture.SignedInContextAsync(Technician.Email, 768, 1024, hasTouch: true);
        var page = await context.NewPageAsync();

        // 1. My jobs: one card per work order, the new one among them.
        await page.GotoAsync("/workshop");
        await PageChecks.SettleAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My jobs", Level = 1 })).ToBeVisibleAsync();
        var card = page.GetByTestId("job-card").Filter(new() { Has = page.Locator($"a[href='/workshop/jobs/{workOrderId}']") });
        await Assertions.Expect(card).ToContainTextAsync("Brakes squeal when cold");
        await AssertFitsGlovesAsync(page, "my jobs");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-5-my-jobs");

        // 2. The job: clock on starts the approved work order.
        await card.Locator($"a[href='/workshop/jobs/{workOrderId}']").ClickAsync();
        var job = new WorkshopJobPage(page);
        await Assertions.Expect(job.Heading).ToContainTextAsync("Job WO-T");
        await PageChecks.SettleAsync(page);
        var line = job.Labor("Labour 1");
        await job.Button(line, "Clock on").ClickAsync();
        await Assertions.Expect(line).ToContainTextAsync("Clock running");

        // The advisor's board moved the card to In progress without a reload.
        await Assertions.Expect(board.Column("In progress").GetByTestId("work-order-card").Filter(new() { HasText = number })).ToBeVisibleAsync();
        Assert.Equal(0, await board.Column("Approved").GetByTestId("work-order-card").Filter(new() { HasText = number }).CountAsync());

        // 3. The inspection from the dealer's checklist: the first item red, with a photo from the camera.
        await job.Button(job.Inspection, "Start Multi-point inspection").ClickAsync();
        var item = job.Item("Engine oil level and condition");
        await job.Button(item, "Red: now").ClickAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await item.GetByLabel("Notes: Engine oil level and condition").FillAsync("Oil black and 1 litre low.");
        await item.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "oil.png", MimeType = "image/png", Buffer = InspectionServiceTests.Png });
        await Assertions.Expect(item.Locator("img")).ToHaveCountAsync(1);
        await AssertFitsGlovesAsync(page, "the job with its inspection");
        await BrowserAppFixture.ScreenshotsAsync(page, "technician-6-job");

        // 4. Clock off: the time is on the line.
        await job.Button(line, "Clock off").ClickAsync();
        await Assertions.Expect(line).ToContainTextAsync("Clock stopped");

        Assert.Equal([ClockEventKind.On, ClockEventKind.Off], (await shop.EventsAsync(labor[0])).Select(e => e.Kind));
        Assert.Equal(WorkOrderStatus.InProgress, await shop.StatusAsync(workOrderId));
        Task<(InspectionCondition, string?, int)> ItemAsync() => fixture.App.WithDbAsync(db => db.WorkOrderInspectionItems.AsNoTracking()
            .Where(i => i.Inspection.WorkOrderId == workOrderId && i.Name == "Engine oil level and condition")
            .Select(i => new ValueTuple<InspectionCondition, string?, int>(i.Condition, i.Notes, db.WorkOrderInspectionAttachments.Count(a => a.ItemId == i.Id))).SingleAsync());
        var saved = await ItemAsync();
        for (var wait = 0; wait < 20 && saved.Item2 is null; wait++) // the notes save after a short pause in typing
        {
            await Task.Delay(250);
            saved = await ItemAsync();
        }
        Assert.Equal((InspectionCondition.Red, "Oil black and 1 litre low.", 1), saved);
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
