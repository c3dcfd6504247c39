using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.Vehicles;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Vehicles;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The vehicle page's tabs and form fields rendered with bUnit over the real services of a signed-in demo user (the
/// SQLite app): what the user sees, and the confirmations before an odometer correction and a delete.
/// </summary>
[Trait("Category", "Component")]
public sealed class VehicleTabsTests : MudComponentTest, IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";

    private readonly SqliteFactory app;
    private readonly VehicleTestData _data;
    private AsyncServiceScope? _scope;

    public VehicleTabsTests(SqliteFactory app)
    {
        this.app = app;
        _data = new VehicleTestData(app);
        // The components get the app's own services, from the scope of the user the test acts as (ActAsAsync).
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    /// <summary>What bUnit does not have itself comes from the app, as the user of <see cref="ActAsAsync"/>.</summary>
    private sealed class AppServices(VehicleTabsTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private T FromApp<T>() where T : notnull =>
        (_scope ?? throw new InvalidOperationException("Call ActAsAsync first.")).ServiceProvider.GetRequiredService<T>();

    /// <summary>The app's services as <paramref name="email"/> sees them, handed to the bUnit renderer.</summary>
    private async Task ActAsAsync(string email)
    {
        _scope = await app.ScopeAsAsync(email);
        await FromApp<DealerContext>().LoadAsync();
    }

    /// <summary>The providers as MainLayout renders them, keeping the dialog provider, where the dialogs appear.</summary>
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<T> Tab) RenderTab<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render(parameters));
    }

    private async Task<VehicleHeader> HeaderAsync(Vehicle vehicle) =>
        (await FromApp<VehicleService>().GetHeaderAsync(vehicle.Id))!;

    [DatabaseFact]
    public async Task A_manager_confirms_a_lower_reading_in_a_dialog_before_it_is_recorded_as_a_correction()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        await ActAsAsync(Manager);
        var header = await HeaderAsync(vehicle);
        var (dialogs, tab) = RenderTab<VehicleMileageTab>(p => p.Add(t => t.Vehicle, header).Add(t => t.CanWrite, true).Add(t => t.CanApproveCorrection, true));

        tab.Find("input[inputmode=numeric]").Change("44000");
        tab.FindAll("input[type=checkbox]").Single().Change(true);
        tab.Find("form").Submit();

        var dialog = dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        Assert.Contains("The last reading was 45,210 km. 44,000 km will be recorded as a correction approved by you.", dialog.TextContent);
        Assert.False(await app.WithDbAsync(db => db.MileageEntries.AnyAsync(e => e.VehicleId == vehicle.Id)));

        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Record correction", StringComparison.OrdinalIgnoreCase)).Click();

        await tab.WaitForAssertionAsync(async () =>
            Assert.True(await app.WithDbAsync(db => db.MileageEntries.AnyAsync(e => e.VehicleId == vehicle.Id && e.IsOdometerCorrection && e.Mileage == 44_000))),
            TimeSpan.FromSeconds(5));
    }

    [DatabaseFact]
    public async Task An_advisor_sees_no_correction_box_and_a_lower_reading_is_refused_at_the_odometer_field()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        await ActAsAsync(Advisor);
        var header = await HeaderAsync(vehicle);
        var tab = RenderWithProviders<VehicleMileageTab>(p => p.Add(t => t.Vehicle, header).Add(t => t.CanWrite, true));

        Assert.Empty(tab.FindAll("input[type=checkbox]"));
        tab.Find("input[inputmode=numeric]").Change("44000");
        tab.Find("form").Submit();

        tab.WaitForAssertion(() => Assert.Contains("a lower reading needs a manager's odometer correction", tab.Find(".mud-input-error").TextContent),
            TimeSpan.FromSeconds(5));
        Assert.Equal("45,210 km", tab.FindAll(".mud-typography-h6")[0].TextContent.Trim());
    }

    [DatabaseFact]
    public async Task A_reader_sees_the_readings_without_the_form()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync(odometer: 45_210);
        await ActAsAsync(Advisor);
        var header = await HeaderAsync(vehicle);
        var tab = RenderWithProviders<VehicleMileageTab>(p => p.Add(t => t.Vehicle, header).Add(t => t.CanWrite, false));

        Assert.Empty(tab.FindAll("form"));
        Assert.DoesNotContain("Record a reading", tab.Markup);
    }

    [DatabaseFact]
    public async Task Deleting_an_expense_asks_first_and_keeping_it_deletes_nothing()
    {
        var vehicle = await _data.VehicleOfNewCustomerAsync();
        var expense = await _data.ExpenseAsync(vehicle, ExpenseCategory.Parking, 250m, new DateOnly(2026, 2, 1));
        await ActAsAsync(Advisor);
        var header = await HeaderAsync(vehicle);
        var (dialogs, tab) = RenderTab<VehicleExpensesTab>(p => p.Add(t => t.Vehicle, header).Add(t => t.CanWrite, true));

        var delete = tab.WaitForElement("button[aria-label^='Delete the parking expense']", TimeSpan.FromSeconds(5));
        delete.Click();
        var dialog = dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        Assert.Contains("INR 250.00", dialog.TextContent);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Keep it", StringComparison.OrdinalIgnoreCase)).Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), TimeSpan.FromSeconds(5));
        Assert.True(await app.WithDbAsync(db => db.CarExpenses.AnyAsync(e => e.Id == expense.Id)));
    }

    [DatabaseFact]
    public async Task Typing_a_vin_already_registered_here_names_and_links_the_other_vehicle()
    {
        var owner = await _data.CustomerAsync(name: "Asha Rao");
        var existing = await _data.VehicleAsync(owner, plate: "MH 12 AB 1234");
        await ActAsAsync(Advisor);
        var form = new VehicleForm();
        var fields = Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, new EditContext(form))
            .AddChildContent<VehicleFormFields>(f => f.Add(x => x.Input, form).Add(x => x.IsNew, true)));

        fields.Find("input[maxlength='25']").Input(existing.Vin);

        var link = fields.WaitForElement($"a[href='/vehicles/{existing.Id}']", TimeSpan.FromSeconds(5));
        Assert.Equal("Asha Rao's 2022 Volkswagen Virtus (MH 12 AB 1234)", link.TextContent.Trim());
        Assert.Empty(fields.FindAll("input[type=checkbox]"));
    }

    [DatabaseFact]
    public async Task A_north_american_vin_with_a_wrong_check_digit_asks_to_confirm_it_as_typed()
    {
        await ActAsAsync(Advisor);
        var form = new VehicleForm();
        var fields = Render<CascadingValue<EditContext>>(p => p.Add(c => c.Value, new EditContext(form))
            .AddChildContent<VehicleFormFields>(f => f.Add(x => x.Input, form).Add(x => x.IsNew, true)));

        fields.Find("input[maxlength='25']").Input(VehicleTestData.NewNorthAmericanVin(rightCheckDigit: false));

        fields.WaitForAssertion(() => Assert.Contains("The VIN is right as typed", fields.Markup), TimeSpan.FromSeconds(5));
        Assert.NotNull(fields.Find("[data-vin-warning]"));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_scope is { } scope) await scope.DisposeAsync();
        await base.DisposeAsync();
    }
}
