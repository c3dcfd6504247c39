using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/workorders/{id}: the work order a check-in opened.</summary>
public sealed class WorkOrderPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Notice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Checked in" });
    public ILocator Facts => page.Locator("dl");
    public ILocator Link(string name) => Facts.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
}
