using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Reports;

namespace MotorTrace.Web.Endpoints;

/// <summary><c>/reports/{name}/xlsx</c>: the report on screen for the same query string, as a formatted workbook.</summary>
public static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports/{name}/xlsx", async (string name, HttpContext http, ReportService reports, DealerContext dealer, TimeProvider clock,
                CancellationToken ct) =>
            {
                await dealer.LoadAsync(ct);
                var (filter, errors) = ReportFilter.Parse(http.Request.Query, dealer.Today);
                if (errors.Count > 0) return Results.ValidationProblem(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
                var report = await reports.BuildAsync(name, filter, http.Request.Query["drill"], ct);
                if (report is null) return Results.NotFound();
                var generated = dealer.ToLocal(clock.GetUtcNow().UtcDateTime);
                var buffer = new MemoryStream();
                ReportWorkbook.Write(report, generated, buffer);
                buffer.Position = 0;
                return Results.File(buffer, ReportWorkbook.ContentType, ReportWorkbook.FileName(report, generated));
            })
            .RequireAuthorization(Policies.Reports);
}
