using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Web.Services.Appointments;

public enum CalendarView
{
    Today,
    Day,
    Week,
}

/// <summary>
/// What the calendar shows, as it travels in the query string: <c>view</c>, <c>date</c> (yyyy-MM-dd) and <c>assignee</c>
/// (a person, or <c>all</c> where the calendar would otherwise open on the user's own jobs: <paramref name="Everyone"/>).
/// </summary>
public sealed record CalendarQuery(CalendarView View, DateOnly? Date, Guid? AssigneeId, bool Everyone = false)
{
    public const string AllAssignees = "all";

    public const string PagePath = "/appointments";

    /// <summary>Reads untrusted query values; anything unknown falls back to today's list.</summary>
    public static CalendarQuery From(string? view, string? date, string? assignee) => new(
        Enum.TryParse<CalendarView>(view, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : CalendarView.Today,
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d.Year is >= 2000 and <= 2100 ? d : null,
        Guid.TryParse(assignee, out var a) ? a : null,
        string.Equals(assignee, AllAssignees, StringComparison.OrdinalIgnoreCase));

    /// <summary>A technician's calendar opens on their own jobs until they choose someone else or everyone.</summary>
    public CalendarQuery OwnJobsFor(Guid? technician) => AssigneeId is null && !Everyone && technician is { } id ? this with { AssigneeId = id } : this;

    public string Href(string path = PagePath)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (View != CalendarView.Today) parameters.Add(new("view", View.ToString().ToLowerInvariant()));
        if (Date is { } date && View != CalendarView.Today) parameters.Add(new("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (AssigneeId is { } assignee) parameters.Add(new("assignee", assignee.ToString()));
        else if (Everyone) parameters.Add(new("assignee", AllAssignees));
        return QueryHelpers.AddQueryString(path, parameters);
    }
}

/// <summary>One appointment on the calendar, in the dealer's local time.</summary>
public sealed record CalendarEntry(
    Guid Id,
    DateTime Start,
    DateTime End,
    AppointmentStatus Status,
    AppointmentPriority Priority,
    string Customer,
    string Vehicle,
    string? Plate,
    Guid? AssignedToId,
    string? AssignedTo,
    IReadOnlyList<string> Services);

/// <summary>One time block of one day: how many live bookings start in it, and whether a new one fits.</summary>
public sealed record CalendarSlot(DateTime Start, int Booked, bool Free);

public sealed record CalendarDay(DateOnly Date, ShopDay Hours, int Booked, IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<CalendarSlot> Slots)
{
    public CalendarSlot? Slot(TimeOnly time) => Slots.FirstOrDefault(s => TimeOnly.FromDateTime(s.Start) == time);

    /// <summary>The bookings that start in this time block.</summary>
    public IEnumerable<CalendarEntry> EntriesIn(TimeOnly block, int blockMinutes) =>
        Entries.Where(e => TimeOnly.FromDateTime(BookingRules.BlockStart(e.Start, blockMinutes)) == block);

    /// <summary>The bookings that started in an earlier block and still run in this one (the day view draws them across).</summary>
    public IEnumerable<CalendarEntry> ContinuingIn(TimeOnly block, int blockMinutes)
    {
        var start = Date.ToDateTime(block);
        return Entries.Where(e => BookingRules.BlockStart(e.Start, blockMinutes) < start && e.End > start);
    }
}

/// <summary>Everything one calendar view renders; the fragment components take it as their only input.</summary>
public sealed record CalendarModel(
    CalendarQuery Query,
    DateOnly Today,
    DateTime Now,
    ShopRules Rules,
    IReadOnlyList<StaffOption> Staff,
    IReadOnlyList<CalendarDay> Days,
    IReadOnlyList<TimeOnly> Rows,
    bool CanBook)
{
    public CalendarView View => Query.View;
    public DateOnly Date => Query.Date ?? Today;

    public CalendarQuery With(CalendarView? view = null, DateOnly? date = null) =>
        Query with { View = view ?? Query.View, Date = date ?? Query.Date ?? Today };

    /// <summary>The same view one step back or forward (a day, or a week).</summary>
    public CalendarQuery Step(int direction) =>
        With(View == CalendarView.Today ? CalendarView.Day : View, Date.AddDays(direction * (View == CalendarView.Week ? 7 : 1)));

    public string? AssigneeName => Staff.FirstOrDefault(s => s.Id == Query.AssigneeId)?.Name;

    /// <summary>The booking page's address for a free slot, with the calendar's "assigned to" filter.</summary>
    public static string BookHref(DateTime start, Guid? assignee)
    {
        var href = "/appointments/new?start=" + start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return assignee is { } id ? href + "&assignee=" + id : href;
    }
}

/// <summary>
/// The appointment calendar of the dealer being worked in: today's list, a day or a week of time blocks,
/// with each block's load and whether a booking still fits there (the same <see cref="BookingRules"/> the
/// booking form applies). Capacity counts every live booking; the assignee filter only narrows what is listed.
/// </summary>
public sealed class AppointmentCalendarService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    Identity.CurrentUser user,
    DealerContext zone,
    BookingRules rules,
    TimeProvider clock)
{
    /// <summary>The calendar, or null when a manufacturer user has not chosen a dealer.</summary>
    public async Task<CalendarModel?> LoadAsync(CalendarQuery query, bool canBook, CancellationToken ct = default)
    {
        if (user.DealerScope is not { } dealerId) return null;
        await zone.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = zone.Today;
        var date = query.Date ?? today;
        var first = query.View == CalendarView.Week ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : query.View == CalendarView.Today ? today : date;
        var dayCount = query.View == CalendarView.Week ? 7 : 1;
        if (query.View == CalendarView.Today) query = query with { Date = null };

        var shop = await AppointmentService.ShopRulesAsync(db, dealerId, ct);
        var staff = await AppointmentService.StaffAsync(db, dealerId, ct);
        var (from, _) = zone.DayInUtc(first);
        var (_, to) = zone.DayInUtc(first.AddDays(dayCount - 1));
        // Also the bookings of the day before that run into the first day: they fill its first blocks.
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.StartTime < to && a.EndTime > from && a.StartTime >= from.AddDays(-1))
            .OrderBy(a => a.StartTime).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.StartTime, a.EndTime, a.Status, a.Priority, Customer = a.Customer.Name, a.Vehicle.Make, a.Vehicle.Model,
                a.Vehicle.LicensePlate, a.AssignedToId, AssignedTo = a.AssignedTo == null ? null : a.AssignedTo.FullName,
                Services = a.Services.Select(s => s.CannedService.Name).ToList(),
            })
            .ToListAsync(ct);
        var entries = rows.Select(a => new CalendarEntry(a.Id, zone.ToLocal(a.StartTime), zone.ToLocal(a.EndTime), a.Status, a.Priority,
            a.Customer, $"{a.Make} {a.Model}", a.LicensePlate, a.AssignedToId, a.AssignedTo, a.Services)).ToList();
        return Compose(query, first, dayCount, today, zone.ToLocal(clock.GetUtcNow().UtcDateTime), shop, staff, entries, canBook, rules, zone.TimeZone);
    }

    /// <summary>
    /// Lays out the bookings of <paramref name="dayCount"/> days from <paramref name="first"/> (local times) into
    /// days and time blocks and marks the free slots. Pure apart from the rules' clock, so views can be tested
    /// without a database.
    /// </summary>
    public static CalendarModel Compose(CalendarQuery query, DateOnly first, int dayCount, DateOnly today, DateTime now, ShopRules shop,
        IReadOnlyList<StaffOption> staff, IReadOnlyList<CalendarEntry> entries, bool canBook, BookingRules rules, TimeZoneInfo zone)
    {
        var days = Enumerable.Range(0, dayCount).Select(i => BuildDay(first.AddDays(i), shop, entries, query.AssigneeId, rules, zone)).ToList();
        return new CalendarModel(query, today, now, shop, staff, days, GridRows(shop, days), canBook);
    }

    private static CalendarDay BuildDay(DateOnly date, ShopRules shop, IReadOnlyList<CalendarEntry> all, Guid? assignee, BookingRules rules, TimeZoneInfo zone)
    {
        var dayStart = date.ToDateTime(TimeOnly.MinValue);
        var ofDay = all.Where(e => DateOnly.FromDateTime(e.Start) == date).ToList();
        var live = ofDay.Where(e => AppointmentStatusFlow.HoldsSlot(e.Status)).ToList();
        // A booking fills every block from its start to its end, an earlier day's late booking included.
        var occupying = all.Where(e => AppointmentStatusFlow.HoldsSlot(e.Status) && e.Start < dayStart.AddDays(1) && e.End > dayStart)
            .Select(e => (e.Start, e.End)).ToList();
        var hours = shop[date.DayOfWeek];
        var slots = new List<CalendarSlot>();
        if (hours.IsOpen)
        {
            var opens = date.ToDateTime(hours.OpensAt);
            var first = BookingRules.BlockStart(opens, shop.BlockMinutes);
            if (first < opens) first = first.AddMinutes(shop.BlockMinutes);
            for (var start = first; start.AddMinutes(shop.BlockMinutes) <= date.ToDateTime(hours.ClosesAt); start = start.AddMinutes(shop.BlockMinutes))
            {
                var inBlock = BookingRules.BusiestBlock(occupying, start, start.AddMinutes(shop.BlockMinutes), shop.BlockMinutes).Count;
                slots.Add(new CalendarSlot(start, inBlock, rules.IsFree(shop, zone, start, new BookingLoad(live.Count, inBlock))));
            }
        }
        var listed = assignee is { } id ? ofDay.Where(e => e.AssignedToId == id).ToList() : ofDay;
        return new CalendarDay(date, hours, live.Count, listed, slots);
    }

    /// <summary>The time blocks of the grid: opening to closing over the days shown, stretched to any booking outside them.</summary>
    private static IReadOnlyList<TimeOnly> GridRows(ShopRules shop, IReadOnlyList<CalendarDay> days)
    {
        var starts = days.SelectMany(d => d.Slots).Select(s => TimeOnly.FromDateTime(s.Start))
            .Concat(days.SelectMany(d => d.Entries).Select(e => TimeOnly.FromDateTime(BookingRules.BlockStart(e.Start, shop.BlockMinutes))))
            .ToList();
        if (starts.Count == 0) return [];
        var rows = new List<TimeOnly>();
        var last = starts.Max();
        for (var time = starts.Min(); time <= last; time = time.AddMinutes(shop.BlockMinutes))
        {
            rows.Add(time);
            if (time.AddMinutes(shop.BlockMinutes) < time) break; // wrapped past midnight
        }
        return rows;
    }
}
