using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Endpoints;

public static class WorkOrderEndpoints
{
    public static void MapWorkOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // The work-order list as a workbook: the same query string as the page, so it holds exactly the rows its filters
        // select (every page of them), scoped to the dealer by the same service query, streamed as it is read.
        app.MapGet("/workorders/export.xlsx", async (HttpContext http, WorkOrderListService list, ExportContext export, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, WorkOrderListService.FilterNames);
                var (advisors, technicians) = await list.PeopleAsync(ct);
                return await export.FileAsync("Work orders", "work-orders", WorkOrderListService.Describe(query, [.. advisors, .. technicians]),
                    WorkOrderExport.Columns(export.Dealer, list.AllDealers), list.AllRowsAsync(query, ct), ct);
            })
            .RequireAuthorization(Policies.WorkOrdersRead);
    }
}
