using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Files;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Workshop;

public sealed record InspectionPhoto(Guid Id, Guid? ItemId, string FileName, string Url);

public sealed record InspectionItemView(Guid Id, string? Section, string Name, InspectionCondition Condition, string? Notes, DateTime? CheckedAt, bool HasFix);

public sealed record TyreView(Guid Id, TyrePosition Position, string? Brand, string? Size, decimal? PressurePsi, decimal? TreadDepthMm, InspectionCondition Condition);

public sealed record InspectionView(
    Guid Id,
    Guid WorkOrderId,
    string Name,
    string? TemplateName,
    InspectionStatus Status,
    DateTime? CompletedAt,
    IReadOnlyList<InspectionItemView> Items,
    IReadOnlyList<TyreView> Tyres,
    IReadOnlyList<InspectionPhoto> Photos)
{
    public int Unchecked => Items.Count(i => i.Condition == InspectionCondition.NotChecked);
}

public sealed record TemplateChoice(Guid Id, string Name, int Items);

/// <summary>One tyre's reading as the technician enters it; the ranges are what a tyre gauge can honestly show.</summary>
public sealed class TyreForm
{
    public TyrePosition Position { get; set; }

    [StringLength(60, ErrorMessage = "Keep the brand under 60 characters.")]
    public string? Brand { get; set; }

    [StringLength(30, ErrorMessage = "Keep the size under 30 characters.")]
    [RegularExpression(@"^\s*\d{3}\s*/\s*\d{2}\s*[Zz]?[Rr]\s*\d{2}(\.\d)?\s*(\d{2,3}[A-Za-z])?\s*$", ErrorMessage = "Write the size as on the sidewall, e.g. 205/55 R16.")]
    public string? Size { get; set; }

    [Range(typeof(decimal), "10", "80", ErrorMessage = "Pressure is between 10 and 80 psi.")]
    public decimal? PressurePsi { get; set; }

    [Range(typeof(decimal), "0", "20", ErrorMessage = "Tread depth is between 0 and 20 mm.")]
    public decimal? TreadDepthMm { get; set; }
}

