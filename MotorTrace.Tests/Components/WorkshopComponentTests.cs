using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Tests.Services;
using MotorTrace.Web.Components.Pages.Workshop;
using MotorTrace.Web.Components.Pages.WorkOrders;
using MotorTrace.Web.Services.Files;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Workshop;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The technician's tablet components over the real services of a signed-in demo technician (the SQLite app): the job card
/// of the queue, and the inspection item that saves as it is tapped.
/// </summary>
[Trait("Category", "Component")]
public sealed class WorkshopComponentTests : MudComponentTest, IClassFixture<SqliteFactory>, IAsyncLifetime
{
    private readonly SqliteFactory app;
    private AsyncServiceScope? _scope;

    public WorkshopComponentTests(SqliteFactory app)
    {
        this.app = app;
        Services.AddFallbackServiceProvider(new AppServices(this));
    }

    private sealed class AppServices(WorkshopComponentTests test) : IServiceProvider
    {
        public object? GetService(Type serviceType) => test._scope?.ServiceProvider.GetService(serviceType);
    }

    private async Task ActAsAsync(string email)
    {
        _scope = await app.ScopeAsAsync(email);
        await _scope.Value.ServiceProvider.GetRequiredService<DealerContext>().LoadAsync();
    }

    [DatabaseFact]
    public async Task The_job_card_shows_the_car_the_complaint_an_overdue_promise_in_words_and_the_running_clock()
    {
        await ActAsAsync(WorkshopScenario.Technician);
        var now = DateTime.UtcNow;
        var job = new WorkshopJob(Guid.NewGuid(), "WO-D001-000123", "MH12AB1234", "Skoda Octavia 2021", "Brakes squeal when cold", now.AddHours(-1),
            JobPriority.Urgent, WorkOrderStatus.InProgress,
        [
            new JobLabor(Guid.NewGuid(), "Front brake pad replacement", null, "Tom Technician", ServiceStatus.InProgress, 60, 10, now.AddMinutes(-15), null),
            new JobLabor(Guid.NewGuid(), "Brake fluid replacement", null, "Tom Technician", ServiceStatus.Pending, 40, 0, null, null),
        ]);

        var card = Render<JobCard>(p => p.Add(c => c.Job, job).Add(c => c.Now, now));

        var link = card.Find("a");
        Assert.Equal($"/workshop/jobs/{job.WorkOrderId}", link.GetAttribute("href"));
        Assert.Contains("WO-D001-000123", link.TextContent);
        var text = card.Markup;
        Assert.Contains("MH12AB1234", text);
        Assert.Contains("Brakes squeal when cold", text);
        Assert.Contains("Overdue: promised", card.Find(".mt-overdue").TextContent); // in words, not by colour alone
        Assert.Contains("Clock running: 25 min", card.FindAll(".mt-job-labor li")[0].TextContent);
        Assert.Contains("of 40 min", card.FindAll(".mt-job-labor li")[1].TextContent);
        Assert.Equal(2, card.FindAll(".mt-job-labor li").Count);
    }

    [DatabaseFact]
    public async Task Tapping_red_on_an_item_saves_it_at_once_says_saved_and_opens_its_notes()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, _) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        await ActAsAsync(WorkshopScenario.Technician);
        var inspections = _scope!.Value.ServiceProvider.GetRequiredService<InspectionService>();
        var template = (await inspections.ActiveTemplatesAsync()).First();
        var started = await inspections.StartAsync(workOrder, template.Id, Guid.NewGuid());
        var view = (await inspections.GetAsync(started.Value))!;
        var item = view.Items[0];

        var row = RenderWithProviders<InspectionItemRow>(p => p.Add(r => r.InspectionId, view.Id).Add(r => r.Item, item).Add(r => r.Editable, true));
        Assert.Empty(row.FindAll("textarea"));
        Assert.Equal(["Green: OK", "Yellow: soon", "Red: now"], row.FindAll(".mt-item-buttons button").Select(b => b.TextContent.Trim()));

        row.FindAll(".mt-item-buttons button").Single(b => b.TextContent.Contains("Red")).Click();

        row.WaitForAssertion(() => Assert.Contains("Saved", row.Find("[role=status]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal("true", row.FindAll(".mt-item-buttons button").Single(b => b.TextContent.Contains("Red")).GetAttribute("aria-pressed"));
        Assert.Contains(row.FindAll("label"), l => l.TextContent.Contains("Notes: " + item.Name)); // the notes field opens for a finding
        Assert.Single(row.FindAll("textarea"));
        var saved = await app.WithDbAsync(db => db.WorkOrderInspectionItems.AsNoTracking().SingleAsync(i => i.Id == item.Id));
        Assert.Equal(InspectionCondition.Red, saved.Condition);
        Assert.Equal(shop.TechnicianId, saved.CheckedById);
    }

    [DatabaseFact]
    public async Task The_attachments_show_a_thumbnail_for_a_photo_and_remove_a_document_only_after_confirmation()
    {
        var shop = await WorkshopScenario.ForAsync(app);
        var (workOrder, _) = await shop.WorkOrderAsync(WorkOrderStatus.InProgress, shop.TechnicianId);
        await ActAsAsync(WorkshopScenario.Advisor);
        var attachments = _scope!.Value.ServiceProvider.GetRequiredService<WorkOrderAttachmentService>();
        var photo = await attachments.UploadAsync(workOrder, new MemoryStream(InspectionServiceTests.Png), "dent.png", AttachmentCategory.Photo, "Dent on the rear door", Guid.NewGuid());
        var document = await attachments.UploadAsync(workOrder, new MemoryStream("%PDF-1.7\n%%EOF"u8.ToArray()), "claim.pdf", AttachmentCategory.Document, null, Guid.NewGuid());
        var key = await app.WithDbAsync(db => db.WorkOrderAttachments.Where(a => a.Id == document.Value).Select(a => a.FileUrl).SingleAsync());

        UseInteractiveServerRenderer();
        Render<MudBlazor.MudPopoverProvider>();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        Render<MudBlazor.MudSnackbarProvider>();
        var component = Render<WorkOrderAttachments>(p => p.Add(c => c.WorkOrderId, workOrder));
        component.WaitForAssertion(() => Assert.Equal(2, component.FindAll("[data-testid='attachment']").Count), TimeSpan.FromSeconds(5));
        var image = component.Find("[data-testid='attachment'] img");
        Assert.Equal(WorkOrderAttachmentService.UrlOf(workOrder, photo.Value), image.GetAttribute("src"));
        Assert.Equal("Dent on the rear door", image.GetAttribute("alt"));
        Assert.Contains("JPEG, PNG, WEBP, PDF, up to 10 MB", component.Markup);

        component.Find("button[aria-label='remove claim.pdf']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Remove claim.pdf?", dialogs.Markup), TimeSpan.FromSeconds(5));
        Assert.Equal(2, await app.WithDbAsync(db => db.WorkOrderAttachments.CountAsync(a => a.WorkOrderId == workOrder)));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        component.WaitForAssertion(() => Assert.Single(component.FindAll("[data-testid='attachment']")), TimeSpan.FromSeconds(5));
        Assert.Equal(1, await app.WithDbAsync(db => db.WorkOrderAttachments.CountAsync(a => a.WorkOrderId == workOrder)));
        Assert.False(File.Exists(Path.Combine(app.DataFolder, key)));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_scope is { } scope) await scope.DisposeAsync();
        await base.DisposeAsync();
    }
}
