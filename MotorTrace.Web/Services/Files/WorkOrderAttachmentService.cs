using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Files;

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long Size, AttachmentCategory Category, string? Description, string? UploadedBy, DateTime UploadedAt, string Url)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>What the dealer accepts: the size limit and kinds from its settings.</summary>
public sealed record AttachmentRules(long MaxBytes, IReadOnlyList<FileKind> Kinds)
{
    public int MaxMegabytes => (int)(MaxBytes / (1024 * 1024));

    /// <summary>For the file picker's accept attribute: the content types of the accepted kinds.</summary>
    public string Accept => string.Join(",", Kinds.Select(k => k.ContentType));
}

/// <summary>A stored file to send: where it is and how to name it.</summary>
public sealed record AttachmentFile(string Key, string FileName, string ContentType);

/// <summary>
/// The photos and documents of a work order: listed to its readers, added by the desk and the workshop (the tablet's
/// camera, a scanned document), removed by the desk (WorkOrdersWrite). Files are served by
/// <see cref="Endpoints.WorkOrderFileEndpoints"/> only to users who may see the work order.
/// </summary>
public sealed class WorkOrderAttachmentService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    AttachmentStore store,
    TimeProvider clock,
    LiveUpdates live)
{
    public static string UrlOf(Guid workOrderId, Guid attachmentId) => $"/workorders/{workOrderId}/attachments/{attachmentId}";

    public static string PhotoUrlOf(Guid workOrderId, Guid photoId) => $"/workorders/{workOrderId}/inspection-photos/{photoId}";

    public bool CanUpload => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor) || user.IsInRole(Roles.Technician);

    public bool CanDelete => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor);

    public static async Task<AttachmentRules> RulesAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken cancellationToken = default)
    {
        var settings = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId)
            .Select(s => new { s.AttachmentMaxMegabytes, s.AttachmentTypes }).FirstOrDefaultAsync(cancellationToken);
        var defaults = new DealerSettings();
        return new AttachmentRules((settings?.AttachmentMaxMegabytes ?? defaults.AttachmentMaxMegabytes) * 1024L * 1024L,
            AttachmentStore.Accepted(settings?.AttachmentTypes ?? defaults.AttachmentTypes));
    }

    /// <summary>The rules of the work order's dealer, or null when the work order is not visible.</summary>
    public async Task<AttachmentRules?> RulesForAsync(Guid workOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dealerId = await db.WorkOrders.Where(w => w.Id == workOrderId).Select(w => (Guid?)w.DealerId).FirstOrDefaultAsync(cancellationToken);
        return dealerId is { } id ? await RulesAsync(db, id, cancellationToken) : null;
    }

    public async Task<IReadOnlyList<AttachmentRow>> ListAsync(Guid workOrderId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkOrderAttachments.AsNoTracking().Where(a => a.WorkOrderId == workOrderId)
            .OrderByDescending(a => a.UploadedAt)
            .Select(a => new
            {
                a.Id, a.FileName, a.FileType, a.FileSize, a.Category, a.Description, a.UploadedAt,
                By = db.Users.Where(u => u.Id == a.UploadedById).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new AttachmentRow(a.Id, a.FileName, a.FileType ?? "application/octet-stream", a.FileSize, a.Category, a.Description, a.By,
            a.UploadedAt, UrlOf(workOrderId, a.Id)))];
    }

    /// <summary>Files a photo or document with the work order, once per request id.</summary>
    public async Task<ServiceResult<Guid>> UploadAsync(Guid workOrderId, Stream content, string fileName, AttachmentCategory category, string? description, Guid requestId,
        CancellationToken cancellationToken = default)
    {
        if (!CanUpload || user.UserId is not { } userId) return ServiceResult.Fail("", "Only staff of the workshop and the front desk add attachments.");
        if (description is { Length: > 500 }) return ServiceResult.Fail("Description", "Keep the description under 500 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.Where(w => w.Id == workOrderId).Select(w => new { w.DealerId }).FirstOrDefaultAsync(cancellationToken);
        if (order is null) return ServiceResult.Fail("", "This work order no longer exists.");
        if (await db.ProcessedRequests.AnyAsync(r => r.Id == requestId, cancellationToken))
            return new ServiceResult<Guid>(await db.ProcessedRequests.Where(r => r.Id == requestId).Select(r => r.ResultId ?? Guid.Empty).FirstAsync(cancellationToken), ServiceResult.Ok);
        var rules = await RulesAsync(db, order.DealerId, cancellationToken);
        var stored = await store.SaveAsync(order.DealerId, content, rules.MaxBytes, rules.Kinds, cancellationToken);
        if (!stored.Succeeded) return stored.Result;
        var file = stored.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        var attachment = new WorkOrderAttachment
        {
            DealerId = order.DealerId, WorkOrderId = workOrderId, UploadedById = userId, FileUrl = file.Key, FileName = SafeName(fileName, file),
            FileType = file.ContentType, FileSize = file.Size, Category = category,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim(), UploadedAt = now,
        };
        var result = await ProcessedRequests.OnceAsync(db, requestId, "attachment-upload", order.DealerId, userId, now, () =>
        {
            db.WorkOrderAttachments.Add(attachment);
            return Task.FromResult(new ServiceResult<Guid>(attachment.Id, ServiceResult.Ok));
        });
        if (result.Value != attachment.Id) store.Delete(file.Key); // a repeat that lost the race: the first upload stands
        else await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(order.DealerId, workOrderId));
        return result;
    }

    public async Task<ServiceResult> DeleteAsync(Guid workOrderId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        if (!CanDelete) return ServiceResult.Fail("", "Only the front desk and managers remove attachments.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await db.WorkOrderAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.WorkOrderId == workOrderId, cancellationToken);
        if (attachment is null) return ServiceResult.Ok; // already gone: the user's wish holds
        db.WorkOrderAttachments.Remove(attachment);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.FileUrl);
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(attachment.DealerId, workOrderId));
        return ServiceResult.Ok;
    }

    /// <summary>A work order's attachment, for the file endpoint; null when missing or not the visitor's to see (tenancy filter).</summary>
    public async Task<AttachmentFile?> AttachmentFileAsync(Guid workOrderId, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkOrderAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.WorkOrderId == workOrderId)
            .Select(a => new AttachmentFile(a.FileUrl, a.FileName, a.FileType ?? "application/octet-stream")).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>An inspection photo of the work order, for the file endpoint; null when missing or not visible.</summary>
    public async Task<AttachmentFile?> InspectionPhotoFileAsync(Guid workOrderId, Guid photoId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkOrderInspectionAttachments.AsNoTracking().Where(a => a.Id == photoId && a.Inspection.WorkOrderId == workOrderId)
            .Select(a => new AttachmentFile(a.FileUrl, a.FileName, a.FileType ?? "application/octet-stream")).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The name shown and sent: the uploader's name without any folder, with the extension of what the file really is.</summary>
    public static string SafeName(string? fileName, StoredFile file)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\'))]).Trim();
        if (name.Length == 0) name = "attachment";
        if (name.Length > 120) name = name[..120];
        return name + (AttachmentStore.KindOf(file.Key)?.Extension ?? "");
    }
}
