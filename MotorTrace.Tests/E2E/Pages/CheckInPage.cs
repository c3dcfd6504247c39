using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/appointments/{id}/check-in: odometer and complaint, then the work order opens.</summary>
public sealed class CheckInPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Odometer => page.GetByLabel("Odometer reading (km)");
    public ILocator Complaint => page.GetByLabel("Customer's complaint");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Check in and open the work order" });

    /// <summary>The confirmation dialog's button: checking in cannot be undone.</summary>
    public ILocator Confirm => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true });

    /// <summary>The page's circuit is up: typing and submitting reach the server.</summary>
    public Task ReadyAsync() => Assertions.Expect(page.Locator("[data-interactive='true']")).ToBeVisibleAsync();
}
