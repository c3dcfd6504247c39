using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/customers: the customer grid (MudDataGrid) whose search box filters the rows as the user types.</summary>
public sealed class CustomerListPage(IPage page)
{
    public const string Path = "/customers";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 });
    public ILocator Search => page.GetByRole(AriaRole.Textbox, new() { Name = "Name, phone, email, plate or VIN" });
    public ILocator NewCustomer => page.GetByRole(AriaRole.Link, new() { Name = "New customer" });

    /// <summary>The grid's rows (the grid is labelled "Customers"; its table inside has no name of its own).</summary>
    public ILocator Rows => page.GetByLabel("Customers", new() { Exact = true }).GetByRole(AriaRole.Table).Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator Customer(string name) => Rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>Opens the list and waits for the circuit: the rows are loaded by the interactive grid, never prerendered.</summary>
    public static async Task<CustomerListPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        var list = new CustomerListPage(page);
        await Assertions.Expect(list.Heading).ToBeVisibleAsync();
        // Typing into the prerendered box before the circuit is attached would be lost.
        await Infrastructure.BrowserAppFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(list.Rows.First).ToBeVisibleAsync();
        return list;
    }
}
