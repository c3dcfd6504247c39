using Microsoft.AspNetCore.Authorization;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Files;

namespace MotorTrace.Web.Endpoints;

/// <summary>
/// The files of a work order: its attachments and its inspection photos. Only users who may see the work order get
/// them (WorkOrdersRead, the tenancy filter scoping the lookup); everyone else signed in gets 404, the same as a
/// missing file, so an id reveals nothing. Sent with their real type, nosniff, inline for images and as a download
/// otherwise.
/// </summary>
public static class WorkOrderFileEndpoints
{
    public static void MapWorkOrderFileEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/workorders/{workOrderId:guid}").RequireAuthorization();
        files.MapGet("/attachments/{attachmentId:guid}", (HttpContext http, Guid workOrderId, Guid attachmentId, WorkOrderAttachmentService attachments) =>
            SendAsync(http, attachments.AttachmentFileAsync(workOrderId, attachmentId, http.RequestAborted)));
        files.MapGet("/inspection-photos/{photoId:guid}", (HttpContext http, Guid workOrderId, Guid photoId, WorkOrderAttachmentService attachments) =>
            SendAsync(http, attachments.InspectionPhotoFileAsync(workOrderId, photoId, http.RequestAborted)));
    }

    private static async Task<IResult> SendAsync(HttpContext http, Task<AttachmentFile?> lookup)
    {
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, Policies.WorkOrdersRead)).Succeeded) return Results.NotFound();
        if (await lookup is not { } file) return Results.NotFound();
        var store = http.RequestServices.GetRequiredService<AttachmentStore>();
        if (store.Open(file.Key) is not { } stream) return Results.NotFound();
        var isImage = file.ContentType.StartsWith("image/", StringComparison.Ordinal);
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        var disposition = new System.Net.Mime.ContentDisposition { Inline = isImage, FileName = file.FileName };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Stream(stream, file.ContentType);
    }
}
