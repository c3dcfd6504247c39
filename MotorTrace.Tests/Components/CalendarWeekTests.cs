using AngleSharp.Dom;
using Bunit;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Tests.Unit;
using MotorTrace.Web.Components.Pages.Appointments;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The week and day views (<see cref="CalendarWeek"/>, <see cref="CalendarDayView"/>) rendered with bUnit, laid out by
/// <see cref="AppointmentCalendarService.Compose"/> with "now" fixed at Monday 23 November 2026, 10:00 in Pune.
/// </summary>
[Trait("Category", "Component")]
public sealed class CalendarWeekTests : MudComponentTest
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly Guid Tom = Guid.NewGuid();

    private static CalendarEntry Entry(DateTime start, AppointmentStatus status, string customer, Guid? assignee = null, int minutes = 30) =>
        new(Guid.NewGuid(), start, start.AddMinutes(minutes), status, AppointmentPriority.Normal, customer, "Skoda Octavia", "MH 14 XY 4321",
            assignee, assignee is null ? null : "Tom Technician", ["Oil change"]);

    private static readonly CalendarEntry[] Entries =
    [
        Entry(new DateTime(2026, 11, 24, 10, 0, 0), AppointmentStatus.Pending, "Asha Rao", Tom),
        Entry(new DateTime(2026, 11, 24, 10, 15, 0), AppointmentStatus.Confirmed, "Vikram Shah"),
        Entry(new DateTime(2026, 11, 25, 11, 0, 0), AppointmentStatus.Cancelled, "Nina Das"),
        Entry(new DateTime(2026, 11, 26, 14, 30, 0), AppointmentStatus.InProgress, "Omar Khan"),
        Entry(new DateTime(2026, 11, 27, 9, 0, 0), AppointmentStatus.Confirmed, "Long Job", minutes: 120),
    ];

    private static CalendarModel Model(CalendarView view, DateOnly first, int days, bool canBook = true, Guid? assignee = null, int perBlock = 0)
    {
        var rules = new BookingRules(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(CapacityRulesTests.Now));
        var shop = perBlock > 0 ? CapacityRulesTests.Shop(s => s.MaxAppointmentsPerBlock = perBlock) : CapacityRulesTests.Shop();
        return AppointmentCalendarService.Compose(new CalendarQuery(view, first, assignee), first, days, Monday,
            new DateTime(2026, 11, 23, 10, 0, 0), shop, [new StaffOption(Tom, "Tom Technician", "Technician")], Entries,
            canBook, rules, CapacityRulesTests.Pune);
    }

    private IDocument RenderWeek(bool canBook = true, Guid? assignee = null)
    {
        var model = Model(CalendarView.Week, Monday, 7, canBook, assignee);
        var week = RenderWithProviders<CalendarWeek>(p => p.Add(c => c.Model, model));
        return Parse(week.Markup);
    }

    private IDocument RenderDay(DateOnly day, int perBlock)
    {
        var view = RenderWithProviders<CalendarDayView>(p => p.Add(c => c.Model, Model(CalendarView.Day, day, 1, perBlock: perBlock)));
        return Parse(view.Markup);
    }

    private static IDocument Parse(string markup) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(markup);

    private static IElement Cell(IDocument page, string slot) =>
        page.QuerySelector($"[data-slot='{slot}']") ?? throw new InvalidOperationException($"No cell {slot}.");

    private static IElement? BookLink(IDocument page, string slot) => Cell(page, slot).QuerySelector("a[href^='/appointments/new']");

    [Fact]
    public void A_free_slot_within_hours_links_to_booking_with_its_time_and_a_spoken_name()
    {
        var page = RenderWeek();

        Assert.Equal("/appointments/new?start=2026-11-24T09:00", BookLink(page, "2026-11-24T09:00")?.GetAttribute("href"));
        Assert.Equal("Book Tuesday 24 November 09:00", BookLink(page, "2026-11-24T09:00")?.GetAttribute("aria-label"));
        Assert.Equal("/appointments/new?start=2026-11-28T17:30", BookLink(page, "2026-11-28T17:30")?.GetAttribute("href"));
    }

    [Fact]
    public void A_full_block_a_closed_day_and_slots_within_the_notice_offer_no_booking_link()
    {
        var page = RenderWeek();

        Assert.Null(BookLink(page, "2026-11-24T10:00"));
        Assert.Contains("Full", Cell(page, "2026-11-24T10:00").TextContent);
        Assert.NotNull(BookLink(page, "2026-11-24T10:30"));
        Assert.Null(BookLink(page, "2026-11-29T10:00"));
        Assert.Contains("mt-week-closed", Cell(page, "2026-11-29T10:00").ClassList);
        Assert.Null(BookLink(page, "2026-11-23T11:30"));
        Assert.NotNull(BookLink(page, "2026-11-23T12:00"));
    }

    [Fact]
    public void A_cancelled_booking_frees_its_slot_and_is_struck_through()
    {
        var page = RenderWeek();

        var cancelled = Cell(page, "2026-11-25T11:00").QuerySelector("a[data-status='Cancelled']")!;
        Assert.Contains("mt-entry-freed", cancelled.ClassList);
        Assert.NotNull(BookLink(page, "2026-11-25T11:00"));
    }

    [Theory]
    [InlineData("2026-11-24T10:00", "Pending", "warning")]
    [InlineData("2026-11-24T10:00", "Confirmed", "primary")]
    [InlineData("2026-11-26T14:30", "InProgress", "info")]
    public void Bookings_are_coloured_by_the_one_status_table(string slot, string status, string colour)
    {
        var page = RenderWeek();

        var chip = Cell(page, slot).QuerySelector($"a[data-status='{status}']")!;
        Assert.Contains($"--mt-status: var(--mud-palette-{colour})", chip.GetAttribute("style"));
        Assert.StartsWith("/appointments/", chip.GetAttribute("href"));
    }

    [Fact]
    public void Without_the_right_to_book_no_slot_is_a_link()
    {
        var page = RenderWeek(canBook: false);

        Assert.Empty(page.QuerySelectorAll("a[href^='/appointments/new']"));
        Assert.NotEmpty(page.QuerySelectorAll("a[data-status]"));
    }

    [Fact]
    public void Filtered_by_assignee_it_lists_only_their_bookings_but_counts_everyone_for_capacity()
    {
        var page = RenderWeek(assignee: Tom);

        Assert.Equal(["Pending"], page.QuerySelectorAll("a[data-status]").Select(a => a.GetAttribute("data-status")));
        Assert.Null(BookLink(page, "2026-11-24T10:00"));
        Assert.Equal($"/appointments/new?start=2026-11-24T09:00&assignee={Tom}", BookLink(page, "2026-11-24T09:00")?.GetAttribute("href"));
    }

    [Fact]
    public void Each_day_heading_opens_that_day()
    {
        var page = RenderWeek();

        Assert.Equal("/appointments?view=day&date=2026-11-24", page.QuerySelectorAll("thead th a")[1].GetAttribute("href"));
        Assert.Equal(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            page.QuerySelectorAll("thead th a span.mt-week-muted").Select(s => s.TextContent));
    }

    [Fact]
    public void The_day_view_draws_a_booking_across_its_whole_duration_and_offers_no_slot_it_covers()
    {
        var page = RenderDay(new DateOnly(2026, 11, 27), perBlock: 1);

        var id = Cell(page, "2026-11-27T09:00").QuerySelector("a[data-status='Confirmed']")!.GetAttribute("href")!.Split('/')[^1];
        foreach (var covered in new[] { "09:30", "10:00", "10:30" })
        {
            var cell = Cell(page, $"2026-11-27T{covered}");
            Assert.Contains("Long Job · until 11:00", cell.QuerySelector($"[data-running='{id}']")?.TextContent);
            Assert.Null(BookLink(page, $"2026-11-27T{covered}"));
        }
        Assert.Null(BookLink(page, "2026-11-27T09:00"));
        Assert.Empty(Cell(page, "2026-11-27T11:00").QuerySelectorAll("[data-running]"));
        Assert.NotNull(BookLink(page, "2026-11-27T11:00"));
    }
}
