using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The inventory manager takes stock on a tablet upright (768×1024): starts a count sheet for one bin location, counts two
/// items (one as booked, one short, with the − button), posts the difference, and finds the correction on the item's page
/// and ledger. axe and no sideways scroll on the sheet, gloved-finger targets (48 px) on its count cards.
/// </summary>
[Trait("Category", "E2E")]
public sealed class StockTakeTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task The_inventory_manager_counts_a_location_on_a_tablet_posts_the_difference_and_sees_it_on_the_items_ledger()
    {
        var parts = DemoSeeder.SignIns.First(s => s.Role == Roles.InventoryManager && s.Dealer == 1).Email;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = $"E2E bay {suffix}";
        var (filters, filtersId) = ($"E2E-F-{suffix}", await ItemAsync(parts, $"E2E-F-{suffix}", location, 5));
        var (pads, padsId) = ($"E2E-P-{suffix}", await ItemAsync(parts, $"E2E-P-{suffix}", location, 3));
        await using var context = await fixture.SignedInContextAsync(parts, 768, 1024);
        var page = await context.NewPageAsync();

        // 1. Start a count sheet for the bay.
        await BrowserAppFixture.VisitAsync(page, "/inventory/stocktakes/new", axe: false);
        await BrowserAppFixture.WaitForCircuitAsync(page);
        await page.GetByLabel("Location").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = location }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start counting" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inventory/stocktakes/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^ST-D001-\\d{6}$"));
        await BrowserAppFixture.WaitForCircuitAsync(page);
        var sheet = new StockTakeSheetPage(page);
        await Assertions.Expect(sheet.Lines).ToHaveCountAsync(2);
        await Assertions.Expect(sheet.Progress).ToHaveTextAsync("0 of 2 counted");
        await CheckTabletAsync(page, "the count sheet");

        // 2. The filters are all there; the pads are one short: typed 3, then − once.
        await sheet.Count(filters).FillAsync("5");
        await sheet.Save(filters).ClickAsync();
        await Assertions.Expect(sheet.Line(filters).GetByTestId("count-result")).ToContainTextAsync("Counted 5 · matches");
        await sheet.Count(pads).FillAsync("3");
        await sheet.OneLess(pads).ClickAsync();
        await Assertions.Expect(sheet.Count(pads)).ToHaveValueAsync("2");
        await sheet.Save(pads).ClickAsync();
        await Assertions.Expect(sheet.Line(pads).GetByTestId("count-result")).ToContainTextAsync("difference -1");
        await Assertions.Expect(sheet.Progress).ToHaveTextAsync("2 of 2 counted");
        await Assertions.Expect(sheet.Line(pads)).ToHaveClassAsync(new Regex("mt-count-differs"));
        await CheckTabletAsync(page, "the counted sheet");

        // 3. Post, confirmed with the totals: one item down by one unit.
        await sheet.Post.ClickAsync();
        await Assertions.Expect(sheet.Totals).ToContainTextAsync("Items down1 (-1 units)");
        await sheet.Confirm.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-chip").Filter(new() { HasText = "Posted" })).ToBeVisibleAsync();
        await Assertions.Expect(sheet.Post).ToHaveCountAsync(0);
        var number = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();

        // 4. The pads' page: 2 on hand, the correction on its ledger naming the sheet.
        await sheet.Line(pads).GetByTestId("ledger-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/inventory/items/{padsId}$"));
        await Assertions.Expect(page.GetByTestId("on-hand")).ToHaveTextAsync("2");
        var correction = page.GetByTestId("ledger").Locator($"tr[data-type={StockMovementType.StockTake}]");
        await Assertions.Expect(correction).ToHaveCountAsync(1);
        await Assertions.Expect(correction).ToContainTextAsync("Stock-take correction");
        await Assertions.Expect(correction).ToContainTextAsync("-1");
        await Assertions.Expect(correction.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        await BrowserAppFixture.ScreenshotsAsync(page, "inventory-stocktake-ledger");

        Assert.Equal((5, 2), await fixture.App.WithDbAsync(async db => (
            await db.InventoryItems.Where(i => i.Id == filtersId).Select(i => i.Quantity).SingleAsync(),
            await db.InventoryItems.Where(i => i.Id == padsId).Select(i => i.Quantity).SingleAsync())));
    }

    private async Task<Guid> ItemAsync(string email, string sku, string location, int onHand)
    {
        var category = await fixture.App.WithDbAsync(db => db.InventoryCategories.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var created = await fixture.App.AsUserAsync<InventoryService, ServiceResult<Guid>>(email, s => s.CreateAsync(new InventoryItemForm
        {
            Sku = sku, Name = "Stock-take E2E part", CategoryId = category, Location = location, MinStockLevel = 0, ReorderPoint = 0, MaxStockLevel = 20,
            UnitPrice = 40m, CostPrice = 25m, IsActive = true,
        }));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        var adjusted = await fixture.App.AsUserAsync<InventoryService, ServiceResult<Guid>>(email, s => s.AdjustAsync(created.Value,
            new StockAdjustmentForm { Direction = AdjustmentDirection.Add, Quantity = onHand, Reason = "Opening count" }));
        Assert.True(adjusted.Succeeded, string.Join(" ", adjusted.Result.Errors));
        return created.Value;
    }

    /// <summary>axe on a tablet upright, no sideways scroll, and 48 px targets on the count cards (gloves on).</summary>
    private static async Task CheckTabletAsync(IPage page, string what)
    {
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await PageChecks.SettleAsync(page);
        var findings = new List<string>();
        findings.AddRange(await PageChecks.AxeAsync(page));
        findings.AddRange(await PageChecks.SidewaysScrollAsync(page));
        findings.AddRange(await PageChecks.SmallTargetsAsync(page, 48, ".mt-count-list"));
        Assert.True(findings.Count == 0, $"{what} at 768×1024:\n" + string.Join("\n", findings));
    }
}
