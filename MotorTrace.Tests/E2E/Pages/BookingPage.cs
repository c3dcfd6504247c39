using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/appointments/new: step 1 finds the customer and picks the car (live search), step 2 the time and services.</summary>
public sealed class BookingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "New appointment", Level = 1 });
    public ILocator FindCustomer => page.GetByRole(AriaRole.Searchbox, new() { Name = "Find the customer" });
    public ILocator Results => page.Locator("#customer-results");

    /// <summary>The button of one car in the search results, named by its plate.</summary>
    public ILocator Car(string plate) => Results.GetByRole(AriaRole.Link, new() { Name = plate });

    public ILocator DateAndTime => page.GetByLabel("Date and time");
    public ILocator Service(string name) => page.GetByRole(AriaRole.Checkbox, new() { Name = name });
    public ILocator Notes => page.GetByLabel("Notes", new() { Exact = true });
    public ILocator Book => page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" });
}
