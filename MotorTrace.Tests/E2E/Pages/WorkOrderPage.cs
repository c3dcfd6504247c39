using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotorTrace.Tests.E2E.Infrastructure;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/workorders/{id}: the work order, its estimate, the customer's answers and the totals.</summary>
public sealed class WorkOrderPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Notice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Checked in" });
    public ILocator Facts => page.Locator("dl");
    public ILocator Link(string name) => Facts.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Lines => page.GetByTestId("line-row");
    public ILocator Line(string description) => Lines.Filter(new() { HasText = description });
    public ILocator Total(string which) => page.GetByTestId($"total-{which}");
    public ILocator Evidence => page.Locator("#approval-evidence").GetByTestId("evidence-row");
    public ILocator Snackbar => page.Locator(".mud-snackbar");
    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    /// <summary>Picks a canned service in the add panel and adds it; waits for its line.</summary>
    public async Task AddCannedServiceAsync(string name)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Canned service" }).ClickAsync();
        var input = page.GetByLabel("Canned service", new() { Exact = true }).And(page.Locator("input"));
        await Autocomplete.PickAsync(page, input, name[..Math.Min(name.Length, 12)], name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add service" }).ClickAsync();
        await Assertions.Expect(Line(name)).ToHaveCountAsync(1);
    }

    /// <summary>Approves or declines a line through the approval dialog, recording how the customer answered.</summary>
    public async Task AnswerAsync(string description, bool approve, string method)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"{(approve ? "approve" : "decline")} {description}", Exact = true }).ClickAsync();
        await Assertions.Expect(Dialog).ToBeVisibleAsync();
        await Assertions.Expect(Dialog.GetByTestId("approval-lines")).ToContainTextAsync(description);
        var how = Dialog.GetByRole(AriaRole.Combobox, new() { Name = "How the customer answered" });
        await how.ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = method, Exact = true });
        await Assertions.Expect(option).ToBeVisibleAsync();
        await option.ClickAsync();
        // The list closes after the pick; on a loaded machine it may still cover the dialog's buttons for a moment.
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await Assertions.Expect(Dialog).ToContainTextAsync(method);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = approve ? "Record approval" : "Record decline" }).ClickAsync();
        await Assertions.Expect(Dialog).ToHaveCountAsync(0);
        await Assertions.Expect(Line(description).First).ToHaveAttributeAsync("data-decision", approve ? "Approved" : "Declined");
    }
}
