using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Web.Endpoints;

public static class InventoryEndpoints
{
    public static void MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var inventory = app.MapGroup("/inventory").RequireAuthorization(Policies.InventoryRead);

        // The item list as a workbook: the same query string as the page, so it holds exactly the rows its filters select
        // (every page of them), scoped to the dealer by the same service query.
        inventory.MapGet("/export.xlsx", async (HttpContext http, InventoryService items, DealerContext dealer, CurrentUser user, TimeProvider clock,
            CancellationToken ct) =>
        {
            var query = GridQuery.From(http.Request.Query, InventoryService.FilterNames);
            await dealer.LoadAsync(ct);
            var rows = await items.AllRowsAsync(query, ct: ct);
            var heading = new ExportHeading("Parts and stock" + Scope(dealer), dealer.ToLocal(clock.GetUtcNow().UtcDateTime), dealer.TimeZone.Id,
                user.DisplayName, InventoryService.Describe(query, await items.CategoriesAsync(ct)));
            var workbook = GridExport.Write(heading, InventoryExport.Columns(items.AllDealers), rows, "Inventory");
            return Results.File(workbook, GridExport.ContentType, $"inventory-{dealer.Today:yyyy-MM-dd}.xlsx");
        });

        inventory.MapGet("/reorder/export.xlsx", async (ReorderService reorder, DealerContext dealer, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            await dealer.LoadAsync(ct);
            var lines = ReorderService.Group(await reorder.LinesAsync(ct)).SelectMany(g => g.Lines).ToList();
            var heading = new ExportHeading("Reorder list" + Scope(dealer), dealer.ToLocal(clock.GetUtcNow().UtcDateTime), dealer.TimeZone.Id,
                user.DisplayName, [("Items", "Active parts at or below their reorder point; order up to the maximum")]);
            var workbook = GridExport.Write(heading, ReorderService.ExportColumns(reorder.AllDealers), lines, "Reorder list");
            return Results.File(workbook, GridExport.ContentType, $"reorder-list-{dealer.Today:yyyy-MM-dd}.xlsx");
        });
    }

    private static string Scope(DealerContext dealer) => dealer.Code is { } code ? $" · {code}" : " · all dealers";
}
