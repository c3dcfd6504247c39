using System.Globalization;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Web.Services.Appointments;

/// <summary>The rules a booking can break, in the order the front desk reads them.</summary>
public enum BookingRule
{
    InThePast,
    ClosedDay,
    BeforeOpening,
    AfterClosing,
    TooLittleNotice,
    TooFarAhead,
    DayFull,
    BlockFull,
}

public sealed record BookingProblem(BookingRule Rule, string Message)
{
    /// <summary>A manager may book past the shop's rules with a note; a time that has passed cannot be booked at all.</summary>
    public bool CanOverride => Rule != BookingRule.InThePast;
}

/// <summary>
/// How many live bookings (not cancelled, not no-show) already start on that local day, and how many already occupy
/// the busiest time block the new booking would cover (a booking occupies every block from its start to its end).
/// </summary>
/// <param name="Block">That busiest block's start, for the message; the start's own block when not given.</param>
public readonly record struct BookingLoad(int BookedThatDay, int BookedInBlock, DateTime? Block = null);

/// <summary>
/// The booking rules of a dealer's workshop: shop hours, closed days, minimum notice, how far ahead,
/// daily and per-block capacity. Pure apart from the clock, so the calendar (which slots are free) and
/// the booking form (why a time is refused) give the same answer, and tests can fix "now".
/// All times here are the dealer's local time.
/// </summary>
public sealed class BookingRules(TimeProvider clock)
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    public IReadOnlyList<BookingProblem> Check(ShopRules rules, TimeZoneInfo zone, DateTime start, int minutes, BookingLoad load)
    {
        var problems = new List<BookingProblem>();
        var now = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone);
        var end = start.AddMinutes(minutes);
        var day = rules[start.DayOfWeek];

        if (start < now)
            problems.Add(new(BookingRule.InThePast, $"That time has passed: it is {now.ToString("HH:mm", Text)} on {Day(now)} now."));

        if (!day.IsOpen)
            problems.Add(new(BookingRule.ClosedDay, $"The workshop is closed on {start.DayOfWeek}s."));
        else
        {
            var opens = start.Date + day.OpensAt.ToTimeSpan();
            var closes = start.Date + day.ClosesAt.ToTimeSpan();
            if (start < opens)
                problems.Add(new(BookingRule.BeforeOpening, $"The workshop opens at {Time(day.OpensAt)} on {start.DayOfWeek}s."));
            if (end > closes)
                problems.Add(new(BookingRule.AfterClosing,
                    $"The workshop closes at {Time(day.ClosesAt)} on {start.DayOfWeek}s; this booking would end at {end.ToString("HH:mm", Text)}."));
        }

        var earliest = now.AddHours(rules.MinNoticeHours);
        if (start >= now && start < earliest)
            problems.Add(new(BookingRule.TooLittleNotice,
                $"Bookings need at least {rules.MinNoticeHours} {(rules.MinNoticeHours == 1 ? "hour's" : "hours'")} notice: the earliest is {Day(earliest)} {earliest.ToString("HH:mm", Text)}."));

        var lastDay = DateOnly.FromDateTime(now).AddDays(rules.MaxDaysAhead);
        if (DateOnly.FromDateTime(start) > lastDay)
            problems.Add(new(BookingRule.TooFarAhead,
                $"Bookings are taken up to {rules.MaxDaysAhead} days ahead, until {lastDay.ToString("ddd d MMM yyyy", Text)}."));

        if (rules.MaxAppointmentsPerDay > 0 && load.BookedThatDay >= rules.MaxAppointmentsPerDay)
            problems.Add(new(BookingRule.DayFull,
                $"{Day(start)} is fully booked: {load.BookedThatDay} of {rules.MaxAppointmentsPerDay} appointments."));

        if (load.BookedInBlock >= rules.MaxAppointmentsPerBlock)
        {
            var block = load.Block ?? BlockStart(start, rules.BlockMinutes);
            problems.Add(new(BookingRule.BlockFull,
                $"{block.ToString("HH:mm", Text)}–{block.AddMinutes(rules.BlockMinutes).ToString("HH:mm", Text)} is fully booked: "
                + $"{load.BookedInBlock} {(load.BookedInBlock == 1 ? "appointment runs" : "appointments run")} then (limit {rules.MaxAppointmentsPerBlock})."));
        }
        return problems;
    }

    /// <summary>Whether the calendar offers this block as a free slot: a one-block booking starting here breaks no rule.</summary>
    public bool IsFree(ShopRules rules, TimeZoneInfo zone, DateTime blockStart, BookingLoad load) =>
        Check(rules, zone, blockStart, rules.BlockMinutes, load).Count == 0;

    /// <summary>Time blocks are counted from midnight, so 30-minute blocks start on the hour and half hour.</summary>
    public static DateTime BlockStart(DateTime local, int blockMinutes) =>
        local.Date.AddMinutes((int)local.TimeOfDay.TotalMinutes / blockMinutes * blockMinutes);

    /// <summary>
    /// The most live bookings that occupy any one time block of <paramref name="start"/> to <paramref name="end"/>:
    /// a two-hour booking fills every block it covers, not only the one it starts in.
    /// </summary>
    public static (int Count, DateTime Block) BusiestBlock(IEnumerable<(DateTime Start, DateTime End)> live, DateTime start, DateTime end, int blockMinutes)
    {
        var bookings = live.ToList();
        var busiest = (Count: 0, Block: BlockStart(start, blockMinutes));
        for (var block = busiest.Block; ; block = block.AddMinutes(blockMinutes))
        {
            var blockEnd = block.AddMinutes(blockMinutes);
            var count = bookings.Count(b => b.Start < blockEnd && Max(b.End, b.Start.AddMinutes(1)) > block);
            if (count > busiest.Count) busiest = (count, block);
            if (blockEnd >= end) break;
        }
        return busiest;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The sum of the booked services' minutes, and never less than one time block.</summary>
    public static int Duration(IEnumerable<(int Minutes, int Quantity)> services, int blockMinutes) =>
        Math.Max(blockMinutes, services.Sum(s => Math.Max(0, s.Minutes) * Math.Max(1, s.Quantity)));

    private static string Day(DateTime local) => local.ToString("ddd d MMM", Text);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", Text);
}
