using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAppointmentStatusTests(SqliteFactory app) : AppointmentStatusTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAppointmentStatusTests(PostgresFactory app) : AppointmentStatusTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The appointment life cycle on /appointments/{id}: Pending → Confirmed → (check-in) InProgress → Completed,
/// or Cancelled (with a reason) / NoShow (after the start); every step is a history row, anything else is refused.
/// </summary>
public abstract class AppointmentStatusTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task Confirming_a_pending_appointment_records_who_and_when_in_its_history()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));

        using var response = await ChangeAsync(shop, id, AppointmentStatus.Confirmed);

        AppointmentScenario.AssertRedirectTo(response, $"/appointments/{id}");
        Assert.Equal(AppointmentStatus.Confirmed, await StatusAsync(shop, id));
        var change = await shop.DbAsync(db => db.AppointmentStatusChanges.AsNoTracking().SingleAsync(c => c.AppointmentId == id));
        Assert.Equal((AppointmentStatus.Pending, AppointmentStatus.Confirmed, shop.Advisor.UserId), (change.FromStatus, change.ToStatus, change.ChangedById));
        Assert.True(app.Clock.GetUtcNow().UtcDateTime - change.ChangedAt < TimeSpan.FromMinutes(1));
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");
        Assert.Contains("Test Advisor", page.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card-header")?.TextContent.Trim() == "History").TextContent);
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
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>($"input[name='{Forms.AntiforgeryField}']")!.Value;
        var version = await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

        // Posted by hand: the page offers no button for it.
        using var response = await shop.Advisor.Client.PostAsync($"/appointments/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["_handler"] = "status",
            ["Status.To"] = to.ToString(),
            ["Status.Version"] = version.ToString(),
            ["Status.Note"] = "Because",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = Forms.Alerts(await Forms.ParseAsync(response));
        Assert.True(alerts.Contains("cannot become") || alerts.Contains("starts by checking the car in"), alerts);
        Assert.Equal(from, await StatusAsync(shop, id));
        Assert.Equal(0, await shop.DbAsync(db => db.AppointmentStatusChanges.CountAsync(c => c.AppointmentId == id)));
    }

    [DatabaseFact]
    public async Task Cancelling_needs_a_reason_which_is_kept_on_the_appointment_and_in_the_history()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)), AppointmentStatus.Confirmed);

        using (var noReason = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/{id}", "cancel"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("Give the reason", AppointmentScenario.MessagesNextTo(await Forms.ParseAsync(noReason), "cancel-reason"));
        }
        Assert.Equal(AppointmentStatus.Confirmed, await StatusAsync(shop, id));

        using var cancelled = await BrowserForm.SubmitAsync(shop.Advisor.Client, $"/appointments/{id}", "cancel",
            new Dictionary<string, string> { ["Cancellation.Note"] = "Customer sold the car" });

        AppointmentScenario.AssertRedirectTo(cancelled, $"/appointments/{id}");
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

        var before = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{later}");
        Assert.DoesNotContain(before.QuerySelectorAll("button[name='Status.To']"), b => b.GetAttribute("value") == nameof(AppointmentStatus.NoShow));
        using (var refused = await ChangeAsync(shop, later, AppointmentStatus.NoShow))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("only after the start time", Forms.Alerts(await Forms.ParseAsync(refused)));
        }
        Assert.Equal(AppointmentStatus.Pending, await StatusAsync(shop, later));

        using var recorded = await ChangeAsync(shop, earlier, AppointmentStatus.NoShow);

        AppointmentScenario.AssertRedirectTo(recorded, $"/appointments/{earlier}");
        Assert.Equal(AppointmentStatus.NoShow, await StatusAsync(shop, earlier));
        Assert.Equal(AppointmentStatus.NoShow, await shop.DbAsync(db => db.AppointmentStatusChanges.Where(c => c.AppointmentId == earlier).Select(c => c.ToStatus).SingleAsync()));
    }

    [DatabaseFact]
    public async Task Completing_follows_check_in_and_a_stale_status_form_is_refused_as_a_conflict()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.LocalNow), AppointmentStatus.InProgress);
        var stale = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");

        using (var completed = await ChangeAsync(shop, id, AppointmentStatus.Completed))
            AppointmentScenario.AssertRedirectTo(completed, $"/appointments/{id}");
        Assert.Equal(AppointmentStatus.Completed, await StatusAsync(shop, id));

        using var conflict = await BrowserForm.SubmitAsync(shop.Advisor.Client, stale, "status",
            new Dictionary<string, string> { ["Status.To"] = nameof(AppointmentStatus.Completed) });
        Assert.Contains("Someone else changed this appointment", Forms.Alerts(await Forms.ParseAsync(conflict)));
        Assert.Equal(1, await shop.DbAsync(db => db.AppointmentStatusChanges.CountAsync(c => c.AppointmentId == id)));
    }

    [DatabaseFact]
    public async Task A_technician_sees_the_appointment_without_status_buttons_and_cannot_change_it_by_posting()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var id = await shop.InsertAsync(AppointmentScenario.ToUtc(shop.Next(DayOfWeek.Wednesday, 10)));

        var page = await Forms.GetPageAsync(shop.Technician.Client, $"/appointments/{id}");
        Assert.Empty(page.QuerySelectorAll("button[name='Status.To']"));
        Assert.Empty(page.QuerySelectorAll($"a[href='/appointments/{id}/edit'], a[href='/appointments/{id}/check-in']"));

        var version = await shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        using var response = await Forms.PostWithTokenAsync(shop.Technician.Client, $"/appointments/{id}", new Dictionary<string, string>
        {
            ["_handler"] = "status",
            ["Status.To"] = nameof(AppointmentStatus.Confirmed),
            ["Status.Version"] = version.ToString(),
        });
        Assert.False((int)response.StatusCode is >= 300 and < 400, $"Answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(AppointmentStatus.Pending, await StatusAsync(shop, id));
    }

    /// <summary>Presses a status button the way the page's "status" form posts it (also for buttons the page does not show).</summary>
    private static async Task<HttpResponseMessage> ChangeAsync(AppointmentScenario shop, Guid id, AppointmentStatus to)
    {
        var page = await Forms.GetPageAsync(shop.Advisor.Client, $"/appointments/{id}");
        return await BrowserForm.SubmitAsync(shop.Advisor.Client, page, "status", new Dictionary<string, string> { ["Status.To"] = to.ToString() });
    }

    private static Task<AppointmentStatus> StatusAsync(AppointmentScenario shop, Guid id) =>
        shop.DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
