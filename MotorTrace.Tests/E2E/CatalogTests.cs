using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Catalog;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The service manager keeps the catalogue in chromium: finds a canned service in the list, adds a labor step and a part
/// category to it through the interactive page, and sees the outcome; axe on every page visited, at 1366×900 and
/// 768×1024, and no sideways scrolling on the tablet.
/// </summary>
[Trait("Category", "E2E")]
public sealed class CatalogTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task A_manager_finds_a_service_in_the_list_adds_a_step_and_a_part_category_and_sees_the_outcome()
    {
        var manager = DemoSeeder.SignIns.First(s => s.Role == Roles.Manager && s.Dealer == 1);
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (serviceCode, laborCode, categoryName) = ($"E2E-{suffix}", $"E2E-OP-{suffix}", $"E2E parts {suffix}");
        var serviceId = await CreateServiceAsync(manager.Email, serviceCode, laborCode, categoryName);
        await using var context = await fixture.SignedInContextAsync(manager.Email, 1366, 900);
        var page = await context.NewPageAsync();

        // 1. The list: the service found by its code, the row links to its page.
        await BrowserAppFixture.VisitAsync(page, "/catalog/services", axe: false);
        await CheckAtBothSizesAsync(page, "/catalog/services");
        await page.GetByLabel("Code, name or category").FillAsync(serviceCode.ToLowerInvariant());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("q=" + serviceCode.ToLowerInvariant()));
        var link = page.GetByRole(AriaRole.Link, new() { Name = serviceCode, Exact = true });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotsAsync(page, "catalog-1-services");
        // 2. The service page: add a labor step picked by its code.
        await BrowserAppFixture.FollowAsync(page, link, new Regex($"/catalog/services/{serviceId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(serviceCode);
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await CheckAtBothSizesAsync(page, "the service page");
        await PickAsync(page, "Labor operation", laborCode);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Step {laborCode} added.");
        await Assertions.Expect(page.Locator("[data-step-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-step-id]")).ToContainTextAsync(laborCode);
        await Assertions.Expect(page.GetByTestId("labor-total")).ToContainTextAsync("Labor 45 min of 1 h booked");

        // 3. A part category, optional.
        await PickAsync(page, "Part category", categoryName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-part-id]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-part-id]")).ToContainTextAsync(categoryName);
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = $"{categoryName} added." })).ToBeVisibleAsync();
        await CheckAtBothSizesAsync(page, "the service page with a step and a part category");
        await BrowserAppFixture.ScreenshotsAsync(page, "catalog-2-service");

        var stored = await fixture.App.WithDbAsync(db => db.CannedServices.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { Steps = s.Labor.Select(l => l.LaborCatalog.Code).ToList(), Parts = s.PartsCategories.Select(p => p.Category.Name).ToList() })
            .SingleAsync());
        Assert.Equal([laborCode], stored.Steps);
        Assert.Equal([categoryName], stored.Parts);
    }

    private static Task PickAsync(IPage page, string label, string text) =>
        Autocomplete.PickAsync(page, page.GetByLabel(label, new() { Exact = true }), text, text);

    /// <summary>axe at 1366×900 and 768×1024, and the tablet never scrolls sideways; back at 1366×900 after.</summary>
    private static async Task CheckAtBothSizesAsync(IPage page, string what)
    {
        // A snackbar fading out is half transparent (axe measures its contrast mid-fade): check the page once they are gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        foreach (var (width, height) in new[] { (1366, 900), (768, 1024) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(200);
            await BrowserAppFixture.AssertAccessibleAsync(page, $"{what} at {width}×{height}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{what} scrolls sideways at {width} px: {widths[0]} > {widths[1]}");
        }
        await page.SetViewportSizeAsync(1366, 900);
    }

    /// <summary>A new service of dealer 1 with an active labor operation to add and a part category, made as the manager.</summary>
    private async Task<Guid> CreateServiceAsync(string manager, string serviceCode, string laborCode, string categoryName)
    {
        await fixture.App.WithDbAsync(async db =>
        {
            db.InventoryCategories.Add(new InventoryCategory { Name = categoryName });
            await db.SaveChangesAsync();
        });
        var labor = LaborForm.New();
        (labor.Code, labor.Name, labor.EstimatedMinutes, labor.Rate) = (laborCode, "Brake fluid check " + laborCode, 45, 1200m);
        Assert.True((await fixture.App.AsUserAsync<LaborCatalogService, ServiceResult<Guid>>(manager, s => s.CreateAsync(labor))).Succeeded);
        var service = CannedServiceForm.New();
        (service.Code, service.Name, service.Duration, service.Price) = (serviceCode, "Brake check " + serviceCode, 60, 1800m);
        var created = await fixture.App.AsUserAsync<CatalogService, ServiceResult<Guid>>(manager, s => s.CreateAsync(service));
        Assert.True(created.Succeeded);
        return created.Value;
    }
}
