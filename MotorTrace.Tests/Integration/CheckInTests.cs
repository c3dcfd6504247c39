using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Numbering;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteCheckInTests(SqliteFactory app) : CheckInTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresCheckInTests(PostgresFactory app) : CheckInTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// Check-in through /appointments/{id}/check-in: one work order per appointment, numbered per dealer, with
/// the booking's services, odometer and complaint; the read-only work order page shows it.
/// </summary>
public abstract partial class CheckInTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task Check_in_opens_one_numbered_work_order_with_the_services_copied_and_moves_the_appointment_on()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.Confirmed, notes: "Brakes squeal");

        var form = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}/check-in");
        Assert.Equal("Brakes squeal", form.QuerySelector<AngleSharp.Html.Dom.IHtmlTextAreaElement>("#complaint")!.Value);
        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, form, "check-in", new Dictionary<string, string>
        {
            ["Input.Odometer"] = "12345",
            ["Input.Complaint"] = "Brakes squeal when cold",
        });

        AppointmentScenario.AssertRedirectTo(response, "/workorders/");
        var order = await shop.DbAsync(db => db.WorkOrders.AsNoTracking().Include(w => w.Services).SingleAsync(w => w.AppointmentId == id));
        Assert.Equal(AppointmentScenario.IdFrom(response), order.Id);
        Assert.Matches($"^WO-{shop.DealerCode}-\\d{{6}}$", order.WorkOrderNumber);
        Assert.Equal((shop.CustomerId, shop.VehicleId, shop.Advisor.UserId), (order.CustomerId, order.VehicleId, order.AdvisorId));
        Assert.Equal((WorkOrderStatus.Open, JobSource.Appointment, 12345, "Brakes squeal when cold"),
            (order.Status, order.Source, order.OdometerReading, order.Complaint));
        Assert.True(app.Clock.GetUtcNow().UtcDateTime - order.OpenedAt < TimeSpan.FromMinutes(1));
        Assert.Equal(
            [("Brake inspection", 1, 950m, 950m), ("Oil change", 2, 500m, 1000m)],
            order.Services.OrderBy(s => s.Description).Select(s => (s.Description, s.Quantity, s.UnitPrice, s.Subtotal)));
        Assert.Equal(1950m, order.EstimatedTotal);

        Assert.Equal(AppointmentStatus.InProgress, await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(AppointmentStatus.InProgress, await shop.DbAsync(db => db.AppointmentStatusChanges.Where(c => c.AppointmentId == id).Select(c => c.ToStatus).SingleAsync()));
        Assert.Equal(12345, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == shop.VehicleId).Select(m => m.CurrentMileage).SingleAsync()));

        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/workorders/{order.Id}");
        Assert.Contains(order.WorkOrderNumber, page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/appointments/{id}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/customers/{shop.CustomerId}']"));
        Assert.NotNull(page.QuerySelector($"a[href='/vehicles/{shop.VehicleId}']"));
        Assert.Contains("12,345 km", page.Body!.TextContent);
        Assert.Contains("INR 1,950.00", page.QuerySelector("tfoot")!.TextContent);
    }

    [DatabaseFact]
    public async Task A_second_check_in_is_refused_with_a_link_to_the_existing_work_order()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));
        // Two desks open the check-in form before either submits.
        var first = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}/check-in");
        var second = await Forms.GetPageAsync(shop.Manager.Client, $"/appointments/{id}/check-in");

        using (var done = await BrowserForm.SubmitAsync(shop.Advisor.Client, first, "check-in", new Dictionary<string, string> { ["Input.Odometer"] = "11000" }))
            AppointmentScenario.AssertRedirectTo(done, "/workorders/");
        using var again = await BrowserForm.SubmitAsync(shop.Manager.Client, second, "check-in", new Dictionary<string, string> { ["Input.Odometer"] = "11000" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var order = await shop.DbAsync(db => db.WorkOrders.Where(w => w.AppointmentId == id).Select(w => new { w.Id, w.WorkOrderNumber }).SingleAsync());
        var page = await Forms.ParseAsync(again);
        Assert.Contains($"already checked in as work order {order.WorkOrderNumber}", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/workorders/{order.Id}']"));
        Assert.Equal(1, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.DealerId == shop.DealerId)));
    }

    [DatabaseFact]
    public async Task A_lower_odometer_reading_is_refused_and_nothing_is_saved()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/{id}/check-in", "check-in",
            new Dictionary<string, string> { ["Input.Odometer"] = (AppointmentScenario.StartingMileage - 1).ToString() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("last recorded reading of this vehicle is 10,000 km", AppointmentScenario.MessagesNextTo(await Forms.ParseAsync(response), "odometer"));
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.AppointmentId == id)));
        Assert.Equal(AppointmentStatus.Pending, await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Equal(AppointmentScenario.StartingMileage, await shop.DbAsync(db => db.VehicleMileages.Where(m => m.VehicleId == shop.VehicleId).Select(m => m.CurrentMileage).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Check_in_is_refused_on_another_day_and_for_a_cancelled_appointment()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var tomorrow = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow.Date.AddDays(1).AddHours(10)));
        var cancelled = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.Cancelled);

        foreach (var (id, reason) in new[] { (tomorrow, "Check-in is on the day of the appointment"), (cancelled, "this one is cancelled") })
        {
            var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}/check-in");
            Assert.Contains(reason, Forms.Alerts(page));
            Assert.Empty(page.QuerySelectorAll("input[name='_handler'][value='check-in']"));
            // Posted by hand all the same.
            using var response = await Forms.PostWithTokenAsync(shop.Advisor.Client, $"/appointments/{id}/check-in",
                new Dictionary<string, string> { ["_handler"] = "check-in", ["Input.Odometer"] = "20000" });
            Assert.False((int)response.StatusCode is >= 300 and < 400, $"Answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.Equal(0, await shop.DbAsync(db => db.WorkOrders.CountAsync(w => w.DealerId == shop.DealerId)));
    }

    [DatabaseFact]
    public async Task A_new_series_continues_after_work_orders_already_on_file()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        await shop.DbAsync(async db =>
        {
            await db.DealerSequences.Where(s => s.DealerId == shop.DealerId && s.Name == NumberingService.WorkOrders).ExecuteDeleteAsync();
            db.WorkOrders.Add(new WorkOrder
            {
                DealerId = shop.DealerId, WorkOrderNumber = "WO-000041", CustomerId = shop.CustomerId, VehicleId = shop.VehicleId,
                Status = WorkOrderStatus.Closed, OpenedAt = DateTime.UtcNow.AddYears(-1),
            });
            return await db.SaveChangesAsync();
        });
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));

        using var response = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/{id}/check-in", "check-in",
            new Dictionary<string, string> { ["Input.Odometer"] = "10100" });

        AppointmentScenario.AssertRedirectTo(response, "/workorders/");
        Assert.Equal($"WO-{shop.DealerCode}-000042", await shop.DbAsync(db => db.WorkOrders.Where(w => w.AppointmentId == id).Select(w => w.WorkOrderNumber).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Numbers_taken_at_the_same_moment_are_all_different_and_follow_on_from_each_other()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        const string series = "ConcurrencyProbe";

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NumberingService>().NextAsync(shop.DealerId, series);
        })));

        Assert.Equal(24, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 24).Select(n => (long)n), numbers.Order());
        Assert.Equal(25, await shop.DbAsync(db => db.DealerSequences.Where(s => s.DealerId == shop.DealerId && s.Name == series).Select(s => s.NextValue).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Two_desks_checking_in_two_cars_at_the_same_moment_get_different_work_order_numbers()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var first = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), withServices: false);
        var second = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), withServices: false);
        var forms = await Task.WhenAll(
            Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{first}/check-in"),
            Forms.GetPageAsync(shop.Manager.Client, $"/appointments/{second}/check-in"));

        var responses = await Task.WhenAll(
            BrowserForm.SubmitAsync(shop.Advisor.Client, forms[0], "check-in", new Dictionary<string, string> { ["Input.Odometer"] = "15000" }),
            BrowserForm.SubmitAsync(shop.Manager.Client, forms[1], "check-in", new Dictionary<string, string> { ["Input.Odometer"] = "15000" }));

        foreach (var response in responses) AppointmentScenario.AssertRedirectTo(response, "/workorders/");
        var numbers = await shop.DbAsync(db => db.WorkOrders.Where(w => w.DealerId == shop.DealerId).Select(w => w.WorkOrderNumber).ToListAsync());
        Assert.Equal(2, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(WorkOrderNumber(), n));
    }

    [DatabaseFact]
    public async Task Another_dealers_appointment_and_work_order_answer_404_on_every_page()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow));
        using (var done = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/{id}/check-in", "check-in", new Dictionary<string, string> { ["Input.Odometer"] = "10500" }))
            AppointmentScenario.AssertRedirectTo(done, "/workorders/");
        var order = await shop.DbAsync(db => db.WorkOrders.Where(w => w.AppointmentId == id).Select(w => w.Id).SingleAsync());
        var otherDealer = await app.UserAsync("manager@d2.motortrace.test");

        foreach (var path in new[] { $"/appointments/{id}", $"/appointments/{id}/edit", $"/appointments/{id}/check-in", $"/workorders/{order}",
                     $"/appointments/new?vehicleId={shop.VehicleId}", $"/appointments/new?customerId={shop.CustomerId}", $"/workorders/{Guid.NewGuid()}" })
        {
            using var response = await otherDealer.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to another dealer's manager.");
        }
    }

    [GeneratedRegex(@"^WO-D\d{3}-\d{6}$")]
    private static partial Regex WorkOrderNumber();
}
