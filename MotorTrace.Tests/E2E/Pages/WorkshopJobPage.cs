using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/workshop/jobs/{id}: the technician's job on the tablet, its labour clock and the inspection.</summary>
public sealed class WorkshopJobPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Labor(string description) => page.GetByTestId("labor-line").Filter(new() { HasText = description });
    public ILocator Button(ILocator within, string name) => within.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
    public ILocator Inspection => page.GetByTestId("inspection");
    public ILocator Item(string name) => Inspection.GetByTestId("inspection-item").Filter(new() { HasText = name });
    public ILocator PhotoInput(string item) => Item(item).Locator("input[type=file]");
}
