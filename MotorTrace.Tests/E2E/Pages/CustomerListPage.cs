using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/customers: the customer list whose search box filters the rows as the user types (htmx).</summary>
public sealed class CustomerListPage(IPage page)
{
    public const string Path = "/customers";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 });
    public ILocator Search => page.GetByRole(AriaRole.Searchbox, new() { Name = "Name, phone, email, plate or VIN" });
    public ILocator Rows => page.GetByRole(AriaRole.Table, new() { Name = "Customers" }).Locator("tbody").GetByRole(AriaRole.Row);
    public ILocator Customer(string name) => Rows.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public static async Task<CustomerListPage> OpenAsync(IPage page)
    {
        await page.GotoAsync(Path);
        var list = new CustomerListPage(page);
        await Assertions.Expect(list.Heading).ToBeVisibleAsync();
        return list;
    }
}
