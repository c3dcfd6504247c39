using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Tests.E2E;

/// <summary>
/// The inventory manager in chromium: a part of a supplier falls to its reorder point and shows on the reorder list; the
/// manager books the supplier's delivery from the list (the form comes filled with what to order), and the list shrinks.
/// axe on every page visited at 1366×900 and 768×1024, and no sideways scrolling on the tablet.
/// </summary>
[Trait("Category", "E2E")]
public sealed class InventoryTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task The_inventory_manager_receives_a_delivery_of_a_part_on_the_reorder_list_and_sees_the_list_shrink()
    {
        var parts = DemoSeeder.SignIns.First(s => s.Role == Roles.InventoryManager && s.Dealer == 1).Email;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var supplier = $"E2E Brakes Supply {suffix}";
        var sku = $"E2E-{suffix}";
        var itemId = await LowPartAsync(parts, sku, supplier);
        await using var context = await fixture.SignedInContextAsync(parts, 1366, 900);
        var page = await context.NewPageAsync();

        // 1. The reorder list: the part under its supplier, to order up to its maximum of 12 (2 on hand).
        var reorder = await ReorderListPage.OpenAsync(page);
        await CheckAtBothSizesAsync(page, "/inventory/reorder");
        await Assertions.Expect(reorder.Line(sku)).ToBeVisibleAsync();
        await Assertions.Expect(reorder.Supplier(supplier)).ToContainTextAsync("1 part · 10 units");
        var before = await reorder.Lines.CountAsync();

        // 2. The delivery form, filled from the list: the part, 10 units at its average cost.
        await reorder.ReceiveFrom(supplier).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inventory/receipts/new\\?supplier="));
        await BrowserAppFixture.WaitForCircuitAsync(page);
        var form = new ReceiptFormPage(page);
        await Assertions.Expect(form.Lines).ToHaveCountAsync(1);
        await Assertions.Expect(form.Supplier).ToHaveValueAsync(supplier);
        await Assertions.Expect(form.Quantity(1)).ToHaveValueAsync("10");
        await Assertions.Expect(form.Total).ToContainTextAsync("1,250.00");
        await CheckAtBothSizesAsync(page, "the delivery form");

        // Sent without the supplier's invoice number: the message sits at the field and nothing is booked. The check after
        // the viewport changes can leave the circuit busy on a loaded CI machine, where one full run saw the first click
        // answered by nothing; a refused send changes nothing, so the click is repeated (at most three times).
        var missing = page.GetByText("Enter the supplier's invoice number.");
        for (var attempt = 1; attempt <= 3 && !await missing.IsVisibleAsync(); attempt++)
        {
            await form.Receive.ClickAsync();
            try { await missing.WaitForAsync(new() { Timeout = 10_000 }); }
            catch (PlaywrightException) when (attempt < 3) { }
        }
        await Assertions.Expect(missing).ToBeVisibleAsync();
        Assert.Equal(0, await fixture.App.WithDbAsync(db => db.StockReceipts.CountAsync(r => r.Supplier == supplier)));
        await form.InvoiceNumber.FillAsync($"INV-{suffix}");
        await form.Receive.ClickAsync();

        // 3. The receipt, numbered for the dealer; the part is back at its maximum.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inventory/receipts/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^GRN-D001-\\d{6}$"));
        await Assertions.Expect(page.GetByTestId("receipt-total")).ToContainTextAsync("1,250.00");
        await CheckAtBothSizesAsync(page, "the receipt");

        // 4. The reorder list is one part shorter, and the supplier's section is gone.
        reorder = await ReorderListPage.OpenAsync(page);
        await Assertions.Expect(reorder.Lines).ToHaveCountAsync(before - 1);
        await Assertions.Expect(reorder.Line(sku)).ToHaveCountAsync(0);
        await Assertions.Expect(reorder.Supplier(supplier)).ToHaveCountAsync(0);
        await BrowserAppFixture.ScreenshotsAsync(page, "inventory-reorder-after-delivery");

        var stored = await fixture.App.WithDbAsync(db => db.InventoryItems.AsNoTracking().SingleAsync(i => i.Id == itemId));
        Assert.Equal((12, 125m), (stored.Quantity, stored.CostPrice));
    }

    /// <summary>A new part of one supplier with 2 on hand, reorder point 4 and maximum 12, at 125.00.</summary>
    private async Task<Guid> LowPartAsync(string email, string sku, string supplier)
    {
        var category = await fixture.App.WithDbAsync(db => db.InventoryCategories.OrderBy(c => c.Name).Select(c => c.Id).FirstAsync());
        var form = new InventoryItemForm
        {
            Sku = sku, Name = "Brake pads for the E2E test", CategoryId = category, MinStockLevel = 1, ReorderPoint = 4, MaxStockLevel = 12,
            UnitPrice = 180m, CostPrice = 125m, Supplier = supplier, IsActive = true,
        };
        var created = await fixture.App.AsUserAsync<InventoryService, Web.Services.ServiceResult<Guid>>(email, s => s.CreateAsync(form));
        Assert.True(created.Succeeded, string.Join(" ", created.Result.Errors));
        var adjusted = await fixture.App.AsUserAsync<InventoryService, Web.Services.ServiceResult<Guid>>(email, s => s.AdjustAsync(created.Value,
            new StockAdjustmentForm { Direction = AdjustmentDirection.Add, Quantity = 2, Reason = "Opening count" }));
        Assert.True(adjusted.Succeeded, string.Join(" ", adjusted.Result.Errors));
        return created.Value;
    }

    /// <summary>axe at the desk size and on a tablet upright, with no sideways scroll and 44 px targets there (PageChecks).</summary>
    private static async Task CheckAtBothSizesAsync(IPage page, string what)
    {
        // A snackbar fading out is half transparent (axe measures its contrast mid-fade): check the page once they are gone.
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var findings = new List<string>();
        await page.SetViewportSizeAsync(1366, 900);
        await PageChecks.SettleAsync(page);
        findings.AddRange((await PageChecks.AxeAsync(page)).Select(f => $"{what} at 1366×900: {f}"));
        await page.SetViewportSizeAsync(768, 1024);
        await PageChecks.SettleAsync(page);
        findings.AddRange((await PageChecks.AxeAsync(page)).Select(f => $"{what} at 768×1024: {f}"));
        findings.AddRange((await PageChecks.SidewaysScrollAsync(page)).Select(f => $"{what} at 768×1024: {f}"));
        await page.SetViewportSizeAsync(1366, 900);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
