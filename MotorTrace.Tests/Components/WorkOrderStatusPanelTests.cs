using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Pages.WorkOrders;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.WorkOrders;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The status panel rendered with bUnit over the real services of demo dealer 1's people (the SQLite app): the buttons are
/// the steps the user's role may take, cancelling asks a reason in a dialog first, and a failed quality check asks the
/// rework notes.
/// </summary>
[Trait("Category", "Component")]
public sealed class WorkOrderStatusPanelTests : MudComponentTest, IClassFixture<SqliteFactory>
{
    private readonly SqliteFactory app;
    private AsyncServiceScope? _scope;

    public WorkOrderStatusPanelTests(SqliteFactory app)
    {
        this.app = app;
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    private sealed class AppServices(WorkOrderStatusPanelTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private async Task ActAsAsync(string email)
    {
        _scope = await app.ScopeAsAsync(email);
        await _scope.Value.ServiceProvider.GetRequiredService<DealerContext>().LoadAsync();
    }

    private (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<WorkOrderStatusPanel> Panel) RenderPanel(Guid id, Action? changed = null)
    {
        UseInteractiveServerRenderer();
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return (dialogs, Render<WorkOrderStatusPanel>(p => p
            .Add(x => x.WorkOrderId, id)
            .Add(x => x.OnChanged, () => changed?.Invoke())));
    }

    public static TheoryData<string, string> DemoStaff => new()
    {
        { "advisor@d1.motortrace.test", Roles.ServiceAdvisor },
        { "tech@d1.motortrace.test", Roles.Technician },
        { "parts@d1.motortrace.test", Roles.InventoryManager },
        { "warranty@d1.motortrace.test", Roles.WarrantyManager },
        { "manager@d1.motortrace.test", Roles.Manager },
    };

    [DatabaseTheory]
    [MemberData(nameof(DemoStaff))]
    public async Task The_buttons_are_the_steps_the_users_role_may_take_from_the_status(string email, string role)
    {
        var id = await InsertAsync(WorkOrderStatus.InProgress);
        await ActAsAsync(email);

        var (_, panel) = RenderPanel(id);

        panel.WaitForElement("[data-testid='status-history'], .mud-text-secondary", TimeSpan.FromSeconds(5));
        var buttons = panel.FindAll("[role='group'][aria-label='Next steps'] button").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(WorkOrderFlow.Next(WorkOrderStatus.InProgress, [role]).Select(s => s.Action), buttons);
        Assert.Contains("In progress", panel.Find("[data-status]").TextContent);
    }

    [DatabaseFact]
    public async Task Cancelling_asks_a_reason_first_and_records_it_in_the_history()
    {
        var id = await InsertAsync(WorkOrderStatus.Approved);
        await ActAsAsync("advisor@d1.motortrace.test");
        var changed = 0;
        var (dialogs, panel) = RenderPanel(id, () => changed++);

        panel.WaitForElement("button[data-to='Cancelled']", TimeSpan.FromSeconds(5)).Click();
        dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        Assert.Contains("Cancel this work order?", dialogs.Markup);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel work order").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Reason for cancelling is needed.", dialogs.Markup), TimeSpan.FromSeconds(5));
        Assert.Equal(WorkOrderStatus.Approved, await StatusAsync(id));

        dialogs.Find(".mud-dialog textarea").Input("The customer sold the car");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel work order").Click();

        panel.WaitForAssertion(() => Assert.Contains("The customer sold the car", panel.Find("[data-testid='status-history']").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal(WorkOrderStatus.Cancelled, await StatusAsync(id));
        Assert.Empty(panel.FindAll("[role='group'][aria-label='Next steps'] button"));
        Assert.Equal(1, changed);
    }

    [DatabaseFact]
    public async Task Backing_out_of_the_cancel_dialog_changes_nothing()
    {
        var id = await InsertAsync(WorkOrderStatus.Open);
        await ActAsAsync("manager@d1.motortrace.test");
        var (dialogs, panel) = RenderPanel(id);

        panel.WaitForElement("button[data-to='Cancelled']", TimeSpan.FromSeconds(5)).Click();
        dialogs.WaitForElement(".mud-dialog", TimeSpan.FromSeconds(5));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Back").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), TimeSpan.FromSeconds(5));
        Assert.Equal(WorkOrderStatus.Open, await StatusAsync(id));
    }

    [DatabaseFact]
    public async Task A_failed_quality_check_asks_the_rework_notes_and_lists_the_check()
    {
        var id = await InsertAsync(WorkOrderStatus.QualityCheck);
        await ActAsAsync("manager@d1.motortrace.test");
        var (dialogs, panel) = RenderPanel(id);

        panel.WaitForElement("button[data-to='InProgress']", TimeSpan.FromSeconds(5)).Click();
        dialogs.WaitForElement(".mud-dialog textarea", TimeSpan.FromSeconds(5)).Input("Wiper still streaks");
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Send back for rework").Click();

        panel.WaitForAssertion(() => Assert.Contains("Failed", panel.Find("[data-testid='quality-checks']").TextContent), TimeSpan.FromSeconds(5));
        Assert.Contains("Wiper still streaks", panel.Find("[data-testid='quality-checks']").TextContent);
        Assert.Contains("Maria Manager", panel.Find("[data-testid='quality-checks']").TextContent);
        Assert.Equal(WorkOrderStatus.InProgress, await StatusAsync(id));
    }

    /// <summary>A work order of demo dealer 1 (its first customer's first car) with one approved line.</summary>
    private Task<Guid> InsertAsync(WorkOrderStatus status) => app.WithDbAsync(async db =>
    {
        var dealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
        var vehicle = await db.Vehicles.IgnoreQueryFilters().Where(v => v.DealerId == dealerId).OrderBy(v => v.Id).Select(v => new { v.Id, v.CustomerId }).FirstAsync();
        var order = new WorkOrder
        {
            DealerId = dealerId, WorkOrderNumber = $"WO-T{Guid.NewGuid():N}"[..20], CustomerId = vehicle.CustomerId, VehicleId = vehicle.Id, Status = status,
            OpenedAt = DateTime.UtcNow, Version = Guid.NewGuid(),
        };
        order.Services.Add(new MotorTrace.Data.Entities.WorkOrders.WorkOrderService
        {
            DealerId = dealerId, Description = "Wiper blades", Quantity = 1, UnitPrice = 300m, Subtotal = 300m, CustomerApproved = true,
        });
        db.WorkOrders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    private Task<WorkOrderStatus> StatusAsync(Guid id) => app.WithDbAsync(db => db.WorkOrders.IgnoreQueryFilters().Where(w => w.Id == id).Select(w => w.Status).SingleAsync());
}
