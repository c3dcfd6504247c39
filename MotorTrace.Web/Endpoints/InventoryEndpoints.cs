using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Inventory;

namespace MotorTrace.Web.Endpoints;

public static class InventoryEndpoints
{
    public static void MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var inventory = app.MapGroup("/inventory").RequireAuthorization(Policies.InventoryRead);

        // The item list as a workbook: the same query string as the page, so it holds exactly the rows its filters select
        // (every page of them), scoped to the dealer by the same service query, streamed as it is read.
        inventory.MapGet("/export.xlsx", async (HttpContext http, InventoryService items, ExportContext export, CancellationToken ct) =>
        {
            var query = GridQuery.From(http.Request.Query, InventoryService.FilterNames);
            return await export.FileAsync("Parts and stock", "inventory", InventoryService.Describe(query, await items.CategoriesAsync(ct)),
                InventoryExport.Columns(items.AllDealers), items.AllRowsAsync(query, ct), ct);
        });

        // The reorder list, grouped by supplier as on screen: a bounded list, so it is read first.
        inventory.MapGet("/reorder/export.xlsx", async (ReorderService reorder, ExportContext export, CancellationToken ct) =>
        {
            var lines = ReorderService.Group(await reorder.LinesAsync(ct)).SelectMany(g => g.Lines);
            return await export.FileAsync("Reorder list", "reorder-list", [("Items", "Active parts at or below their reorder point; order up to the maximum")],
                ReorderService.ExportColumns(reorder.AllDealers), lines.ToAsyncEnumerable(), ct);
        });
    }
}
