using Microsoft.EntityFrameworkCore;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Workshop;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteInspectionTemplateServiceTests(SqliteFactory app) : InspectionTemplateServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresInspectionTemplateServiceTests(PostgresFactory app) : InspectionTemplateServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>The dealer's inspection checklists on <see cref="InspectionTemplateService"/>: managers edit, in order, with fixes; a stale save is refused.</summary>
public abstract class InspectionTemplateServiceTests(MotorTraceFactory app)
{
    private Task<ServiceResult<Guid>> SaveAsync(string email, Guid? id, TemplateForm form) =>
        app.AsUserAsync<InspectionTemplateService, ServiceResult<Guid>>(email, s => s.SaveAsync(id, form));

    [DatabaseFact]
    public async Task A_manager_saves_a_checklist_with_items_in_order_and_what_fixes_each_and_the_demo_has_one_per_dealer()
    {
        var fixes = await app.AsUserAsync<InspectionTemplateService, IReadOnlyList<FixOption>>(WorkshopScenario.Manager, s => s.FixOptionsAsync());
        var service = fixes.First(f => f.IsCannedService);
        var labor = fixes.First(f => !f.IsCannedService);
        var form = new TemplateForm
        {
            Name = "Pre-monsoon check", IncludesTyres = false,
            Items = [new() { Section = "Electrics", Name = "Wipers", Fix = labor }, new() { Section = "Brakes", Name = "Pads", Fix = service }, new() { Section = "Body", Name = "Door seals" }],
        };

        var saved = await SaveAsync(WorkshopScenario.Manager, null, form);

        Assert.True(saved.Succeeded, string.Join(" | ", saved.Result.Errors));
        var template = await app.WithDbAsync(db => db.InspectionTemplates.AsNoTracking().Include(t => t.Items).SingleAsync(t => t.Id == saved.Value));
        Assert.Equal(
            [(1, "Wipers", null, (Guid?)labor.Id), (2, "Pads", service.Id, null), (3, "Door seals", null, null)],
            template.Items.OrderBy(i => i.Sequence).Select(i => (i.Sequence, i.Name, i.CannedServiceId, i.LaborCatalogId)));
        Assert.False(template.IncludesTyres);
        var demo = await app.WithDbAsync(db => db.InspectionTemplates.IgnoreQueryFilters().Where(t => t.Name == "Multi-point inspection")
            .GroupBy(t => t.DealerId).Select(g => g.Count()).ToListAsync());
        Assert.True(demo.Count >= 2 && demo.All(c => c == 1));
    }

    [DatabaseFact]
    public async Task Only_managers_change_checklists_and_a_stale_save_names_who_changed_it()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var dealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
            return await db.InspectionTemplates.IgnoreQueryFilters().Where(t => t.DealerId == dealerId).Select(t => t.Id).FirstAsync();
        });
        var first = (await app.AsUserAsync<InspectionTemplateService, TemplateForm?>(WorkshopScenario.Manager, s => s.FormAsync(id)))!;
        var second = (await app.AsUserAsync<InspectionTemplateService, TemplateForm?>(WorkshopScenario.Manager, s => s.FormAsync(id)))!;

        var technician = await SaveAsync(WorkshopScenario.Technician, id, first);
        first.Items.Reverse();
        var saved = await SaveAsync(WorkshopScenario.Manager, id, first);
        second.Name = "Renamed meanwhile";
        var stale = await SaveAsync(WorkshopScenario.Manager, id, second);
        var otherDealer = await app.AsUserAsync<InspectionTemplateService, TemplateForm?>(WorkshopScenario.OtherDealerManager, s => s.FormAsync(id));

        Assert.Contains("Only managers", string.Join(" ", technician.Result.Errors.Select(e => e.Message)));
        Assert.True(saved.Succeeded);
        Assert.Contains("changed by Maria Manager at", string.Join(" ", stale.Result.Errors.Select(e => e.Message)));
        Assert.NotEqual("Renamed meanwhile", await app.WithDbAsync(db => db.InspectionTemplates.Where(t => t.Id == id).Select(t => t.Name).SingleAsync()));
        Assert.Null(otherDealer);
    }
}
