using Microsoft.Extensions.Time.Testing;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Tests.Unit;

/// <summary><see cref="BookingRules"/> with "now" fixed: Monday 23 November 2026, 10:00 in Pune (04:30 UTC).</summary>
[Trait("Category", "Unit")]
public sealed class CapacityRulesTests
{
    public static readonly TimeZoneInfo Pune = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 4, 30, 0, TimeSpan.Zero);
    private static readonly BookingRules Rules = new(new FakeTimeProvider(Now));

    /// <summary>Mon–Sat 09:00–18:00, Sunday closed; 10 a day, 2 per 30-minute block, 2 h notice, 30 days ahead.</summary>
    public static ShopRules Shop(Action<DealerSettings>? change = null)
    {
        var settings = new DealerSettings { MaxAppointmentsPerDay = 10, MaxAppointmentsPerBlock = 2, BlockMinutes = 30, MinNoticeHours = 2, MaxDaysAhead = 30 };
        change?.Invoke(settings);
        return ShopRules.From(settings, DealerSettingsService.DefaultHours());
    }

    private static IReadOnlyList<BookingRule> Broken(DateTime start, int minutes = 30, BookingLoad load = default, ShopRules? shop = null) =>
        Rules.Check(shop ?? Shop(), Pune, start, minutes, load).Select(p => p.Rule).ToList();

    [Fact]
    public void A_booking_inside_the_hours_with_room_breaks_no_rule() =>
        Assert.Empty(Broken(new DateTime(2026, 11, 24, 9, 0, 0), 540, new BookingLoad(9, 1)));

    [Fact]
    public void Starting_before_opening_breaks_the_opening_rule_only() =>
        Assert.Equal([BookingRule.BeforeOpening], Broken(new DateTime(2026, 11, 24, 8, 59, 0)));

    [Fact]
    public void Ending_after_closing_breaks_the_closing_rule_and_says_when_it_would_end()
    {
        var problem = Assert.Single(Rules.Check(Shop(), Pune, new DateTime(2026, 11, 24, 17, 45, 0), 30, default));
        Assert.Equal(BookingRule.AfterClosing, problem.Rule);
        Assert.Contains("would end at 18:15", problem.Message);
    }

    [Fact]
    public void A_sunday_is_closed() =>
        Assert.Equal([BookingRule.ClosedDay], Broken(new DateTime(2026, 11, 29, 10, 0, 0)));

    [Fact]
    public void Less_notice_than_required_is_refused_and_the_earliest_time_is_given()
    {
        var problem = Assert.Single(Rules.Check(Shop(), Pune, new DateTime(2026, 11, 23, 11, 30, 0), 30, default));
        Assert.Equal(BookingRule.TooLittleNotice, problem.Rule);
        Assert.Contains("the earliest is Mon 23 Nov 12:00", problem.Message);
        Assert.Empty(Broken(new DateTime(2026, 11, 23, 12, 0, 0)));
    }

    [Fact]
    public void A_time_that_has_passed_cannot_be_overridden()
    {
        var problem = Assert.Single(Rules.Check(Shop(), Pune, new DateTime(2026, 11, 23, 9, 30, 0), 30, default));
        Assert.Equal(BookingRule.InThePast, problem.Rule);
        Assert.False(problem.CanOverride);
    }

    [Fact]
    public void The_last_bookable_day_is_today_plus_the_days_ahead()
    {
        Assert.Empty(Broken(new DateTime(2026, 12, 23, 10, 0, 0)));
        Assert.Equal([BookingRule.TooFarAhead], Broken(new DateTime(2026, 12, 24, 10, 0, 0)));
    }

    [Fact]
    public void A_full_day_and_a_full_block_are_refused_and_can_be_overridden()
    {
        var problems = Rules.Check(Shop(), Pune, new DateTime(2026, 11, 24, 10, 15, 0), 30, new BookingLoad(10, 2));
        Assert.Equal([BookingRule.DayFull, BookingRule.BlockFull], problems.Select(p => p.Rule));
        Assert.Contains("10:00–10:30 is fully booked", problems[1].Message);
        Assert.All(problems, p => Assert.True(p.CanOverride));
    }

    [Fact]
    public void No_daily_limit_when_the_day_capacity_is_zero() =>
        Assert.Empty(Broken(new DateTime(2026, 11, 24, 10, 0, 0), load: new BookingLoad(500, 0), shop: Shop(s => s.MaxAppointmentsPerDay = 0)));

    [Theory]
    [InlineData(30, "10:14", "10:00")]
    [InlineData(30, "10:30", "10:30")]
    [InlineData(20, "10:59", "10:40")]
    [InlineData(60, "09:01", "09:00")]
    public void Blocks_are_counted_from_midnight(int minutes, string time, string block) =>
        Assert.Equal(TimeOnly.Parse(block), TimeOnly.FromDateTime(BookingRules.BlockStart(new DateTime(2026, 11, 24) + TimeOnly.Parse(time).ToTimeSpan(), minutes)));

    [Fact]
    public void The_duration_is_the_services_time_times_quantity_and_at_least_one_block()
    {
        Assert.Equal(150, BookingRules.Duration([(60, 2), (30, 1)], 30));
        Assert.Equal(30, BookingRules.Duration([(10, 1)], 30));
        Assert.Equal(30, BookingRules.Duration([], 30));
    }

    [Fact]
    public void A_booking_occupies_every_block_it_covers_and_the_busiest_one_is_named()
    {
        var day = new DateTime(2026, 11, 24);
        (DateTime, DateTime)[] live = [(day.AddHours(10), day.AddHours(11.5)), (day.AddHours(11), day.AddHours(11.5))];

        Assert.Equal((2, day.AddHours(11)), BookingRules.BusiestBlock(live, day.AddHours(10.5), day.AddHours(12), 30));
        Assert.Equal((1, day.AddHours(10)), BookingRules.BusiestBlock(live, day.AddHours(10), day.AddHours(10.5), 30));
        Assert.Equal(0, BookingRules.BusiestBlock(live, day.AddHours(11.5), day.AddHours(12), 30).Count);

        var problems = Rules.Check(Shop(s => s.MaxAppointmentsPerBlock = 2), Pune, day.AddHours(10.5), 90, new BookingLoad(2, 2, day.AddHours(11)));
        Assert.Contains("11:00–11:30 is fully booked: 2 appointments run then", Assert.Single(problems, p => p.Rule == BookingRule.BlockFull).Message);
    }
}
