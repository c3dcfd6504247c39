using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The service manager in chromium: opens the technicians' report, picks last month, drills into one technician's
/// efficiency down to the labour lines, and exports the same report to Excel, whose summary holds the figure on screen.
/// axe and the tablet's width on the way.
/// </summary>
[Trait("Category", "E2E")]
public sealed class ReportTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task A_manager_picks_last_month_drills_into_efficiency_and_exports_it()
    {
        var manager = DemoSeeder.SignIns.First(s => s.Role == Roles.Manager && s.Dealer == 1);
        await using var context = await fixture.SignedInContextAsync(manager.Email, 1366, 900);
        var page = await context.NewPageAsync();

        // 1. From the reports to the technicians' report.
        await BrowserAppFixture.VisitAsync(page, "/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Technician efficiency and productivity" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/reports/technicians$"));
        await BrowserAppFixture.WaitForCircuitAsync(page);

        // 2. Last month: the address carries it, the report works it out again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Last month" }).ClickAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"from={first:yyyy-MM-dd}&to={first.AddMonths(1).AddDays(-1):yyyy-MM-dd}"));
        await Assertions.Expect(page.GetByTestId("report-filters")).ToContainTextAsync(first.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture));

        // 3. Drill into the first technician who finished work last month.
        var busy = page.Locator("[data-table=technicians] tbody tr").Filter(new() { HasNot = page.Locator("td:nth-child(3)", new() { HasTextRegex = new Regex("^0$") }) }).First;
        await Assertions.Expect(busy).ToBeVisibleAsync();
        var technician = (await busy.Locator("td").First.InnerTextAsync()).Trim();
        await busy.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("drill="));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Labour lines finished by {technician}" })).ToBeVisibleAsync();
        var efficiency = (await page.GetByTestId("figure-efficiency").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d+(\.\d)?%$", efficiency);
        await Assertions.Expect(page.Locator("[data-table=lines] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-table=lines] tbody tr a").First).ToHaveAttributeAsync("href", new Regex("^/workorders/"));
        await BrowserAppFixture.AssertAccessibleAsync(page, "a technician's efficiency");
        await page.SetViewportSizeAsync(768, 1024);
        Assert.Empty(await PageChecks.SidewaysScrollAsync(page));
        await BrowserAppFixture.AssertAccessibleAsync(page, "a technician's efficiency on a tablet");
        await page.SetViewportSizeAsync(1366, 900);
        await BrowserAppFixture.ScreenshotsAsync(page, "report-technician");

        // 4. Export: the workbook's summary holds the efficiency the screen shows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-xlsx").ClickAsync());
        Assert.Matches(@"^technicians-\d{8}-\d{8}-\d{12}\.xlsx$", download.SuggestedFilename);
        await using var stream = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(stream);
        var summary = workbook.Worksheet("Summary");
        Assert.Contains(technician, workbook.Worksheets.Select(s => s.Cell(1, 1).GetString()).Single(t => t.Contains("Labour lines finished by", StringComparison.Ordinal)));
        var row = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Efficiency");
        Assert.Equal(efficiency, (row.Cell(2).GetDouble() * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%");
        Assert.Contains("one technician", summary.Cell(2, 1).GetString());
    }
}
