using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Tests.Unit;
using MotorTrace.Web.Components.Pages.Appointments;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The calendar block as htmx receives it (<see cref="AppointmentCalendar"/> in week view), laid out by
/// <see cref="AppointmentCalendarService.Compose"/> with "now" fixed at Monday 23 November 2026, 10:00 in Pune.
/// </summary>
[Trait("Category", "Component")]
public sealed class CalendarWeekTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly Guid Tom = Guid.NewGuid();

    private static CalendarEntry Entry(DateTime start, AppointmentStatus status, string customer, Guid? assignee = null) =>
        new(Guid.NewGuid(), start, start.AddMinutes(30), status, AppointmentPriority.Normal, customer, "Skoda Octavia", "MH 14 XY 4321",
            assignee, assignee is null ? null : "Tom Technician", ["Oil change"]);

    private static readonly CalendarEntry[] Entries =
    [
        Entry(new DateTime(2026, 11, 24, 10, 0, 0), AppointmentStatus.Pending, "Asha Rao", Tom),
        Entry(new DateTime(2026, 11, 24, 10, 15, 0), AppointmentStatus.Confirmed, "Vikram Shah"),
        Entry(new DateTime(2026, 11, 25, 11, 0, 0), AppointmentStatus.Cancelled, "Nina Das"),
        Entry(new DateTime(2026, 11, 26, 14, 30, 0), AppointmentStatus.InProgress, "Omar Khan"),
    ];

    private static async Task<IDocument> RenderWeekAsync(bool canBook = true, Guid? assignee = null)
    {
        var rules = new BookingRules(new FakeTimeProvider(CapacityRulesTests.Now));
        var model = AppointmentCalendarService.Compose(new CalendarQuery(CalendarView.Week, Monday.AddDays(2), assignee), Monday, 7, Monday,
            new DateTime(2026, 11, 23, 10, 0, 0), CapacityRulesTests.Shop(), [new StaffOption(Tom, "Tom Technician", "Technician")], Entries,
            canBook, rules, CapacityRulesTests.Pune);

        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<AppointmentCalendar>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static IElement Cell(IDocument page, string slot) =>
        page.QuerySelector($"td[data-slot='{slot}']") ?? throw new InvalidOperationException($"No cell {slot}.");

    private static IElement? BookLink(IDocument page, string slot) => Cell(page, slot).QuerySelector("a.mt-free-slot");

    [Fact]
    public async Task A_free_slot_within_hours_links_to_booking_with_its_time()
    {
        var page = await RenderWeekAsync();

        Assert.Equal("/appointments/new?start=2026-11-24T09:00", BookLink(page, "2026-11-24T09:00")?.GetAttribute("href"));
        Assert.Equal("/appointments/new?start=2026-11-28T17:30", BookLink(page, "2026-11-28T17:30")?.GetAttribute("href"));
    }

    [Fact]
    public async Task A_full_block_a_closed_day_and_slots_within_the_notice_offer_no_booking_link()
    {
        var page = await RenderWeekAsync();

        Assert.Null(BookLink(page, "2026-11-24T10:00"));
        Assert.Contains("Full", Cell(page, "2026-11-24T10:00").TextContent);
        Assert.NotNull(BookLink(page, "2026-11-24T10:30"));
        Assert.Null(BookLink(page, "2026-11-29T10:00"));
        Assert.Contains("bg-body-secondary", Cell(page, "2026-11-29T10:00").ClassList);
        Assert.Null(BookLink(page, "2026-11-23T11:30"));
        Assert.NotNull(BookLink(page, "2026-11-23T12:00"));
    }

    [Fact]
    public async Task A_cancelled_booking_frees_its_slot_and_is_struck_through()
    {
        var page = await RenderWeekAsync();

        var cancelled = Cell(page, "2026-11-25T11:00").QuerySelector("a[data-status='Cancelled']")!;
        Assert.Contains("text-decoration-line-through", cancelled.ClassList);
        Assert.NotNull(BookLink(page, "2026-11-25T11:00"));
    }

    [Theory]
    [InlineData("2026-11-24T10:00", "Pending", "warning")]
    [InlineData("2026-11-24T10:00", "Confirmed", "primary")]
    [InlineData("2026-11-26T14:30", "InProgress", "info")]
    [InlineData("2026-11-25T11:00", "Cancelled", "secondary")]
    public async Task Bookings_are_coloured_by_status(string slot, string status, string colour)
    {
        var page = await RenderWeekAsync();

        var chip = Cell(page, slot).QuerySelector($"a[data-status='{status}']")!;
        Assert.Contains($"border-{colour}", chip.ClassList);
        Assert.Contains($"bg-{colour}-subtle", chip.ClassList);
        Assert.StartsWith("/appointments/", chip.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_the_right_to_book_no_slot_is_a_link()
    {
        var page = await RenderWeekAsync(canBook: false);

        Assert.Empty(page.QuerySelectorAll("a[href^='/appointments/new']"));
        Assert.NotEmpty(page.QuerySelectorAll("a[data-status]"));
    }

    [Fact]
    public async Task Filtered_by_assignee_it_lists_only_their_bookings_but_counts_everyone_for_capacity()
    {
        var page = await RenderWeekAsync(assignee: Tom);

        Assert.Equal(["Pending"], page.QuerySelectorAll("a[data-status]").Select(a => a.GetAttribute("data-status")));
        Assert.Null(BookLink(page, "2026-11-24T10:00"));
        Assert.Equal($"/appointments/new?start=2026-11-24T09:00&assignee={Tom}", BookLink(page, "2026-11-24T09:00")?.GetAttribute("href"));
        Assert.Contains("Tom Technician", page.QuerySelector("h2")!.TextContent);
    }

    [Fact]
    public async Task Navigation_links_work_as_plain_links_and_as_htmx_swaps_of_the_calendar()
    {
        var page = await RenderWeekAsync();

        var next = page.QuerySelector("a[aria-label='Next week']")!;
        Assert.Equal("/appointments?view=week&date=2026-12-02", next.GetAttribute("href"));
        Assert.Equal("/appointments/calendar?view=week&date=2026-12-02", next.GetAttribute("hx-get"));
        Assert.Equal("#calendar", page.QuerySelector("#calendar")!.GetAttribute("hx-target"));
        Assert.Equal("23–29 November 2026", page.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            page.QuerySelectorAll("thead th a span.small").Select(s => s.TextContent));
    }
}