/// <summary>
/// The technician's inspection of a work order: started from the dealer's active template (items with what fixes each
/// finding, tyre rows when the template has them) or continued; every item, tyre and photo saved the moment it is
/// entered, once per tap, so a dropped connection loses nothing already entered.
/// </summary>
public sealed class InspectionService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    AttachmentStore store,
    TimeProvider clock,
    LiveUpdates live)
{
    /// <summary>Tread below the legal 1.6 mm is red; below 3 mm, plan a replacement.</summary>
    public static InspectionCondition TreadCondition(decimal? tread) => tread switch
    {
        null => InspectionCondition.NotChecked,
        < 1.6m => InspectionCondition.Red,
        < 3m => InspectionCondition.Yellow,
        _ => InspectionCondition.Green,
    };

    /// <summary>The work order's latest inspection, or null when none was started.</summary>
    public async Task<InspectionView?> ForWorkOrderAsync(Guid workOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.WorkOrderInspections.AsNoTracking().Where(i => i.WorkOrderId == workOrderId)
            .OrderByDescending(i => i.CreatedAt).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await ViewAsync(db, found, cancellationToken) : null;
    }

    public async Task<InspectionView?> GetAsync(Guid inspectionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ViewAsync(db, inspectionId, cancellationToken);
    }

    public async Task<IReadOnlyList<TemplateChoice>> ActiveTemplatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InspectionTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
            .Select(t => new TemplateChoice(t.Id, t.Name, t.Items.Count)).ToListAsync(cancellationToken);
    }

    /// <summary>Starts an inspection from a template: its items (with what fixes each) and, if it has them, the tyre rows.</summary>
    public async Task<ServiceResult<Guid>> StartAsync(Guid workOrderId, Guid templateId, Guid requestId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var order = await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == workOrderId);
        if (order is null) return ServiceResult.Fail("", "This work order no longer exists.");
        if (await WhyNotAsync(db, order) is { } why) return ServiceResult.Fail("", why);
        var template = await db.InspectionTemplates.AsNoTracking().Include(t => t.Items).FirstOrDefaultAsync(t => t.Id == templateId && t.IsActive);
        if (template is null) return ServiceResult.Fail("", "This checklist is no longer active: choose another.");
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ProcessedRequests.OnceAsync(db, requestId, "inspection-start", order.DealerId, user.UserId!.Value, now, () =>
        {
            var inspection = Copy(template, order, user.UserId, now);
            db.WorkOrderInspections.Add(inspection);
            return Task.FromResult(new ServiceResult<Guid>(inspection.Id, ServiceResult.Ok));
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(order.DealerId, order.Id));
        return result;
    }

    /// <summary>A new inspection of the work order with the template's items, mappings and (if any) tyre rows.</summary>
    public static WorkOrderInspection Copy(InspectionTemplate template, WorkOrder order, Guid? inspectorId, DateTime now)
    {
        var inspection = new WorkOrderInspection
        {
            DealerId = order.DealerId, WorkOrderId = order.Id, InspectorId = inspectorId, Name = template.Name, TemplateName = template.Name,
            Status = InspectionStatus.InProgress, StartedAt = now,
        };
        inspection.Items.AddRange(template.Items.OrderBy(i => i.Sequence).Select((item, index) => new WorkOrderInspectionItem
        {
            DealerId = order.DealerId, InspectionId = inspection.Id, Sequence = index + 1, Section = item.Section, Name = item.Name,
            CannedServiceId = item.CannedServiceId, LaborCatalogId = item.LaborCatalogId,
        }));
        if (template.IncludesTyres)
            inspection.TyreChecks.AddRange(Enum.GetValues<TyrePosition>().Select(p => new WorkOrderTyreCheck { DealerId = order.DealerId, InspectionId = inspection.Id, Position = p }));
        return inspection;
    }

    /// <summary>Records one item's verdict and notes the moment it is tapped.</summary>
    public async Task<ServiceResult<Guid>> SaveItemAsync(Guid itemId, InspectionCondition condition, string? notes, Guid requestId)
    {
        var text = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        if (text is { Length: > 2000 }) return ServiceResult.Fail("Notes", "Keep the notes under 2000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = await db.WorkOrderInspectionItems.Include(i => i.Inspection).ThenInclude(i => i.WorkOrder).FirstOrDefaultAsync(i => i.Id == itemId);
        if (item is null) return ServiceResult.Fail("", "This checklist item no longer exists.");
        if (await WhyNotEditableAsync(db, item.Inspection) is { } why) return ServiceResult.Fail("", why);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ProcessedRequests.OnceAsync(db, requestId, "inspection-item", item.DealerId, user.UserId!.Value, now, () =>
        {
            item.Condition = condition;
            item.Notes = text;
            item.CheckedAt = condition == InspectionCondition.NotChecked ? null : now;
            item.CheckedById = condition == InspectionCondition.NotChecked ? null : user.UserId;
            Touch(item.Inspection, now);
            return Task.FromResult(new ServiceResult<Guid>(item.Id, ServiceResult.Ok));
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(item.DealerId, item.Inspection.WorkOrderId));
        return result;
    }

    /// <summary>Saves one tyre's reading (range-checked); its condition follows the tread depth.</summary>
    public async Task<ServiceResult<Guid>> SaveTyreAsync(Guid inspectionId, TyreForm form, Guid requestId)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(form, new ValidationContext(form), errors, validateAllProperties: true))
            return ServiceResult.Fail([.. errors.Select(e => (e.MemberNames.FirstOrDefault() ?? "", e.ErrorMessage ?? "Check this value."))]);
        await using var db = await dbFactory.CreateDbContextAsync();
        var inspection = await db.WorkOrderInspections.Include(i => i.WorkOrder).Include(i => i.TyreChecks).FirstOrDefaultAsync(i => i.Id == inspectionId);
        if (inspection is null) return ServiceResult.Fail("", "This inspection no longer exists.");
        if (await WhyNotEditableAsync(db, inspection) is { } why) return ServiceResult.Fail("", why);
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ProcessedRequests.OnceAsync(db, requestId, "inspection-tyre", inspection.DealerId, user.UserId!.Value, now, () =>
        {
            var tyre = inspection.TyreChecks.FirstOrDefault(t => t.Position == form.Position);
            if (tyre is null)
            {
                tyre = new WorkOrderTyreCheck { DealerId = inspection.DealerId, InspectionId = inspection.Id, Position = form.Position };
                db.WorkOrderTyreChecks.Add(tyre);
            }
            tyre.Brand = string.IsNullOrWhiteSpace(form.Brand) ? null : form.Brand.Trim();
            tyre.Size = string.IsNullOrWhiteSpace(form.Size) ? null : form.Size.Trim().ToUpperInvariant();
            tyre.PressurePsi = form.PressurePsi;
            tyre.TreadDepthMm = form.TreadDepthMm;
            tyre.Condition = TreadCondition(form.TreadDepthMm);
            Touch(inspection, now);
            return Task.FromResult(new ServiceResult<Guid>(tyre.Id, ServiceResult.Ok));
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(inspection.DealerId, inspection.WorkOrderId));
        return result;
    }

    /// <summary>A photo from the tablet's camera, filed with the inspection (and the item it shows), once per tap.</summary>
    public async Task<ServiceResult<Guid>> AddPhotoAsync(Guid inspectionId, Guid? itemId, Stream content, string fileName, Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inspection = await db.WorkOrderInspections.Include(i => i.WorkOrder).FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null) return ServiceResult.Fail("", "This inspection no longer exists.");
        if (await WhyNotEditableAsync(db, inspection) is { } why) return ServiceResult.Fail("", why);
        if (itemId is { } item && !await db.WorkOrderInspectionItems.AnyAsync(i => i.Id == item && i.InspectionId == inspectionId, cancellationToken))
            return ServiceResult.Fail("", "This checklist item no longer exists.");
        if (await db.ProcessedRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.ResultId }).FirstOrDefaultAsync(cancellationToken) is { } done)
            return new ServiceResult<Guid>(done.ResultId ?? Guid.Empty, ServiceResult.Ok);
        var rules = await WorkOrderAttachmentService.RulesAsync(db, inspection.DealerId, cancellationToken);
        var images = rules.Kinds.Where(k => k.IsImage).ToList();
        var stored = await store.SaveAsync(inspection.DealerId, content, rules.MaxBytes, images, cancellationToken);
        if (!stored.Succeeded) return stored.Result;
        var file = stored.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var photo = new WorkOrderInspectionAttachment
        {
            DealerId = inspection.DealerId, InspectionId = inspection.Id, ItemId = itemId, UploadedById = user.UserId!.Value, FileUrl = file.Key,
            FileName = WorkOrderAttachmentService.SafeName(fileName, file), FileType = file.ContentType, FileSize = file.Size, UploadedAt = now,
        };
        var result = await ProcessedRequests.OnceAsync(db, requestId, "inspection-photo", inspection.DealerId, user.UserId!.Value, now, () =>
        {
            db.WorkOrderInspectionAttachments.Add(photo);
            Touch(inspection, now);
            return Task.FromResult(new ServiceResult<Guid>(photo.Id, ServiceResult.Ok));
        });
        if (result.Value != photo.Id) store.Delete(file.Key); // a repeat that lost the race: the first photo stands
        else await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(inspection.DealerId, inspection.WorkOrderId));
        return result;
    }

    /// <summary>Completes the inspection once every item has a verdict.</summary>
    public async Task<ServiceResult<Guid>> CompleteAsync(Guid inspectionId, Guid requestId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var inspection = await db.WorkOrderInspections.Include(i => i.WorkOrder).FirstOrDefaultAsync(i => i.Id == inspectionId);
        if (inspection is null) return ServiceResult.Fail("", "This inspection no longer exists.");
        if (inspection.Status == InspectionStatus.Completed) return new ServiceResult<Guid>(inspection.Id, ServiceResult.Ok);
        if (await WhyNotEditableAsync(db, inspection) is { } why) return ServiceResult.Fail("", why);
        var open = await db.WorkOrderInspectionItems.CountAsync(i => i.InspectionId == inspectionId && i.Condition == InspectionCondition.NotChecked);
        if (open > 0) return ServiceResult.Fail("", open == 1 ? "One item is not checked yet: give it green, yellow or red first." : $"{open} items are not checked yet: give each green, yellow or red first.");
        var now = clock.GetUtcNow().UtcDateTime;
        var result = await ProcessedRequests.OnceAsync(db, requestId, "inspection-complete", inspection.DealerId, user.UserId!.Value, now, () =>
        {
            inspection.Status = InspectionStatus.Completed;
            inspection.CompletedAt = now;
            inspection.InspectorId ??= user.UserId;
            return Task.FromResult(new ServiceResult<Guid>(inspection.Id, ServiceResult.Ok));
        });
        if (result.Succeeded) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(inspection.DealerId, inspection.WorkOrderId));
        return result;
    }

    private static void Touch(WorkOrderInspection inspection, DateTime now)
    {
        inspection.StartedAt ??= now;
        if (inspection.Status == InspectionStatus.Pending) inspection.Status = InspectionStatus.InProgress;
    }

    private async Task<string?> WhyNotEditableAsync(MotorTraceDbContext db, WorkOrderInspection inspection) =>
        inspection.Status == InspectionStatus.Completed ? "This inspection is complete: it can no longer change." : await WhyNotAsync(db, inspection.WorkOrder);

    /// <summary>Technicians with labour on the work order, and managers, inspect it while it is open.</summary>
    private async Task<string?> WhyNotAsync(MotorTraceDbContext db, WorkOrder order)
    {
        if (user.UserId is not { } me) return "Sign in first.";
        var manager = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        if (!manager && !user.IsInRole(Roles.Technician)) return "Inspections are for technicians and managers.";
        if (!WorkOrderFlow.IsOpen(order.Status)) return $"The work order is {WorkOrderFlow.Label(order.Status).ToLowerInvariant()}: its inspection can no longer change.";
        if (!manager && !await db.WorkOrderLabor.AnyAsync(l => l.WorkOrderId == order.Id && l.TechnicianId == me)) return "You have no labour on this work order.";
        return null;
    }

    private static async Task<InspectionView?> ViewAsync(MotorTraceDbContext db, Guid inspectionId, CancellationToken cancellationToken)
    {
        var head = await db.WorkOrderInspections.AsNoTracking().Where(i => i.Id == inspectionId)
            .Select(i => new { i.Id, i.WorkOrderId, i.Name, i.TemplateName, i.Status, i.CompletedAt }).FirstOrDefaultAsync(cancellationToken);
        if (head is null) return null;
        var items = await db.WorkOrderInspectionItems.AsNoTracking().Where(i => i.InspectionId == inspectionId).OrderBy(i => i.Sequence).ThenBy(i => i.Id)
            .Select(i => new InspectionItemView(i.Id, i.Section, i.Name, i.Condition, i.Notes, i.CheckedAt, i.CannedServiceId != null || i.LaborCatalogId != null))
            .ToListAsync(cancellationToken);
        var tyres = (await db.WorkOrderTyreChecks.AsNoTracking().Where(t => t.InspectionId == inspectionId)
            .Select(t => new TyreView(t.Id, t.Position, t.Brand, t.Size, t.PressurePsi, t.TreadDepthMm, t.Condition))
            .ToListAsync(cancellationToken)).OrderBy(t => t.Position).ToList(); // positions are stored as text
        var photos = await db.WorkOrderInspectionAttachments.AsNoTracking().Where(a => a.InspectionId == inspectionId).OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.ItemId, a.FileName }).ToListAsync(cancellationToken);
        return new InspectionView(head.Id, head.WorkOrderId, head.Name, head.TemplateName, head.Status, head.CompletedAt, items, tyres,
            [.. photos.Select(p => new InspectionPhoto(p.Id, p.ItemId, p.FileName, WorkOrderAttachmentService.PhotoUrlOf(head.WorkOrderId, p.Id)))]);
    }
}
