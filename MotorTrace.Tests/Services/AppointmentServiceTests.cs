using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Customers;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteAppointmentServiceTests(SqliteFactory app) : AppointmentServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresAppointmentServiceTests(PostgresFactory app) : AppointmentServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Booking, changing and the status life cycle on <see cref="AppointmentService"/> over a real database: the shop's
/// hours, capacity, notice and horizon refuse a time with the reason at the time field and save nothing; a manager may
/// book past them with a note; a stale form is refused; every save tells the open front-desk screens.
/// </summary>
public abstract class AppointmentServiceTests(MotorTraceFactory app)
{
    private const string Start = nameof(AppointmentForm.Start);

    [DatabaseFact]
    public async Task A_booking_within_hours_and_capacity_is_saved_with_its_services_at_the_prices_agreed_and_a_history_row()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var start = shop.Next(DayOfWeek.Wednesday, 10);

        var result = await shop.BookAsync(shop.Advisor, start, form =>
        {
            var oil = form.Services.Single(s => s.CannedServiceId == shop.Oil.Id);
            (oil.Quantity, oil.Price) = (2, 450.25m);
            form.Notes = "Squeal from the front left wheel.";
            form.Priority = AppointmentPriority.High;
            form.AssignedToId = shop.Technician.UserId;
        }, shop.Brakes, shop.Oil);

