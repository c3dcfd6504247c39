using Microsoft.Playwright;
using MotorTrace.Tests.E2E.Infrastructure;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/inventory/reorder: the parts to order, a section per supplier.</summary>
public sealed class ReorderListPage(IPage page)
{
    public static async Task<ReorderListPage> OpenAsync(IPage page)
    {
        await BrowserAppFixture.VisitAsync(page, "/inventory/reorder", axe: false);
        await BrowserAppFixture.WaitForCircuitAsync(page);
        return new ReorderListPage(page);
    }

    public ILocator Lines => page.GetByTestId("reorder-line");
    public ILocator Summary => page.GetByTestId("reorder-summary");

    /// <summary>A supplier's section, by its heading.</summary>
    public ILocator Supplier(string name) =>
        page.GetByTestId("reorder-group").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });

    public ILocator Line(string sku) => page.Locator($"[data-testid=reorder-line][data-sku='{sku}']");

    public ILocator ReceiveFrom(string supplier) => page.GetByRole(AriaRole.Link, new() { Name = $"Receive delivery from {supplier}" });
}

/// <summary>/inventory/receipts/new: the delivery form.</summary>
public sealed class ReceiptFormPage(IPage page)
{
    public ILocator Supplier => page.GetByRole(AriaRole.Combobox, new() { Name = "Supplier" });
    public ILocator InvoiceNumber => page.GetByLabel("Invoice number");
    public ILocator Lines => page.GetByTestId("receipt-line");
    public ILocator Total => page.GetByTestId("receipt-total");
    public ILocator Quantity(int line) => Lines.Nth(line - 1).GetByLabel("Quantity");
    public ILocator Receive => page.GetByRole(AriaRole.Button, new() { Name = "Receive into stock" });
}

/// <summary>/inventory/stocktakes/{id}: the count sheet on a tablet, a card per item.</summary>
public sealed class StockTakeSheetPage(IPage page)
{
    public ILocator Lines => page.GetByTestId("count-line");
    public ILocator Line(string sku) => page.Locator($"[data-testid=count-line][data-sku='{sku}']");
    public ILocator Count(string sku) => Line(sku).GetByRole(AriaRole.Textbox, new() { Name = "Count", Exact = true });
    public ILocator Save(string sku) => page.GetByRole(AriaRole.Button, new() { Name = $"save count of {sku}" });
    public ILocator OneLess(string sku) => page.GetByRole(AriaRole.Button, new() { Name = $"one less {sku}" });
    public ILocator Progress => page.GetByTestId("progress");
    public ILocator Post => page.GetByTestId("post");
    public ILocator Confirm => page.GetByTestId("confirm");
    public ILocator Totals => page.GetByTestId("post-totals");
}
