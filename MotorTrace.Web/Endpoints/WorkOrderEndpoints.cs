using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Endpoints;

public static class WorkOrderEndpoints
{
    public static void MapWorkOrderEndpoints(this IEndpointRouteBuilder app)
    {
        // The work-order list as a workbook: the same query string as the page, so it holds exactly the rows its filters
        // select (every page of them), scoped to the dealer by the same service query.
        app.MapGet("/workorders/export.xlsx", async (HttpContext http, WorkOrderListService list, DealerContext dealer, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, WorkOrderListService.FilterNames);
                await dealer.LoadAsync(ct);
                var rows = await list.AllRowsAsync(query, ct: ct);
                var (advisors, technicians) = await list.PeopleAsync(ct);
                var heading = new ExportHeading("Work orders" + (dealer.Code is { } code ? $" · {code}" : " · all dealers"),
                    dealer.ToLocal(clock.GetUtcNow().UtcDateTime), dealer.TimeZone.Id, user.DisplayName,
                    WorkOrderListService.Describe(query, [.. advisors, .. technicians]));
                var workbook = GridExport.Write(heading, WorkOrderExport.Columns(dealer, list.AllDealers), rows, "Work orders");
                return Results.File(workbook, GridExport.ContentType, $"work-orders-{dealer.Today:yyyy-MM-dd}.xlsx");
            })
            .RequireAuthorization(Policies.WorkOrdersRead);
    }
}