        Assert.True(result.Succeeded, AppointmentScenario.MessagesAt(result.Result, Start));
        var saved = await shop.DbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Services).SingleAsync(a => a.Id == result.Value));
        Assert.Equal(AppointmentStatus.Pending, saved.Status);
        Assert.Equal(AppointmentScenario.ToUtc(start), saved.StartTime);
        Assert.Equal(TimeSpan.FromMinutes(60 + 2 * 30), saved.EndTime - saved.StartTime);
        Assert.Equal((shop.CustomerId, shop.Technician.UserId, AppointmentPriority.High), (saved.CustomerId, saved.AssignedToId, saved.Priority));
        Assert.Null(saved.CapacityOverrideNote);
        Assert.Equal(1000.50m, saved.Services.Single(s => s.CannedServiceId == shop.Brakes.Id).Price);
        var oilLine = saved.Services.Single(s => s.CannedServiceId == shop.Oil.Id);
        Assert.Equal((2, 450.25m), (oilLine.Quantity, oilLine.Price));
        var history = await shop.DbAsync(db => db.AppointmentStatusChanges.AsNoTracking().Where(c => c.AppointmentId == result.Value).ToListAsync());
        Assert.Equal((null, AppointmentStatus.Pending, shop.Advisor.UserId), (history.Single().FromStatus, history.Single().ToStatus, history.Single().ChangedById));
    }

    [DatabaseFact]
    public async Task The_excel_export_holds_the_calendars_day_as_shown_and_a_technician_gets_their_own_jobs()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var day = shop.Next(DayOfWeek.Thursday, 9);
        Assert.True((await shop.BookAsync(shop.Advisor, day.AddHours(2), form => form.AssignedToId = shop.Technician.UserId, shop.Oil)).Succeeded);
        Assert.True((await shop.BookAsync(shop.Advisor, day, null, shop.Brakes)).Succeeded);
        var path = $"/appointments/export.xlsx?view=day&date={day:yyyy-MM-dd}";

        var everyone = await ReadExportAsync(shop.Advisor, path);
        var own = await ReadExportAsync(shop.Technician, path);

        Assert.Equal([(day.ToString("yyyy-MM-dd HH:mm"), shop.Brakes.Name), (day.AddHours(2).ToString("yyyy-MM-dd HH:mm"), shop.Oil.Name)], everyone);
        Assert.Equal([(day.AddHours(2).ToString("yyyy-MM-dd HH:mm"), shop.Oil.Name)], own);
    }

    /// <summary>The (start, services) of each exported appointment.</summary>
    private static async Task<List<(string Start, string Services)>> ReadExportAsync(SignedInUser user, string path)
    {
        var response = await user.Client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(MotorTrace.Web.Services.Export.GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()).ToList();
        return sheet.RowsUsed().Where(r => r.RowNumber() > MotorTrace.Web.Services.Export.GridExport.HeaderRow)
            .Select(r => (r.Cell(header.IndexOf("Start") + 1).GetDateTime().ToString("yyyy-MM-dd HH:mm"), r.Cell(header.IndexOf("Services") + 1).GetString()))
            .ToList();
    }

    [DatabaseFact]
    public async Task A_booking_tells_the_open_front_desk_screens_of_its_dealer()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var live = app.Services.GetRequiredService<LiveUpdates>();
        var heard = new List<LiveUpdate>();
        Task Listen(LiveUpdate update)
        {
            lock (heard) heard.Add(update);
            return Task.CompletedTask;
        }
        live.Published += Listen;
        try
        {
            var booked = await shop.BookAsync(shop.Advisor, shop.Next(DayOfWeek.Wednesday, 11));
            Assert.True(booked.Succeeded);
            Assert.True((await ChangeAsync(shop, booked.Value, AppointmentStatus.Confirmed)).Succeeded);
        }
        finally
        {
            live.Published -= Listen;
        }
        lock (heard) Assert.True(heard.Count(u => u == new LiveUpdate.AppointmentsChanged(shop.DealerId)) >= 2, $"Heard {heard.Count} updates.");
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

        Assert.True((await shop.BookAsync(shop.Advisor, day.AddHours(5))).Succeeded);

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

        Assert.True((await shop.BookAsync(shop.Advisor, ten.AddMinutes(30))).Succeeded);
    }

    [DatabaseFact]
    public async Task A_long_booking_fills_every_block_it_covers_not_only_the_one_it_starts_in()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync(s => (s.MaxAppointmentsPerBlock, s.BlockMinutes) = (1, 30));
        var ten = shop.Next(DayOfWeek.Friday, 10);
        await shop.InsertAsync(AppointmentScenario.ToUtc(ten), minutes: 90); // 10:00–11:30

        await AssertRefusedAsync(shop, ten.AddMinutes(60), "11:00–11:30 is fully booked");
        // A booking that would run into it from before is refused as well.
        await AssertRefusedAsync(shop, ten.AddMinutes(-30), "10:00–10:30 is fully booked", services: [shop.Brakes]);

        Assert.True((await shop.BookAsync(shop.Advisor, ten.AddMinutes(90))).Succeeded);
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

        var result = await shop.BookAsync(shop.Manager, early, form => (form.Override, form.OverrideNote) = (true, "Fleet customer, the technician starts early."), shop.Oil);

        Assert.True(result.Succeeded, AppointmentScenario.MessagesAt(result.Result, Start));
        var saved = await shop.DbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == result.Value));
        Assert.Equal("Fleet customer, the technician starts early.", saved.CapacityOverrideNote);
        Assert.Equal(AppointmentScenario.ToUtc(early), saved.StartTime);
    }

    [DatabaseFact]
    public async Task A_manager_override_without_a_note_is_refused_with_the_message_at_the_note()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        var result = await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Wednesday, 7, 30), "opens at 09:00", user: shop.Manager,
            change: form => form.Override = true);

        Assert.Contains("Say why", AppointmentScenario.MessagesAt(result, nameof(AppointmentForm.OverrideNote)));
    }

    [DatabaseFact]
    public async Task An_advisor_cannot_override_the_rules_even_with_the_override_field_set()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();

        var result = await AssertRefusedAsync(shop, shop.Next(DayOfWeek.Wednesday, 7, 30), "opens at 09:00",
            change: form => (form.Override, form.OverrideNote) = (true, "Trust me"));

        Assert.Contains("Only a manager", AppointmentScenario.MessagesAt(result, ""));
    }

    [DatabaseFact]
    public async Task A_withdrawn_service_or_a_price_with_three_decimals_is_refused_at_its_line()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var form = await shop.NewFormAsync(shop.Advisor, shop.Next(DayOfWeek.Wednesday, 10), shop.Oil);
        var oil = form.Services.FindIndex(s => s.CannedServiceId == shop.Oil.Id);
        form.Services[oil].Price = 420.125m;
        form.Services.Add(new ServiceLineForm { CannedServiceId = Guid.NewGuid(), Selected = true });

        var result = await shop.AsAsync<AppointmentService, ServiceResult<Guid>>(shop.Advisor, s => s.CreateAsync(form, mayOverride: false));

        Assert.Contains("at most two decimals", AppointmentScenario.MessagesAt(result.Result, $"Services[{oil}].Price"));
        Assert.Contains("no longer offered", AppointmentScenario.MessagesAt(result.Result, $"Services[{form.Services.Count - 1}].Selected"));
        Assert.Equal(0, await shop.CountAppointmentsAsync());
    }

    [DatabaseFact]
    public async Task Changing_a_booking_rechecks_the_rules_and_a_stale_form_is_refused_naming_who_changed_it()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var booked = await shop.BookAsync(shop.Manager, shop.Next(DayOfWeek.Wednesday, 10));
        var id = booked.Value;
        var stale = await EditFormAsync(shop, shop.Advisor, id);

        var closed = await EditFormAsync(shop, shop.Advisor, id);
        closed.Start = shop.Next(DayOfWeek.Sunday, 10);
        var refused = await UpdateAsync(shop, shop.Advisor, id, closed);
        Assert.Contains("closed on Sundays", AppointmentScenario.MessagesAt(refused, Start));

        var thursday = shop.Next(DayOfWeek.Thursday, 11);
        var moved = await EditFormAsync(shop, shop.Manager, id);
        moved.Start = thursday;
        Assert.True((await UpdateAsync(shop, shop.Manager, id, moved)).Succeeded);
        Assert.Equal(AppointmentScenario.ToUtc(thursday), await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.StartTime).SingleAsync()));

        stale.Notes = "Overwrite?";
        var conflict = await UpdateAsync(shop, shop.Advisor, id, stale);
        Assert.Contains("changed by Test Manager at", AppointmentScenario.MessagesAt(conflict, ""));
        Assert.Equal("Overwrite?", stale.Notes); // the form, and so what was typed, is the caller's to keep
        Assert.Null(await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Notes).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Confirming_a_pending_appointment_records_who_and_when_in_its_history()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));

        Assert.True((await ChangeAsync(shop, id, AppointmentStatus.Confirmed)).Succeeded);

        Assert.Equal(AppointmentStatus.Confirmed, await shop.StatusAsync(id));
        var change = await shop.DbAsync(db => db.AppointmentStatusChanges.AsNoTracking().SingleAsync(c => c.AppointmentId == id));
        Assert.Equal((AppointmentStatus.Pending, AppointmentStatus.Confirmed, shop.Advisor.UserId), (change.FromStatus, change.ToStatus, change.ChangedById));
        Assert.True((app.Clock.GetUtcNow().UtcDateTime - change.ChangedAt).Duration() < TimeSpan.FromMinutes(1));
        var detail = await shop.AsAsync<AppointmentService, AppointmentDetail?>(shop.Advisor, s => s.DetailAsync(id));
        Assert.Equal("Test Advisor", detail!.History.Single().ChangedBy);
    }

    [DatabaseTheory]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Confirmed)]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.Completed)]
    [InlineData(AppointmentStatus.Confirmed, AppointmentStatus.InProgress)]
    [InlineData(AppointmentStatus.Completed, AppointmentStatus.Cancelled)]
    [InlineData(AppointmentStatus.Cancelled, AppointmentStatus.Confirmed)]
    [InlineData(AppointmentStatus.NoShow, AppointmentStatus.Pending)]
    public async Task An_invalid_transition_is_refused_and_changes_nothing(AppointmentStatus from, AppointmentStatus to)
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow.AddHours(-2)), from);

        var result = await ChangeAsync(shop, id, to, note: "Because");

        var message = AppointmentScenario.MessagesAt(result, "");
        Assert.True(message.Contains("cannot become") || message.Contains("starts by checking the car in"), message);
        Assert.Equal(from, await shop.StatusAsync(id));
        Assert.Equal(0, await shop.DbAsync(db => db.AppointmentStatusChanges.CountAsync(c => c.AppointmentId == id)));
    }

    [DatabaseFact]
    public async Task Cancelling_needs_a_reason_which_is_kept_on_the_appointment_and_in_the_history()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)), AppointmentStatus.Confirmed);

        var noReason = await ChangeAsync(shop, id, AppointmentStatus.Cancelled, note: " ");
        Assert.Contains("Give the reason", AppointmentScenario.MessagesAt(noReason, nameof(StatusChangeForm.Note)));
        Assert.Equal(AppointmentStatus.Confirmed, await shop.StatusAsync(id));

        Assert.True((await ChangeAsync(shop, id, AppointmentStatus.Cancelled, note: "Customer sold the car")).Succeeded);

        var saved = await shop.DbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((AppointmentStatus.Cancelled, "Customer sold the car"), (saved.Status, saved.CancellationReason));
        var change = await shop.DbAsync(db => db.AppointmentStatusChanges.AsNoTracking().SingleAsync(c => c.AppointmentId == id));
        Assert.Equal((AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, "Customer sold the car"), (change.FromStatus, change.ToStatus, change.Note));
    }

    [DatabaseFact]
    public async Task A_no_show_is_refused_before_the_start_time_and_recorded_after_it()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var later = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow.AddHours(3)));
        var earlier = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow.AddHours(-1)));

        Assert.Contains("only after the start time", AppointmentScenario.MessagesAt(await ChangeAsync(shop, later, AppointmentStatus.NoShow), ""));
        Assert.Equal(AppointmentStatus.Pending, await shop.StatusAsync(later));

        Assert.True((await ChangeAsync(shop, earlier, AppointmentStatus.NoShow)).Succeeded);
        Assert.Equal(AppointmentStatus.NoShow, await shop.StatusAsync(earlier));
        Assert.Equal(AppointmentStatus.NoShow, await shop.DbAsync(db => db.AppointmentStatusChanges.Where(c => c.AppointmentId == earlier).Select(c => c.ToStatus).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Completing_follows_check_in_and_a_stale_status_change_is_refused_as_a_conflict()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.InProgress);
        var staleVersion = await shop.VersionAsync(id);

        Assert.True((await ChangeAsync(shop, id, AppointmentStatus.Completed)).Succeeded);
        Assert.Equal(AppointmentStatus.Completed, await shop.StatusAsync(id));

        var conflict = await shop.AsAsync<AppointmentService, ServiceResult>(shop.Advisor, s =>
            s.ChangeStatusAsync(id, new StatusChangeForm { To = AppointmentStatus.Completed, Version = staleVersion }));
        Assert.Contains("changed by Test Advisor at", AppointmentScenario.MessagesAt(conflict, ""));
        Assert.Equal(1, await shop.DbAsync(db => db.AppointmentStatusChanges.CountAsync(c => c.AppointmentId == id)));
    }

    [DatabaseFact]
    public async Task A_technician_sees_the_calendar_on_their_own_jobs_without_booking_links_and_cannot_open_the_booking_form()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var week = AppointmentScenario.Local(shop.Next(DayOfWeek.Wednesday, 0))[..10];

        var calendar = await Forms.GetPageAsync(shop.Technician.Client, $"/appointments?view=week&date={week}");
        Assert.Empty(calendar.QuerySelectorAll("a[href^='/appointments/new']"));
        Assert.Contains("· Test Technician", calendar.QuerySelector("h2[aria-live]")!.TextContent);
        var everyone = await Forms.GetPageAsync(shop.Technician.Client, $"/appointments?view=week&date={week}&assignee=all");
        Assert.DoesNotContain("Test Technician", everyone.QuerySelector("h2[aria-live]")!.TextContent);
        var advisorCalendar = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments?view=week&date={week}");
        Assert.NotEmpty(advisorCalendar.QuerySelectorAll("a[href^='/appointments/new?start=']"));
        Assert.DoesNotContain("·", advisorCalendar.QuerySelector("h2[aria-live]")!.TextContent);

        using var open = await shop.Technician.Client.GetAsync($"/appointments/new?vehicleId={shop.VehicleId}");
        Assert.True(AccountFlow.IsRedirectTo(open, AccountFlow.AccessDeniedPath), $"Answered {(int)open.StatusCode}");
    }

    [DatabaseFact]
    public async Task A_technician_sees_the_appointment_without_status_buttons_edit_check_in_or_customer_links()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));

        var page = await Forms.GetPageAsync(shop.Technician.Client, $"/appointments/{id}");
        Assert.Contains("Asha Rao", page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Trim() is "Confirm" or "Cancel appointment");
        Assert.Empty(page.QuerySelectorAll($"a[href='/appointments/{id}/edit'], a[href='/appointments/{id}/check-in'], a[href^='/customers/'], a[href^='/vehicles/']"));
        var advisorPage = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");
        Assert.NotEmpty(advisorPage.QuerySelectorAll($"a[href='/appointments/{id}/edit']"));
        Assert.NotEmpty(advisorPage.QuerySelectorAll($"a[href='/customers/{shop.CustomerId}']"));
    }

    [DatabaseFact]
    public async Task The_appointment_page_says_why_check_in_is_not_possible_yet()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));

        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");

        Assert.Contains("Check-in opens on the day of the appointment", page.QuerySelector("[data-testid='check-in-blocked']")!.TextContent);
        Assert.Empty(page.QuerySelectorAll($"a[href='/appointments/{id}/check-in']"));
    }

    [DatabaseFact]
    public async Task The_booking_search_finds_the_customer_by_part_of_the_plate_and_answers_with_their_cars()
    {
        var shop = await AppointmentScenario.ForAsync(app);

        var cars = await shop.AsAsync<AppointmentService, IReadOnlyList<VehicleChoice>>(shop.Advisor, s => s.SearchVehiclesAsync("xy 43"));
        var byName = await shop.AsAsync<AppointmentService, IReadOnlyList<VehicleChoice>>(shop.Advisor, s => s.SearchVehiclesAsync("asha"));

        Assert.Equal(shop.VehicleId, Assert.Single(cars).VehicleId);
        Assert.Contains(byName, c => c.VehicleId == shop.VehicleId && c.CustomerName == "Asha Rao");
        Assert.Empty(await shop.AsAsync<AppointmentService, IReadOnlyList<VehicleChoice>>(shop.Advisor, s => s.SearchVehiclesAsync("a")));
    }

    [DatabaseFact]
    public async Task A_new_customer_and_their_car_are_created_together()
    {
        var shop = await AppointmentScenario.ForAsync(app);

        var result = await shop.AsAsync<AppointmentService, NewVisitResult>(shop.Advisor, s => s.CreateCustomerWithVehicleAsync(Visit("Meera Iyer", "+91 98111 22334", "MA3FJEB1S00654321")));

        Assert.True(result.Result.Succeeded, string.Join(" | ", result.Result.Errors));
        var vehicle = await shop.DbAsync(db => db.Vehicles.AsNoTracking().Where(v => v.Vin == "MA3FJEB1S00654321")
            .Select(v => new { v.Id, v.DealerId, Customer = v.Customer.Name, v.Customer.Phone, Mileage = v.Mileage!.CurrentMileage }).SingleAsync());
        Assert.Equal((result.VehicleId, shop.DealerId, "Meera Iyer", "+91 98111 22334", 23456), ((Guid?)vehicle.Id, vehicle.DealerId, vehicle.Customer, vehicle.Phone, vehicle.Mileage));
    }

    [DatabaseFact]
    public async Task A_possible_duplicate_is_shown_and_needs_confirmation()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        var customers = await shop.DbAsync(db => db.Customers.CountAsync());
        var visit = Visit("Asha R.", "+91 98000 00001", "MA3FJEB1S00111111");

        var first = await shop.AsAsync<AppointmentService, NewVisitResult>(shop.Advisor, s => s.CreateCustomerWithVehicleAsync(visit));

        Assert.Null(first.VehicleId);
        Assert.Contains(first.Duplicates, d => d.Id == shop.CustomerId && d.Name == "Asha Rao");
        Assert.Contains("We already have customers", AppointmentScenario.MessagesAt(first.Result, "Customer.ConfirmedNotDuplicate"));
        Assert.Equal(customers, await shop.DbAsync(db => db.Customers.CountAsync()));

        visit.Customer.ConfirmedNotDuplicate = true;
        var confirmed = await shop.AsAsync<AppointmentService, NewVisitResult>(shop.Advisor, s => s.CreateCustomerWithVehicleAsync(visit));

        Assert.NotNull(confirmed.VehicleId);
        Assert.Equal(customers + 1, await shop.DbAsync(db => db.Customers.CountAsync()));
    }

    [DatabaseFact]
    public async Task A_refused_vehicle_leaves_no_customer_behind_and_the_message_sits_at_the_vin()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        var customers = await shop.DbAsync(db => db.Customers.CountAsync());

        // The scenario's car already has this VIN.
        var result = await shop.AsAsync<AppointmentService, NewVisitResult>(shop.Advisor, s => s.CreateCustomerWithVehicleAsync(Visit("Karan Mehta", "+91 97000 12345", "TMBJJ7NE5L0123456")));

        Assert.Contains("already registered here", AppointmentScenario.MessagesAt(result.Result, "Vehicle.Vin"));
        Assert.Equal(customers, await shop.DbAsync(db => db.Customers.CountAsync()));
    }

    private static NewVisitForm Visit(string name, string phone, string vin) => new()
    {
        Customer = new CustomerForm { Name = name, Phone = phone },
        Vehicle = new MotorTrace.Web.Services.Vehicles.VehicleForm
        {
            Vin = vin, LicensePlate = "MH 12 CD 5678", Make = "Volkswagen", Model = "Virtus", Year = 2023, Odometer = 23456,
        },
    };

    private static async Task<AppointmentForm> EditFormAsync(AppointmentScenario shop, SignedInUser user, Guid id) =>
        (await shop.AsAsync<AppointmentService, (AppointmentForm Form, BookingOptions Options, AppointmentStatus Status)?>(user, s => s.EditFormAsync(id)))!.Value.Form;

    private static Task<ServiceResult> UpdateAsync(AppointmentScenario shop, SignedInUser user, Guid id, AppointmentForm form) =>
        shop.AsAsync<AppointmentService, ServiceResult>(user, s => s.UpdateAsync(id, form, mayOverride: user == shop.Manager));

    private static async Task<ServiceResult> ChangeAsync(AppointmentScenario shop, Guid id, AppointmentStatus to, string? note = null)
    {
        var version = await shop.VersionAsync(id);
        return await shop.AsAsync<AppointmentService, ServiceResult>(shop.Advisor, s => s.ChangeStatusAsync(id, new StatusChangeForm { To = to, Note = note, Version = version }));
    }

    /// <summary>Books at <paramref name="start"/>, expects <paramref name="reason"/> at the time field and nothing saved.</summary>
    private static async Task<ServiceResult> AssertRefusedAsync(AppointmentScenario shop, DateTime start, string reason,
        SignedInUser? user = null, Action<AppointmentForm>? change = null, Data.Entities.Catalog.CannedService[]? services = null)
    {
        var before = await shop.CountAppointmentsAsync();

        var result = await shop.BookAsync(user ?? shop.Advisor, start, change, services ?? []);

        Assert.False(result.Succeeded);
        Assert.Contains(reason, AppointmentScenario.MessagesAt(result.Result, Start));
        Assert.Equal(before, await shop.CountAppointmentsAsync());
        return result.Result;
    }
}
