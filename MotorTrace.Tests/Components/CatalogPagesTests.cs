using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.Catalog;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Catalog;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The canned-service and labor pages rendered with bUnit over the real services of a signed-in demo user (the SQLite
/// app): the steps in order with their controls, what a reader sees, and the confirmations before a removal.
/// </summary>
[Trait("Category", "Component")]
public sealed class CatalogPagesTests : MudComponentTest, IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private const string Manager = "manager@d1.motortrace.test";
    private const string Advisor = "advisor@d1.motortrace.test";

    private readonly SqliteFactory app;
    private AsyncServiceScope? _scope;

    public CatalogPagesTests(SqliteFactory app)
    {
        this.app = app;
        // The pages get the app's own services, from the scope of the user the test acts as (ActAsAsync).
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    private sealed class AppServices(CatalogPagesTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private async Task ActAsAsync(string email)
    {
        _scope = await app.ScopeAsAsync(email);
        await _scope.Value.ServiceProvider.GetRequiredService<DealerContext>().LoadAsync();
    }

    /// <summary>The providers as MainLayout renders them, keeping the dialog provider, where the dialogs appear.</summary>
    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<T> Page) RenderPage<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render(parameters));
    }

    [DatabaseFact]
    public async Task The_steps_show_in_order_with_their_minutes_and_notes_and_the_first_cannot_move_up_nor_the_last_down()
    {
        var (serviceId, labor) = await ServiceWithStepsAsync(duration: 120, ("PM-INSP", 60, null, null), ("PM-OIL", 30, "40", "Use 5W-30"), ("WASH", 30, null, null));
        await ActAsAsync(Manager);

        var (_, page) = RenderPage<ServiceEdit>(p => p.Add(e => e.Id, serviceId));

        var rows = page.WaitForElements("[data-step-id]", TimeSpan.FromSeconds(5));
        Assert.Equal(3, rows.Count);
        Assert.Contains(labor[0], rows[0].TextContent);
        Assert.Contains("Step 1:", rows[0].TextContent);
        Assert.DoesNotContain("book time", rows[0].TextContent);
        Assert.Contains("40 min", rows[1].TextContent);
        Assert.Contains("book time 30 min", rows[1].TextContent);
        Assert.Contains("Use 5W-30", rows[1].TextContent);
        Assert.True(page.Find("button[aria-label='Move step 1 up']").HasAttribute("disabled"));
        Assert.False(page.Find("button[aria-label='Move step 1 down']").HasAttribute("disabled"));
        Assert.True(page.Find("button[aria-label='Move step 3 down']").HasAttribute("disabled"));
        var total = page.Find("[data-testid='labor-total']");
        Assert.Equal("Labor 2 h 10 min of 2 h booked", Normalize(total.TextContent));
        Assert.Equal("true", total.GetAttribute("data-over"));
        Assert.Contains("Labor steps add up to 2 h 10 min: more than the booked duration.", page.Markup);
    }

    [DatabaseFact]
    public async Task Moving_a_step_down_saves_the_new_order_and_shows_it()
    {
        var (serviceId, labor) = await ServiceWithStepsAsync(duration: 120, ("A", 30, null, null), ("B", 30, null, null));
        await ActAsAsync(Manager);
        var (_, page) = RenderPage<ServiceEdit>(p => p.Add(e => e.Id, serviceId));

        page.WaitForElement("button[aria-label='Move step 1 down']", TimeSpan.FromSeconds(5)).Click();

        page.WaitForAssertion(() => Assert.Contains(labor[1], page.FindAll("[data-step-id]")[0].TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal([labor[1], labor[0]], await app.WithDbAsync(db => db.CannedServiceLabor.Where(l => l.CannedServiceId == serviceId)
            .OrderBy(l => l.Sequence).Select(l => l.LaborCatalog.Code).ToListAsync()));
    }

    [DatabaseFact]
    public async Task Removing_a_step_asks_first_keeping_it_removes_nothing_and_confirming_removes_it()
    {
        var (serviceId, labor) = await ServiceWithStepsAsync(duration: 60, ("RM", 30, null, null));
        await ActAsAsync(Manager);
        var (dialogs, page) = RenderPage<ServiceEdit>(p => p.Add(e => e.Id, serviceId));

        page.WaitForElement($"button[aria-label='Remove step 1 ({labor[0]})']", TimeSpan.FromSeconds(5)).Click();
        var dialog = dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        Assert.Contains($"Step 1, {labor[0]}", dialog.TextContent);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Keep it")).Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), TimeSpan.FromSeconds(5));
        Assert.True(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));

        page.Find($"button[aria-label='Remove step 1 ({labor[0]})']").Click();
        dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-step-id]")), TimeSpan.FromSeconds(5));
        Assert.False(await app.WithDbAsync(db => db.CannedServiceLabor.AnyAsync(l => l.CannedServiceId == serviceId)));
        Assert.Contains("No labor steps yet.", page.Markup);
    }

    [DatabaseFact]
    public async Task Adding_a_step_without_an_operation_or_with_bad_minutes_shows_each_message_at_its_field_and_keeps_what_was_typed()
    {
        var (serviceId, _) = await ServiceWithStepsAsync(duration: 60, ("OPT", 30, null, null));
        await ActAsAsync(Manager);
        var (_, page) = RenderPage<ServiceEdit>(p => p.Add(e => e.Id, serviceId));

        page.WaitForElement("#step-minutes").Change("90 min");
        page.FindAll("button").Single(b => b.TextContent.Contains("Add step")).Click();

        page.WaitForAssertion(() =>
        {
            var errors = page.FindAll(".mud-input-error").Select(e => e.TextContent).ToList();
            Assert.Contains(errors, e => e.Contains("Choose an active labor operation"));
            Assert.Contains(errors, e => e.Contains("whole minutes"));
        }, TimeSpan.FromSeconds(5));
        Assert.Equal("90 min", page.Find("#step-minutes").GetAttribute("value"));
        Assert.Single(page.FindAll("[data-step-id]"));
    }

    [DatabaseFact]
    public async Task A_reader_sees_the_service_with_its_steps_but_no_control_and_read_only_fields()
    {
        var (serviceId, _) = await ServiceWithStepsAsync(duration: 60, ("RO", 30, null, null));
        await ActAsAsync(Advisor);

        var (_, page) = RenderPage<ServiceEdit>(p => p.Add(e => e.Id, serviceId));

        page.WaitForElements("[data-step-id]", TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("button[aria-label^='Move'], button[aria-label^='Remove']"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Save changes") || b.TextContent.Contains("Add step")
                                                            || b.TextContent.Contains("Archive") || b.TextContent.Contains("Delete"));
        Assert.NotNull(page.Find("#service-name").GetAttribute("readonly"));
    }

    [DatabaseFact]
    public async Task A_used_labor_operation_offers_deactivation_but_no_delete_and_lists_the_services_using_it()
    {
        var (serviceId, labor) = await ServiceWithStepsAsync(duration: 60, ("USED", 30, null, null));
        var laborId = await app.WithDbAsync(db => db.LaborCatalog.Where(l => l.Code == labor[0]).Select(l => l.Id).SingleAsync());
        await ActAsAsync(Manager);

        var (_, page) = RenderPage<LaborEdit>(p => p.Add(e => e.Id, laborId));

        page.WaitForAssertion(() => Assert.Contains("so it cannot be deleted", page.Markup), TimeSpan.FromSeconds(5));
        Assert.NotNull(page.Find($"a[href='/catalog/services/{serviceId}']"));
        Assert.Contains(page.FindAll("button"), b => b.TextContent.Contains("Deactivate"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Delete"));
        Assert.Equal("Active", page.Find("[data-status='Active']").TextContent.Trim());
    }

    // ---- Helpers ----

    /// <summary>A service of dealer 1 with steps made of new labor operations (code suffix, book time, own minutes, notes).</summary>
    private async Task<(Guid ServiceId, string[] LaborCodes)> ServiceWithStepsAsync(int duration, params (string Code, int Minutes, string? Own, string? Notes)[] steps)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var codes = steps.Select(s => $"{s.Code}-{suffix}").ToArray();
        var form = CannedServiceForm.New();
        (form.Code, form.Name, form.Duration, form.Price) = ("SVC-" + suffix, "Service " + suffix, duration, 2500m);
        var serviceId = (await app.AsUserAsync<CatalogService, ServiceResult<Guid>>(Manager, s => s.CreateAsync(form))).Value;
        for (var i = 0; i < steps.Length; i++)
        {
            var labor = LaborForm.New();
            (labor.Code, labor.Name, labor.EstimatedMinutes, labor.Rate) = (codes[i], "Operation " + codes[i], steps[i].Minutes, 1000m);
            var laborId = (await app.AsUserAsync<LaborCatalogService, ServiceResult<Guid>>(Manager, s => s.CreateAsync(labor))).Value;
            var step = new StepForm { LaborCatalogId = laborId.ToString(), EstimatedMinutes = steps[i].Own, Notes = steps[i].Notes };
            var added = await app.AsUserAsync<CatalogService, ServiceResult?>(Manager, s => s.AddStepAsync(serviceId, step));
            Assert.True(added is { Succeeded: true });
        }
        return (serviceId, codes);
    }

    private static string Normalize(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    Task IAsyncLifetime.DisposeAsync() => DisposeAllAsync();

    private async Task DisposeAllAsync()
    {
        await base.DisposeAsync();
        if (_scope is { } scope) await scope.DisposeAsync();
    }
}
