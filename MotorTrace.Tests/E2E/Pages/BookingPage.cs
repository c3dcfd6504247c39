using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/appointments/new: step 1 finds the customer and picks the car (an autocomplete), step 2 the time and services.</summary>
public sealed class BookingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "New appointment", Level = 1 });
    public ILocator FindCustomer => page.GetByRole(AriaRole.Combobox, new() { Name = "Find the customer" });

    /// <summary>One car among the autocomplete's options, found by its plate.</summary>
    public ILocator Car(string plate) => page.GetByRole(AriaRole.Option).Filter(new() { HasText = plate });

    /// <summary>
    /// Types <paramref name="search"/> and picks the car with <paramref name="plate"/> from the options. Under load the
    /// list can re-render as the click lands (the debounced search answering again): then the option is still
    /// highlighted, and Enter picks it as a keyboard user would.
    /// </summary>
    public async Task ChooseCarAsync(string search, string plate)
    {
        await FindCustomer.FillAsync(search);
        await Assertions.Expect(Car(plate)).ToBeVisibleAsync();
        await Car(plate).ClickAsync();
        try
        {
            await Assertions.Expect(ChosenVehicle).ToBeVisibleAsync(new() { Timeout = 3000 });
        }
        catch (PlaywrightException)
        {
            await FindCustomer.PressAsync("Enter");
        }
        await Assertions.Expect(ChosenVehicle).ToContainTextAsync(plate);
    }

    /// <summary>The car chosen for the booking, shown once the autocomplete closed.</summary>
    public ILocator ChosenVehicle => page.GetByTestId("chosen-vehicle");

    public ILocator Date => page.GetByLabel("Date", new() { Exact = true });
    public ILocator Time => page.GetByLabel("Time", new() { Exact = true });
    public ILocator Service(string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name });
    public ILocator Notes => page.GetByLabel("Notes", new() { Exact = true });
    public ILocator Book => page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" });

    /// <summary>The page's circuit is up: typing and submitting reach the server.</summary>
    public Task ReadyAsync() => Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
}
