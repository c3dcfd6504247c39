using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Finance;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Endpoints;

/// <summary>The finance lists as workbooks: the same query string as each page, scoped to the dealer by the same service query.</summary>
public static class FinanceEndpoints
{
    public static void MapFinanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/export.xlsx", async (HttpContext http, InvoiceListService list, ExportContext export, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, InvoiceListService.FilterNames);
                return await export.FileAsync("Invoices", "invoices", InvoiceListService.Describe(query, await list.CustomerNameAsync(query, ct)),
                    FinanceExport.Invoices(list.AllDealers), list.AllRowsAsync(query, ct), ct);
            })
            .RequireAuthorization(Policies.FinanceRead);

        // The ageing table as on screen: one row per customer, computed from the open invoices, so it is read first.
        app.MapGet("/invoices/receivables/export.xlsx", async (InvoiceListService list, ExportContext export, CancellationToken ct) =>
            {
                var receivables = await list.ReceivablesAsync(ct);
                return await export.FileAsync("Accounts receivable", "receivables", [("As of", receivables.AsOf.ToString("yyyy-MM-dd"))],
                    FinanceExport.Receivables(list.AllDealers), receivables.Rows.ToAsyncEnumerable(), ct);
            })
            .RequireAuthorization(Policies.FinanceRead);

        app.MapGet("/payments/export.xlsx", async (HttpContext http, PaymentListService list, ExportContext export, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, PaymentListService.FilterNames);
                return await export.FileAsync("Payments", "payments", PaymentListService.Describe(query),
                    FinanceExport.Payments(export.Dealer, list.AllDealers), list.AllRowsAsync(query, ct), ct);
            })
            .RequireAuthorization(Policies.FinanceRead);
    }
}
