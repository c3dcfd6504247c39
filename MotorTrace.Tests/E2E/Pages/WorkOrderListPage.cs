using Microsoft.Playwright;
using MotorTrace.Tests.E2E.Infrastructure;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/workorders: the list (a grid) or the board (a column per open status, a card per work order).</summary>
public sealed class WorkOrderListPage(IPage page)
{
    public static async Task<WorkOrderListPage> OpenAsync(IPage page, string query = "")
    {
        await BrowserAppFixture.VisitAsync(page, "/workorders" + query, axe: false);
        return new WorkOrderListPage(page);
    }

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator NewWorkOrder => page.GetByRole(AriaRole.Link, new() { Name = "New work order" });
    public ILocator Board => page.GetByTestId("work-order-board");
    public ILocator BoardView => page.GetByRole(AriaRole.Button, new() { Name = "Board", Exact = true });

    /// <summary>The board's column of a status (its title, e.g. "Pending").</summary>
    public ILocator Column(string title) => Board.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }) });

    /// <summary>A work order's card on the board, by its number.</summary>
    public ILocator Card(string number) => Board.GetByTestId("work-order-card").Filter(new() { HasText = number });
}

/// <summary>/workorders/new and /workorders/{id}/edit: the header form.</summary>
public sealed class WorkOrderHeaderPage(IPage page)
{
    public ILocator Customer => page.GetByRole(AriaRole.Combobox, new() { Name = "Customer" });
    public ILocator Vehicle => page.GetByRole(AriaRole.Combobox, new() { Name = "Vehicle" });
    public ILocator Odometer => page.GetByLabel("Odometer reading (km)");
    public ILocator Complaint => page.GetByLabel("Customer's complaint");
    public ILocator Create => page.GetByRole(AriaRole.Button, new() { Name = "Create work order" });

    /// <summary>Types part of the customer's name and picks them from the matches (Enter if the list re-rendered under the click).</summary>
    public async Task ChooseCustomerAsync(string search, string name)
    {
        await Customer.FillAsync(search);
        var option = page.GetByRole(AriaRole.Option).Filter(new() { HasText = name }).First;
        try
        {
            await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = 7000 });
        }
        catch (PlaywrightException)
        {
            // Typed before the form's circuit listened (a busy machine): type it again, as a person would.
            await Customer.FillAsync("");
            await Customer.PressSequentiallyAsync(search, new() { Delay = 50 });
            await Assertions.Expect(option).ToBeVisibleAsync();
        }
        await option.ClickAsync();
        try
        {
            await Assertions.Expect(Customer).ToHaveValueAsync(name, new() { Timeout = 3000 });
        }
        catch (PlaywrightException)
        {
            await Customer.PressAsync("Enter");
        }
        await Assertions.Expect(Customer).ToHaveValueAsync(name);
    }
}
