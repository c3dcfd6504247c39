using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Finance;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Endpoints;

/// <summary>The finance lists as workbooks: the same query string as each page, scoped to the dealer by the same service query.</summary>
public static class FinanceEndpoints
{
    public static void MapFinanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/invoices/export.xlsx", async (HttpContext http, InvoiceListService list, DealerContext dealer, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, InvoiceListService.FilterNames);
                var rows = await list.AllRowsAsync(query, ct: ct);
                var heading = Heading("Invoices", dealer, user, clock, InvoiceListService.Describe(query, await list.CustomerNameAsync(query, ct)));
                return Results.File(GridExport.Write(heading, FinanceExport.Invoices(list.AllDealers), rows, "Invoices"), GridExport.ContentType,
                    $"invoices-{dealer.Today:yyyy-MM-dd}.xlsx");
            })
            .RequireAuthorization(Policies.FinanceRead);

        app.MapGet("/invoices/receivables/export.xlsx", async (InvoiceListService list, DealerContext dealer, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var receivables = await list.ReceivablesAsync(ct);
                var heading = Heading("Accounts receivable", dealer, user, clock, [("As of", receivables.AsOf.ToString("yyyy-MM-dd"))]);
                return Results.File(GridExport.Write(heading, FinanceExport.Receivables(list.AllDealers), receivables.Rows, "Receivables"),
                    GridExport.ContentType, $"receivables-{dealer.Today:yyyy-MM-dd}.xlsx");
            })
            .RequireAuthorization(Policies.FinanceRead);

        app.MapGet("/payments/export.xlsx", async (HttpContext http, PaymentListService list, DealerContext dealer, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, PaymentListService.FilterNames);
                var rows = await list.AllRowsAsync(query, ct: ct);
                var heading = Heading("Payments", dealer, user, clock, PaymentListService.Describe(query));
                return Results.File(GridExport.Write(heading, FinanceExport.Payments(dealer, list.AllDealers), rows, "Payments"), GridExport.ContentType,
                    $"payments-{dealer.Today:yyyy-MM-dd}.xlsx");
            })
            .RequireAuthorization(Policies.FinanceRead);
    }

    // Loaded by the list service before this is called (AllRowsAsync / ReceivablesAsync load the dealer context).
    private static ExportHeading Heading(string title, DealerContext dealer, CurrentUser user, TimeProvider clock, IReadOnlyList<(string Name, string Value)> filters) =>
        new(title + (dealer.Code is { } code ? $" · {code}" : " · all dealers"), dealer.ToLocal(clock.GetUtcNow().UtcDateTime), dealer.TimeZone.Id,
            user.DisplayName, filters);
}
