using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteSettingsServiceTests(SqliteFactory app) : SettingsServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresSettingsServiceTests(PostgresFactory app) : SettingsServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>/settings (<see cref="DealerSettingsService"/>): a dealer's shop hours, capacity, tax, currency and invoice terms, for its manager.</summary>
public abstract class SettingsServiceTests(MotorTraceFactory app)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static int _nextDealer = 800;

    [DatabaseFact]
    public async Task A_dealer_without_settings_sees_the_defaults_and_reading_them_writes_nothing()
    {
        var (dealerId, manager) = await NewDealerAsync();

        var form = await AsManager(manager, s => s.GetFormAsync());

        Assert.NotNull(form);
        Assert.Equal(DayOfWeek.Monday, form.Days[0].Day);
        Assert.True(form.Days[0].IsOpen, "Monday is open by default.");
        Assert.False(form.Days[6].IsOpen, "Sunday is closed by default.");
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (form.Days[0].OpensAt, form.Days[5].ClosesAt));
        Assert.Equal("INR", form.CurrencyCode);
        Assert.Equal(Guid.Empty, form.Version);
        Assert.Equal(0, await app.WithDbAsync(db => db.DealerSettings.CountAsync(s => s.DealerId == dealerId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.DealerShopHours.CountAsync(h => h.DealerId == dealerId)));
    }

    [DatabaseFact]
    public async Task The_first_save_creates_the_rows_and_booking_follows_the_new_hours()
    {
        var (dealerId, manager) = await NewDealerAsync();

        var result = await AsManager(manager, async s =>
        {
            var form = (await s.GetFormAsync())!;
            form.Days[5].IsOpen = false; // Saturday
            form.Days[0].OpensAt = new TimeOnly(7, 30); // Monday
            form.MaxAppointmentsPerBlock = 5;
            form.BlockMinutes = 20;
            form.TaxRatePercent = 12.5m;
            form.CurrencyCode = "eur";
            form.InvoiceTerms = "Payable on collection.";
            return await s.SaveAsync(form);
        });

        Assert.True(result.Succeeded, Describe(result));
        var settings = await app.WithDbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == dealerId));
        Assert.Equal((5, 20, 12.5m, "EUR", "Payable on collection."),
            (settings.MaxAppointmentsPerBlock, settings.BlockMinutes, settings.TaxRatePercent, settings.CurrencyCode, settings.InvoiceTerms));
        var hours = await app.WithDbAsync(db => db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == dealerId).ToListAsync());
        Assert.Equal(7, hours.Count);
        Assert.False(hours.Single(h => h.DayOfWeek == DayOfWeek.Saturday).IsOpen);
        Assert.Equal(new TimeOnly(7, 30), hours.Single(h => h.DayOfWeek == DayOfWeek.Monday).OpensAt);

        // The booking rules read these settings: 07:40 on a Monday is now bookable, a Saturday is not.
        var rules = await AsManager(manager, s => s.GetRulesAsync(dealerId));
        var booking = new BookingRules(app.Clock);
        Assert.Empty(booking.Check(rules, Zone, Next(DayOfWeek.Monday, 7, 40), 20, default));
        Assert.Contains(booking.Check(rules, Zone, Next(DayOfWeek.Saturday, 10, 0), 20, default),
            p => p.Rule == BookingRule.ClosedDay && p.Message.Contains("closed on Saturdays"));
    }

    [DatabaseFact]
    public async Task After_a_currency_change_the_managers_open_session_shows_money_in_the_new_currency()
    {
        var (_, manager) = await NewDealerAsync();
        await using var scope = await app.ScopeAsAsync(manager);
        var dealer = scope.ServiceProvider.GetRequiredService<DealerContext>();
        await dealer.LoadAsync();
        Assert.Equal("INR", dealer.Currency);
        var settings = scope.ServiceProvider.GetRequiredService<DealerSettingsService>();

        var form = (await settings.GetFormAsync())!;
        form.CurrencyCode = "EUR";
        var result = await settings.SaveAsync(form);

        Assert.True(result.Succeeded, Describe(result));
        Assert.Equal("EUR", dealer.Currency);
    }

    [DatabaseFact]
    public async Task Closing_before_opening_a_bad_block_length_or_an_unknown_currency_is_refused_at_the_field_and_nothing_changes()
    {
        var (dealerId, manager) = await NewDealerAsync();
        await AsManager(manager, async s => await s.SaveAsync((await s.GetFormAsync())!));
        var before = await app.WithDbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == dealerId));

        var result = await AsManager(manager, async s =>
        {
            var form = (await s.GetFormAsync())!;
            form.Days[2].OpensAt = new TimeOnly(10, 0);
            form.Days[2].ClosesAt = new TimeOnly(9, 30);
            form.BlockMinutes = 25;
            form.CurrencyCode = "XYZ";
            form.MaxAppointmentsPerBlock = 3;
            return await s.SaveAsync(form);
        });

        Assert.Contains(result.Errors, e => e.Field == "Days[2].ClosesAt" && e.Message.Contains("Closing time must be after opening time (10:00)"));
        Assert.Contains(result.Errors, e => e.Field == nameof(DealerSettingsForm.BlockMinutes) && e.Message.Contains("15, 20, 30 or 60"));
        Assert.Contains(result.Errors, e => e.Field == nameof(DealerSettingsForm.CurrencyCode) && e.Message.Contains("ISO 4217"));
        var after = await app.WithDbAsync(db => db.DealerSettings.AsNoTracking().SingleAsync(s => s.DealerId == dealerId));
        Assert.Equal((before.Version, before.MaxAppointmentsPerBlock), (after.Version, after.MaxAppointmentsPerBlock));
        Assert.Equal(new TimeOnly(18, 0), await app.WithDbAsync(db => db.DealerShopHours
            .Where(h => h.DealerId == dealerId && h.DayOfWeek == DayOfWeek.Wednesday).Select(h => h.ClosesAt).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_stale_settings_form_is_refused_even_when_only_the_hours_changed_and_says_who_changed_it_when()
    {
        var (dealerId, manager) = await NewDealerAsync();
        await AsManager(manager, async s => await s.SaveAsync((await s.GetFormAsync())!));
        var stale = (await AsManager(manager, s => s.GetFormAsync()))!;

        var first = await AsManager(manager, async s =>
        {
            var form = (await s.GetFormAsync())!;
            form.Days[1].ClosesAt = new TimeOnly(17, 0);
            return await s.SaveAsync(form);
        });
        stale.Days[3].ClosesAt = new TimeOnly(16, 0);
        var second = await AsManager(manager, s => s.SaveAsync(stale));

        Assert.True(first.Succeeded, Describe(first));
        var conflict = Assert.Single(second.Errors);
        Assert.Equal("", conflict.Field);
        var savedAt = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Zone);
        Assert.Contains($"changed by Test Manager {dealerId.ToString()[..4]} at {savedAt:HH:mm}", conflict.Message);
        var hours = await app.WithDbAsync(db => db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == dealerId).ToDictionaryAsync(h => h.DayOfWeek, h => h.ClosesAt));
        Assert.Equal((new TimeOnly(17, 0), new TimeOnly(18, 0)), (hours[DayOfWeek.Tuesday], hours[DayOfWeek.Thursday]));
    }

    [DatabaseFact]
    public async Task A_manufacturer_manager_in_all_dealers_gets_no_form_and_cannot_save()
    {
        var network = await app.CreateUserAsync(Roles.Manager, dealer: null);

        var form = await AsManager(network, s => s.GetFormAsync());
        var saved = await AsManager(network, s => s.SaveAsync(new DealerSettingsForm()));

        Assert.Null(form);
        Assert.Equal(ServiceResult.NoDealerChosen, saved);
    }

    private Task<T> AsManager<T>(string email, Func<DealerSettingsService, Task<T>> work) => app.AsUserAsync(email, work);

    /// <summary>A dealer of this test alone (no settings rows: it runs on the defaults) and its manager.</summary>
    private async Task<(Guid DealerId, string Manager)> NewDealerAsync()
    {
        var number = Interlocked.Increment(ref _nextDealer);
        var dealer = new Dealer { DealerCode = $"D{number:000}", Name = $"Settings Workshop {number}", Country = "India", TimeZoneId = Zone.Id };
        await app.WithDbAsync(db =>
        {
            db.Dealers.Add(dealer);
            return db.SaveChangesAsync();
        });
        return (dealer.Id, await app.CreateUserAsync(Roles.Manager, number, $"Test Manager {dealer.Id.ToString()[..4]}"));
    }

    private DateTime Next(DayOfWeek day, int hour, int minute)
    {
        var date = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Zone).Date.AddDays(3);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        return date.AddHours(hour).AddMinutes(minute);
    }

    private static string Describe(ServiceResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));
}
