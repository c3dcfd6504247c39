using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Workshop;

public sealed record TemplateRow(Guid Id, string Name, bool IsActive, bool IncludesTyres, int Items, int Mapped, DateTime UpdatedAt);

/// <summary>What fixes a finding: a canned service or a labour operation of the dealer's catalogue.</summary>
public sealed record FixOption(Guid Id, bool IsCannedService, string Code, string Name)
{
    public string Label => $"{(IsCannedService ? "Service" : "Labour")} {Code} · {Name}";
}

public sealed class TemplateItemForm
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Name the section, e.g. Brakes.")]
    [StringLength(100, ErrorMessage = "Keep the section under 100 characters.")]
    public string Section { get; set; } = "";

    [Required(ErrorMessage = "Name the item to check.")]
    [StringLength(200, ErrorMessage = "Keep the item under 200 characters.")]
    public string Name { get; set; } = "";

    public FixOption? Fix { get; set; }
}

public sealed class TemplateForm
{
    [Required(ErrorMessage = "Name the checklist.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = "";

    public bool IsActive { get; set; } = true;
    public bool IncludesTyres { get; set; } = true;

    [MinLength(1, ErrorMessage = "Add at least one item to check.")]
    public List<TemplateItemForm> Items { get; set; } = [];

    /// <summary>When the template was last saved as the form loaded it (optimistic concurrency: "changed by X at HH:MM").</summary>
    public DateTime? LoadedUpdatedAt { get; set; }
}

/// <summary>
/// The dealer's inspection checklists, which the technician starts an inspection from: items in sections and order,
/// each with the canned service or labour operation that fixes a yellow or red finding. Managers edit (CatalogEdit),
/// all staff read.
/// </summary>
public sealed class InspectionTemplateService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, TimeProvider clock)
{
    public bool CanEdit => user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);

    public async Task<IReadOnlyList<TemplateRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InspectionTemplates.AsNoTracking().OrderByDescending(t => t.IsActive).ThenBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.IsActive, t.IncludesTyres, t.Items.Count,
                t.Items.Count(i => i.CannedServiceId != null || i.LaborCatalogId != null), t.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The template as an editable form, or null (404) when missing or another dealer's.</summary>
    public async Task<TemplateForm?> FormAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var template = await db.InspectionTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (template is null) return null;
        var fixes = (await FixOptionsAsync(db, template.DealerId, cancellationToken)).ToDictionary(f => f.Id);
        return new TemplateForm
        {
            Name = template.Name, IsActive = template.IsActive, IncludesTyres = template.IncludesTyres, LoadedUpdatedAt = template.UpdatedAt,
            Items = [.. template.Items.OrderBy(i => i.Sequence).Select(i => new TemplateItemForm
            {
                Id = i.Id, Section = i.Section, Name = i.Name,
                Fix = (i.CannedServiceId ?? i.LaborCatalogId) is { } fix ? fixes.GetValueOrDefault(fix) : null,
            })],
        };
    }

    /// <summary>The dealer's active canned services and labour operations, for the "fixed by" picker.</summary>
    public async Task<IReadOnlyList<FixOption>> FixOptionsAsync(CancellationToken cancellationToken = default)
    {
        if (user.DealerScope is not { } dealerId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FixOptionsAsync(db, dealerId, cancellationToken);
    }

    private static async Task<List<FixOption>> FixOptionsAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken cancellationToken)
    {
        var services = await db.CannedServices.AsNoTracking().Where(s => s.DealerId == dealerId && !s.IsArchived).OrderBy(s => s.Name)
            .Select(s => new FixOption(s.Id, true, s.Code, s.Name)).ToListAsync(cancellationToken);
        var labor = await db.LaborCatalog.AsNoTracking().Where(l => l.DealerId == dealerId && l.IsActive).OrderBy(l => l.Name)
            .Select(l => new FixOption(l.Id, false, l.Code, l.Name)).ToListAsync(cancellationToken);
        return [.. services, .. labor];
    }

    /// <summary>Creates (id null) or saves a template; items take the form's order. Refused when someone saved it meanwhile.</summary>
    public async Task<ServiceResult<Guid>> SaveAsync(Guid? id, TemplateForm form)
    {
        if (!CanEdit) return ServiceResult.Fail("", "Only managers change inspection checklists.");
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), errors, validateAllProperties: true);
        var found = errors.Select(e => (e.MemberNames.FirstOrDefault() ?? "", e.ErrorMessage ?? "")).ToList();
        for (var i = 0; i < form.Items.Count; i++)
        {
            var itemErrors = new List<ValidationResult>();
            Validator.TryValidateObject(form.Items[i], new ValidationContext(form.Items[i]), itemErrors, validateAllProperties: true);
            found.AddRange(itemErrors.Select(e => ($"Items[{i}].{e.MemberNames.FirstOrDefault()}", e.ErrorMessage ?? "")));
        }
        if (found.Count > 0) return ServiceResult.Fail(found);

        await using var db = await dbFactory.CreateDbContextAsync();
        InspectionTemplate? template;
        if (id is { } existing)
        {
            template = await db.InspectionTemplates.Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == existing);
            if (template is null) return ServiceResult.Fail("", "This checklist no longer exists.");
            if (form.LoadedUpdatedAt is { } loaded && template.UpdatedAt != loaded)
            {
                await dealer.LoadAsync();
                var by = await db.Users.Where(u => u.Id == template.UpdatedById).Select(u => u.FullName).FirstOrDefaultAsync();
                return ServiceResult.ChangedBy("checklist", by, dealer.ToLocal(template.UpdatedAt));
            }
        }
        else
        {
            if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
            template = new InspectionTemplate { DealerId = dealerId };
            db.InspectionTemplates.Add(template);
        }

        var fixes = (await FixOptionsAsync(db, template.DealerId, default)).Select(f => f.Id).ToHashSet();
        if (form.Items.Select((item, i) => (item, i)).FirstOrDefault(x => x.item.Fix is { } fix && !fixes.Contains(fix.Id)) is { item: not null } stale)
            return ServiceResult.Fail($"Items[{stale.i}].Fix", "This service or labour operation is no longer in the catalogue: choose another.");

        template.Name = form.Name.Trim();
        template.IsActive = form.IsActive;
        template.IncludesTyres = form.IncludesTyres;
        var keep = form.Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        foreach (var removed in template.Items.Where(i => !keep.Contains(i.Id)).ToList())
        {
            template.Items.Remove(removed);
            db.InspectionTemplateItems.Remove(removed);
        }
        for (var i = 0; i < form.Items.Count; i++)
        {
            var input = form.Items[i];
            var item = input.Id is { } itemId ? template.Items.FirstOrDefault(x => x.Id == itemId) : null;
            if (item is null)
            {
                item = new InspectionTemplateItem { DealerId = template.DealerId, TemplateId = template.Id };
                template.Items.Add(item);
                db.InspectionTemplateItems.Add(item);
            }
            item.Sequence = i + 1;
            item.Section = input.Section.Trim();
            item.Name = input.Name.Trim();
            item.CannedServiceId = input.Fix is { IsCannedService: true } service ? service.Id : null;
            item.LaborCatalogId = input.Fix is { IsCannedService: false } labor ? labor.Id : null;
        }
        // The interceptor stamps only rows whose own columns changed; a save that changed only items must move the
        // template's stamp too, or the next editor's stale copy would not be caught.
        if (db.Entry(template).State != EntityState.Added) template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        return new ServiceResult<Guid>(template.Id, ServiceResult.Ok);
    }
}
