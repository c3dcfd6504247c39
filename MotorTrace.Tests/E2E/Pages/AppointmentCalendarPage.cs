using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/appointments: today's list, day and week views; a free slot is a link that opens the booking page.</summary>
public sealed class AppointmentCalendarPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Appointments", Level = 1 });
    public ILocator View(string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Calendar view" }).GetByRole(AriaRole.Link, new() { Name = name });

    /// <summary>The calendar's title (the day or week shown), which changes once a view or step has loaded.</summary>
    public ILocator Title => page.Locator("h2[aria-live]");
    public ILocator NextWeek => page.GetByRole(AriaRole.Link, new() { Name = "Next week", Exact = true });

    /// <summary>The free-slot links of one day in the week view ("Book Tuesday 10 March 09:00").</summary>
    public ILocator FreeSlotsOn(DateOnly day) => page.GetByRole(AriaRole.Link, new()
    {
        NameRegex = new Regex($"^Book {Regex.Escape(day.ToString("dddd d MMMM", CultureInfo.InvariantCulture))} \\d\\d:\\d\\d$"),
    });

    /// <summary>A booking in today's list, found by the customer's name.</summary>
    public ILocator TodaysBooking(string customer) => page.GetByRole(AriaRole.Link).Filter(new() { HasText = customer });

    /// <summary>Opens the calendar from the sidebar, as a user does.</summary>
    public static async Task<AppointmentCalendarPage> OpenFromMenuAsync(IPage page)
    {
        // From a legacy page ("Main navigation") or a MudBlazor page ("Main", in a drawer that starts closed below 1280 px).
        var link = page.GetByRole(AriaRole.Navigation, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Main( navigation)?$") })
            .GetByRole(AriaRole.Link, new() { Name = "Appointments", Exact = true });
        var drawerToggle = page.GetByRole(AriaRole.Button, new() { Name = "Navigation", Exact = true });
        await Infrastructure.BrowserAppFixture.WaitForCircuitAsync(page); // a tap on the prerendered toggle does nothing
        // A closed drawer keeps its links "visible" but slid out of the window (768 px tablets): open it first.
        if (await drawerToggle.CountAsync() > 0 && (!await link.IsVisibleAsync() || !await link.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > 0 && r.left < window.innerWidth; }")))
            await drawerToggle.ClickAsync();
        await link.ClickAsync();
        var calendar = new AppointmentCalendarPage(page);
        await Assertions.Expect(calendar.Heading).ToBeVisibleAsync();
        await Assertions.Expect(calendar.Title).ToBeVisibleAsync();
        return calendar;
    }
}
