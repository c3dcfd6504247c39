using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteSettingsTests(SqliteFactory app) : SettingsTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresSettingsTests(PostgresFactory app) : SettingsTests(app), IClassFixture<PostgresFactory>;

/// <summary>/settings: a dealer's shop hours, capacity, tax, currency and invoice terms, for its manager.</summary>
public abstract class SettingsTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task A_dealer_without_settings_sees_the_defaults_and_reading_them_writes_nothing()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        await shop.DbAsync(async db =>
        {
            await db.DealerShopHours.Where(h => h.DealerId == shop.DealerId).ExecuteDeleteAsync();
            return await db.DealerSettings.Where(s => s.DealerId == shop.DealerId).ExecuteDeleteAsync();
        });

        var page = await Forms.GetPageAsync(shop.Manager.Client, "/settings");

        Assert.True(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#open-0")!.IsChecked, "Monday is open by default.");
        Assert.False(page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#open-6")!.IsChecked, "Sunday is closed by default.");
        Assert.Equal("09:00:00", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#opens-0")!.Value);
        Assert.Equal("18:00:00", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#closes-5")!.Value);
        Assert.Equal("INR", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#currency")!.Value);
        Assert.Equal(0, await shop.DbAsync(db => db.DealerSettings.CountAsync(s => s.DealerId == shop.DealerId)));
        Assert.Equal(0, await shop.DbAsync(db => db.DealerShopHours.CountAsync(h => h.DealerId == shop.DealerId)));
    }

    [DatabaseFact]
    public async Task The_first_save_creates_the_rows_and_booking_follows_the_new_hours()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        await shop.DbAsync(async db =>
        {
            await db.DealerShopHours.Where(h => h.DealerId == shop.DealerId).ExecuteDeleteAsync();
            return await db.DealerSettings.Where(s => s.DealerId == shop.DealerId).ExecuteDeleteAsync();
        });

        // Saturday (row 5) closes, Monday (row 0) opens at 07:30; capacity and money fields change.
        using var response = await BrowserForm.SubmitAsync(shop.Manager.Client, "/settings", "dealer-settings", new Dictionary<string, string>
        {
            ["Input.Days[5].IsOpen"] = BrowserForm.Unchecked,
            ["Input.Days[0].OpensAt"] = "07:30",
            ["Input.MaxAppointmentsPerBlock"] = "5",
            ["Input.BlockMinutes"] = "20",
            ["Input.TaxRatePercent"] = "12.5",
            ["Input.CurrencyCode"] = "eur",
            ["Input.InvoiceTerms"] = "Payable on collection.",
        });

        AppointmentScenario.AssertRedirectTo(response, "/settings");
        var settings = await shop.DbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == shop.DealerId));
        Assert.Equal((5, 20, 12.5m, "EUR", "Payable on collection."),
            (settings.MaxAppointmentsPerBlock, settings.BlockMinutes, settings.TaxRatePercent, settings.CurrencyCode, settings.InvoiceTerms));
        var hours = await shop.DbAsync(db => db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == shop.DealerId).ToListAsync());
        Assert.Equal(7, hours.Count);
        Assert.False(hours.Single(h => h.DayOfWeek == DayOfWeek.Saturday).IsOpen);
        Assert.Equal(new TimeOnly(7, 30), hours.Single(h => h.DayOfWeek == DayOfWeek.Monday).OpensAt);

        var early = await shop.BookAsync(shop.Advisor, shop.Next(DayOfWeek.Monday, 7, 40));
        Assert.True(early.Succeeded, AppointmentScenario.MessagesAt(early.Result, "Start"));
        var saturday = await shop.BookAsync(shop.Advisor, shop.Next(DayOfWeek.Saturday, 10));
        Assert.Contains("closed on Saturdays", AppointmentScenario.MessagesAt(saturday.Result, "Start"));
    }

    [DatabaseFact]
    public async Task Closing_before_opening_a_bad_block_length_or_an_unknown_currency_is_refused_and_nothing_changes()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var before = await shop.DbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == shop.DealerId));

        using var response = await BrowserForm.SubmitAsync(shop.Manager.Client, "/settings", "dealer-settings", new Dictionary<string, string>
        {
            ["Input.Days[2].OpensAt"] = "10:00",
            ["Input.Days[2].ClosesAt"] = "09:30",
            ["Input.BlockMinutes"] = "25",
            ["Input.CurrencyCode"] = "XYZ",
            ["Input.MaxAppointmentsPerBlock"] = "3",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Closing time must be after opening time (10:00)", AppointmentScenario.MessagesNextTo(page, "closes-2"));
        Assert.Contains("15, 20, 30 or 60", AppointmentScenario.MessagesNextTo(page, "block"));
        Assert.Contains("ISO 4217", AppointmentScenario.MessagesNextTo(page, "currency"));
        var after = await shop.DbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == shop.DealerId));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(new TimeOnly(18, 0), await shop.DbAsync(db => db.DealerShopHours.Where(h => h.DealerId == shop.DealerId && h.DayOfWeek == DayOfWeek.Wednesday).Select(h => h.ClosesAt).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_stale_settings_form_is_refused_even_when_only_the_hours_changed()
    {
        var shop = await AppointmentScenario.ForAsync(app);
        await shop.ResetAsync();
        var stale = await Forms.GetPageAsync(shop.Manager.Client, "/settings");

        using (var first = await BrowserForm.SubmitAsync(shop.Manager.Client, "/settings", "dealer-settings",
                   new Dictionary<string, string> { ["Input.Days[1].ClosesAt"] = "17:00" }))
            AppointmentScenario.AssertRedirectTo(first, "/settings");
        using var second = await BrowserForm.SubmitAsync(shop.Manager.Client, stale, "dealer-settings",
            new Dictionary<string, string> { ["Input.Days[3].ClosesAt"] = "16:00" });

        Assert.Contains("Someone else changed", Forms.Alerts(await Forms.ParseAsync(second)));
        var hours = await shop.DbAsync(db => db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == shop.DealerId).ToDictionaryAsync(h => h.DayOfWeek, h => h.ClosesAt));
        Assert.Equal((new TimeOnly(17, 0), new TimeOnly(18, 0)), (hours[DayOfWeek.Tuesday], hours[DayOfWeek.Thursday]));
    }

    [DatabaseFact]
    public async Task A_manufacturer_manager_in_all_dealers_is_asked_to_choose_a_dealer_and_an_advisor_is_denied()
    {
        var network = await app.SignInAsync(await app.CreateUserAsync(Roles.Manager, dealer: null));
        var page = await Forms.GetPageAsync(network.Client, "/settings");
        Assert.Contains("Choose a dealer", page.Body!.TextContent);
        Assert.Empty(page.QuerySelectorAll("input[name='_handler'][value='dealer-settings']"));

        var shop = await AppointmentScenario.ForAsync(app);
        using var advisor = await shop.Advisor.Client.GetAsync("/settings");
        Assert.True(AccountFlow.IsRedirectTo(advisor, AccountFlow.AccessDeniedPath), $"Answered {(int)advisor.StatusCode}");
    }
}
