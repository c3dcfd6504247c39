using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAppointmentBookingTests(SqliteFactory app) : AppointmentBookingTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAppointmentBookingTests(PostgresFactory app) : AppointmentBookingTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Booking through the real /appointments/new form: the shop's hours, capacity, notice and horizon rules
/// refuse a time with the reason next to the time field and save nothing; a manager may book past them with a note.
/// </summary>
public abstract class AppointmentBookingTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task A_booking_within_hours_and_capacity_is_saved_with_its_services_at_the_prices_agreed_and_a_history_row()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var start = shop.Next(DayOfWeek.Wednesday, 10);
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/new?vehicleId={shop.VehicleId}&start={AppointmentScenario.Local(start)}");
        var brakes = AppointmentScenario.ServiceIndex(page, shop.Brakes.Id);
        var oil = AppointmentScenario.ServiceIndex(page, shop.Oil.Id);

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, page, "appointment", new Dictionary<string, string>
        {
            [$"Input.Services[{brakes}].Selected"] = "True",
            [$"Input.Services[{oil}].Selected"] = "True",
            [$"Input.Services[{oil}].Quantity"] = "2",
            [$"Input.Services[{oil}].Price"] = "450.25",
            ["Input.Notes"] = "Squeal from the front left wheel.",
            ["Input.Priority"] = nameof(AppointmentPriority.High),
            ["Input.AssignedToId"] = shop.Technician.UserId.ToString(),
        });

        AppointmentScenario.AssertRedirectTo(response, "/appointments/");
        var id = AppointmentScenario.IdFrom(response);
        var saved = await shop.DbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Services).SingleAsync(a => a.Id == id));
        Assert.Equal(AppointmentStatus.Pending, saved.Status);
        Assert.Equal(AppointmentScenario.ToUtc(start), saved.StartTime);
        Assert.Equal(TimeSpan.FromMinutes(60 + 2 * 30), saved.EndTime - saved.StartTime);
        Assert.Equal(shop.CustomerId, saved.CustomerId);
        Assert.Equal(shop.Technician.UserId, saved.AssignedToId);
        Assert.Equal(AppointmentPriority.High, saved.Priority);
        Assert.Null(saved.CapacityOverrideNote);
        Assert.Equal(1000.50m, saved.Services.Single(s => s.CannedServiceId == shop.Brakes.Id).Price);
        var oilLine = saved.Services.Single(s => s.CannedServiceId == shop.Oil.Id);
        Assert.Equal((2, 450.25m), (oilLine.Quantity, oilLine.Price));
        var history = await shop.DbAsync(db => db.AppointmentStatusChanges.AsNoTracking().Where(c => c.AppointmentId == id).ToListAsync());
        Assert.Equal((null, AppointmentStatus.Pending, shop.Advisor.UserId), (history.Single().FromStatus, history.Single().ToStatus, history.Single().ChangedById));
    }

    [DatabaseFact]
    public async Task A_booking_that_starts_before_opening_is_refused_with_the_opening_time()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Wednesday, 8, 30), "opens at 09:00 on Wednesdays");
    }

    [DatabaseFact]
    public async Task A_booking_that_would_end_after_closing_is_refused_with_the_closing_time()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Thursday, 17, 30), "closes at 18:00 on Thursdays; this booking would end at 18:30", services: [shop.Brakes]);
    }

    [DatabaseFact]
    public async Task A_booking_on_a_closed_day_is_refused()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Sunday, 10), "closed on Sundays");
    }

    [DatabaseFact]
    public async Task A_booking_on_a_fully_booked_day_is_refused_and_cancelled_bookings_do_not_count()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync(s => s.MaxAppointmentsPerDay = 2);
        var day = shop.Next(DayOfWeek.Tuesday, 9);
        await shop.InsertAsync(AppointmentScenario.ToUtc(day));
        await shop.InsertAsync(AppointmentScenario.ToUtc(day.AddHours(3)), AppointmentStatus.Cancelled);

        using (var room = await shop.BookAsync(shop.Advisor, day.AddHours(5)))
            AppointmentScenario.AssertRedirectTo(room, "/appointments/");

        await AssertRefusedAsync(shop, day.AddHours(7), "fully booked: 2 of 2 appointments");
    }

    [DatabaseFact]
    public async Task A_booking_in_a_full_time_block_is_refused_but_the_next_block_is_free()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync(s => (s.MaxAppointmentsPerBlock, s.BlockMinutes) = (1, 30));
        var ten = shop.Next(DayOfWeek.Friday, 10);
        await shop.InsertAsync(AppointmentScenario.ToUtc(ten));
        await shop.InsertAsync(AppointmentScenario.ToUtc(ten), AppointmentStatus.NoShow);

        await AssertRefusedAsync(shop, ten.AddMinutes(15), "10:00–10:30 is fully booked");

        using var next = await shop.BookAsync(shop.Advisor, ten.AddMinutes(30));
        AppointmentScenario.AssertRedirectTo(next, "/appointments/");
    }

    [DatabaseFact]
    public async Task A_booking_with_less_than_the_minimum_notice_is_refused()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync(s => s.MinNoticeHours = 24 * 14);

        await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Monday, 11), "at least 336 hours' notice");
    }

    [DatabaseFact]
    public async Task A_booking_further_ahead_than_the_shop_takes_bookings_is_refused()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync(s => s.MaxDaysAhead = 2);

        await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Monday, 11, daysAhead: 4), "up to 2 days ahead");
    }

    [DatabaseFact]
    public async Task A_manager_books_past_the_rules_with_a_note_which_is_kept_on_the_appointment()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var early = shop.Next(DayOfWeek.Wednesday, 7, 30);

        using var response = await shop.BookAsync(shop.Manager, early, new Dictionary<string, string>
        {
            ["Input.Override"] = "True",
            ["Input.OverrideNote"] = "Fleet customer, the technician starts early.",
        }, shop.Oil);

        AppointmentScenario.AssertRedirectTo(response, "/appointments/");
        var saved = await shop.DbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == AppointmentScenario.IdFrom(response)));
        Assert.Equal("Fleet customer, the technician starts early.", saved.CapacityOverrideNote);
        Assert.Equal(AppointmentScenario.ToUtc(early), saved.StartTime);
    }

    [DatabaseFact]
    public async Task A_manager_override_without_a_note_is_refused()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        var page = await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Wednesday, 7, 30), "opens at 09:00", user: shop.Manager,
            fields: new Dictionary<string, string> { ["Input.Override"] = "True" });

        Assert.Contains("Say why", AppointmentScenario.MessagesNextTo(page, "override-note"));
    }

    [DatabaseFact]
    public async Task An_advisor_cannot_override_the_rules_even_by_posting_the_override_field()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var bookingPage = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/new?vehicleId={shop.VehicleId}");
        Assert.Null(bookingPage.GetElementById("override"));

        var page = await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Wednesday, 7, 30), "opens at 09:00",
            fields: new Dictionary<string, string> { ["Input.Override"] = "True", ["Input.OverrideNote"] = "Trust me" });

        Assert.Contains("Only a manager", Forms.Alerts(page) + AppointmentScenario.MessagesNextTo(page, "start") + page.Body!.TextContent);
    }

    [DatabaseFact]
    public async Task A_refused_booking_keeps_what_was_typed()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/new?vehicleId={shop.VehicleId}&start={AppointmentScenario.Local(shop.Next(DayOfWeek.Sunday, 10))}");
        var oil = AppointmentScenario.ServiceIndex(page, shop.Oil.Id);

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, page, "appointment", new Dictionary<string, string>
        {
            [$"Input.Services[{oil}].Selected"] = "True",
            [$"Input.Services[{oil}].Price"] = "420.00",
            ["Input.Notes"] = "Rattle at idle",
        });

        var again = await Forms.ParseAsync(response);
        Assert.Equal("Rattle at idle", again.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#notes")!.Value);
        Assert.Equal("420.00", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#price-{oil}")!.Value);
        Assert.True(again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"#service-{oil}")!.IsChecked);
    }

    [DatabaseFact]
    public async Task Changing_a_booking_rechecks_the_rules_and_a_stale_form_is_refused_as_a_conflict()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));
        var editUrl = $"/appointments/{id}/edit";
        var stale = await Forms.GetPageAsync(shop.Advisor.Client, editUrl);

        using (var closed = await BrowserForm.SubmitAsync(shop.Advisor.Client, editUrl, "appointment",
                   new Dictionary<string, string> { ["Input.Start"] = AppointmentScenario.Local(shop.Next(DayOfWeek.Sunday, 10)) }))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
            Assert.Contains("closed on Sundays", AppointmentScenario.MessagesNextTo(await Forms.ParseAsync(closed), "start"));
        }

        var thursday = shop.Next(DayOfWeek.Thursday, 11);
        using (var moved = await BrowserForm.SubmitAsync(shop.Advisor.Client, editUrl, "appointment",
                   new Dictionary<string, string> { ["Input.Start"] = AppointmentScenario.Local(thursday) }))
            AppointmentScenario.AssertRedirectTo(moved, $"/appointments/{id}");
        Assert.Equal(AppointmentScenario.ToUtc(thursday), await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StartTime).SingleAsync()));

        using var conflict = await BrowserForm.SubmitAsync(shop.Advisor.Client, stale, "appointment", new Dictionary<string, string> { ["Input.Notes"] = "Overwrite?" });
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else changed this appointment", Forms.Alerts(await Forms.ParseAsync(conflict)));
        Assert.Null(await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Notes).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_technician_sees_the_calendar_without_booking_links_and_cannot_open_or_post_the_booking_form()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var week = AppointmentScenario.Local(shop.Next(DayOfWeek.Wednesday, 0))[..10];

        var calendar = await Forms.GetPageAsync(shop.Technician.Client, $"/appointments?view=week&date={week}");
        Assert.Empty(calendar.QuerySelectorAll("a[href^='/appointments/new']"));
        var advisorCalendar = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments?view=week&date={week}");
        Assert.NotEmpty(advisorCalendar.QuerySelectorAll("a.mt-free-slot[href^='/appointments/new?start=']"));

        using var open = await shop.Technician.Client.GetAsync($"/appointments/new?vehicleId={shop.VehicleId}");
        Assert.True(AccountFlow.IsRedirectTo(open, AccountFlow.AccessDeniedPath), $"Answered {(int)open.StatusCode}");
        using var post = await Forms.PostWithTokenAsync(shop.Technician.Client, $"/appointments/new?vehicleId={shop.VehicleId}", new Dictionary<string, string>
        {
            ["_handler"] = "appointment",
            ["Input.VehicleId"] = shop.VehicleId.ToString(),
            ["Input.Start"] = AppointmentScenario.Local(shop.Next(DayOfWeek.Wednesday, 10)),
        });
        Assert.True(AccountFlow.IsRedirectTo(post, AccountFlow.AccessDeniedPath), $"Answered {(int)post.StatusCode}");
        Assert.Equal(0, await shop.CountAppointmentsAsync());
    }

    /// <summary>Books at <paramref name="start"/>, expects the page back with <paramref name="reason"/> next to the time and nothing saved.</summary>
    private static async Task<AngleSharp.Dom.IDocument> AssertRefusedAsync(AppointmentScenario shop, DateTime start, string reason,
        SignedInUser? user = null, IReadOnlyDictionary<string, string>? fields = null, Data.Entities.Catalog.CannedService[]? services = null)
    {
        var before = await shop.CountAppointmentsAsync();

        using var response = await shop.BookAsync(user ?? shop.Advisor, start, fields, services ?? []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains(reason, AppointmentScenario.MessagesNextTo(page, "start"));
        Assert.Equal(before, await shop.CountAppointmentsAsync());
        return page;
    }
}
