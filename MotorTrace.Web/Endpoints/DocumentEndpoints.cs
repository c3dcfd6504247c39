using System.Text.RegularExpressions;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Documents;

namespace MotorTrace.Web.Endpoints;

/// <summary>
/// The PDF documents (DocumentService): invoices and credit notes, a work order's estimate, payment receipts, customer
/// statements, and the signed-in customer's own invoices in the portal. The policy refuses the wrong role; a record the
/// user may not see (another dealer's, or in the portal another customer's) answers 404 like a missing one. Sent inline
/// (the browser shows it) under the document's own name, never cached by a shared cache.
/// </summary>
public static partial class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/{id:guid}/pdf", (HttpContext http, Guid id, DocumentService documents) =>
                SendAsync(http, documents.InvoiceAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.FinanceRead);
        app.MapGet("/workorders/{id:guid}/estimate.pdf", (HttpContext http, Guid id, DocumentService documents) =>
                SendAsync(http, documents.EstimateAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.WorkOrdersRead);
        app.MapGet("/payments/{id:guid}/receipt.pdf", (HttpContext http, Guid id, DocumentService documents) =>
                SendAsync(http, documents.ReceiptAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.FinanceRead);
        // ?from=2026-01-01&to=2026-06-30 (dates in the dealer's calendar); by default the last twelve months.
        app.MapGet("/customers/{id:guid}/statement.pdf", (HttpContext http, Guid id, DateOnly? from, DateOnly? to, DocumentService documents) =>
                from > to
                    ? Task.FromResult(Results.BadRequest("The statement's start date (from) is after its end date (to)."))
                    : SendAsync(http, documents.StatementAsync(id, from, to, http.RequestAborted)))
            .RequireAuthorization(Policies.FinanceRead);
        app.MapGet("/portal/invoices/{id:guid}/pdf", (HttpContext http, Guid id, DocumentService documents) =>
                SendAsync(http, documents.PortalInvoiceAsync(id, http.RequestAborted)))
            .RequireAuthorization(Policies.Portal);
    }

    private static async Task<IResult> SendAsync(HttpContext http, Task<PdfFile?> render)
    {
        if (await render is not { } file) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{SafeName().Replace(file.FileName, "-")}\"";
        return Results.File(file.Content, PdfFile.ContentType);
    }

    /// <summary>Anything but ASCII letters, digits, dot, dash and underscore becomes a dash in the header's file name.</summary>
    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex SafeName();
}
