using System.Net;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Tests.Integration.Infrastructure;
using static MotorTrace.Tests.Integration.Infrastructure.PdfText;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteDocumentEndpointTests(SqliteFactory app) : DocumentEndpointTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresDocumentEndpointTests(PostgresFactory app) : DocumentEndpointTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The PDF endpoints over HTTP with the demo data: a PDF shown inline under the document's name for the roles that may
/// see it, 404 for another dealer's record, refused for the wrong role, and the portal customer's own invoices only.
/// Who gets what on every route is in <see cref="AuthorizationMatrix"/>; the documents' content in DocumentRenderingTests.
/// </summary>
public abstract class DocumentEndpointTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Customer = "customer@d1.motortrace.test";

    private Task<Guid> FinalisedInvoiceAsync(Func<Invoice, bool>? mine = null) => app.WithDbAsync(async db =>
    {
        var dealer = await DealerOneAsync(db);
        var invoices = await db.Invoices.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.DealerId == dealer && i.Status != InvoiceStatus.Draft && i.Status != InvoiceStatus.Void && i.Payer == Data.Entities.WorkOrders.LinePayer.Customer)
            .Select(i => new { i.Id, Email = i.WorkOrder.Customer.User == null ? null : i.WorkOrder.Customer.User.Email })
            .ToListAsync();
        return invoices.OrderBy(i => i.Id).First(i => mine is null ? i.Email != Customer : i.Email == Customer).Id;
    });

    private static Task<Guid> DealerOneAsync(Data.MotorTraceDbContext db) => db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();

    [DatabaseFact]
    public async Task An_advisor_gets_the_invoice_inline_as_a_pdf_under_its_number()
    {
        var id = await FinalisedInvoiceAsync();
        var number = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.Id == id).Select(i => i.InvoiceNumber).SingleAsync());
        var advisor = await app.UserAsync(Advisor);

        using var response = await advisor.Client.GetAsync($"/invoices/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"inline; filename=\"{number}.pdf\"", response.Content.Headers.ContentDisposition?.ToString() ?? string.Join("", response.Headers.GetValues("Content-Disposition")));
        var pdf = Read(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(number!, pdf.All);
        Assert.Contains($"Page 1 of {pdf.Pages.Count}", pdf.Pages[0]);
    }

    [DatabaseFact]
    public async Task Every_document_of_another_dealer_answers_404()
    {
        var ids = await app.WithDbAsync(async db =>
        {
            var dealer = await DealerOneAsync(db);
            return new
            {
                Invoice = await db.Invoices.IgnoreQueryFilters().Where(i => i.DealerId == dealer).Select(i => i.Id).FirstAsync(),
                Payment = await db.Payments.IgnoreQueryFilters().Where(p => p.DealerId == dealer).Select(p => p.Id).FirstAsync(),
                Customer = await db.Customers.IgnoreQueryFilters().Where(c => c.DealerId == dealer).Select(c => c.Id).FirstAsync(),
                WorkOrder = await db.WorkOrders.IgnoreQueryFilters().Where(w => w.DealerId == dealer).Select(w => w.Id).FirstAsync(),
            };
        });
        var otherDealer = await app.UserAsync("advisor@d2.motortrace.test");

        foreach (var path in new[] { $"/invoices/{ids.Invoice}/pdf", $"/payments/{ids.Payment}/receipt.pdf", $"/customers/{ids.Customer}/statement.pdf", $"/workorders/{ids.WorkOrder}/estimate.pdf" })
        {
            using var response = await otherDealer.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }
    }

    [DatabaseFact]
    public async Task A_technician_gets_the_estimate_but_is_refused_the_invoice()
    {
        var id = await FinalisedInvoiceAsync();
        var workOrder = await app.WithDbAsync(db => db.Invoices.IgnoreQueryFilters().Where(i => i.Id == id).Select(i => i.WorkOrderId).SingleAsync());
        var technician = await app.UserAsync("tech@d1.motortrace.test");

        using var invoice = await technician.Client.GetAsync($"/invoices/{id}/pdf");
        using var estimate = await technician.Client.GetAsync($"/workorders/{workOrder}/estimate.pdf");

        Assert.True(AccountFlow.IsRedirectTo(invoice, AccountFlow.AccessDeniedPath) || invoice.StatusCode == HttpStatusCode.Forbidden, $"{(int)invoice.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, estimate.StatusCode);
        Assert.Equal("application/pdf", estimate.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ESTIMATE", Read(await estimate.Content.ReadAsByteArrayAsync()).All);
    }

    [DatabaseFact]
    public async Task The_portal_customer_gets_their_own_invoice_and_404_for_anyone_else_s()
    {
        var own = await FinalisedInvoiceAsync(mine: _ => true);
        var someoneElses = await FinalisedInvoiceAsync();
        var customer = await app.UserAsync(Customer);
        var advisor = await app.UserAsync(Advisor);

        using var mine = await customer.Client.GetAsync($"/portal/invoices/{own}/pdf");
        using var theirs = await customer.Client.GetAsync($"/portal/invoices/{someoneElses}/pdf");
        using var staffInvoice = await customer.Client.GetAsync($"/invoices/{own}/pdf");
        using var staffInPortal = await advisor.Client.GetAsync($"/portal/invoices/{own}/pdf");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Chris Customer", Read(await mine.Content.ReadAsByteArrayAsync()).All);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.True(AccountFlow.IsRedirectTo(staffInvoice, AccountFlow.AccessDeniedPath) || staffInvoice.StatusCode == HttpStatusCode.Forbidden);
        Assert.True(AccountFlow.IsRedirectTo(staffInPortal, AccountFlow.AccessDeniedPath) || staffInPortal.StatusCode == HttpStatusCode.Forbidden);
    }

    [DatabaseFact]
    public async Task A_statement_over_a_chosen_period_and_a_backwards_period_is_refused()
    {
        var id = await app.WithDbAsync(db => db.Customers.IgnoreQueryFilters().Where(c => c.User != null && c.User.Email == Customer).Select(c => c.Id).SingleAsync());
        var advisor = await app.UserAsync(Advisor);

        using var statement = await advisor.Client.GetAsync($"/customers/{id}/statement.pdf?from=2025-01-01&to=2026-12-31");
        using var backwards = await advisor.Client.GetAsync($"/customers/{id}/statement.pdf?from=2026-12-31&to=2025-01-01");

        Assert.Equal(HttpStatusCode.OK, statement.StatusCode);
        var text = Squeeze(Read(await statement.Content.ReadAsByteArrayAsync()).All);
        Assert.Contains("01 Jan 2025 – 31 Dec 2026", text);
        Assert.Contains("Chris Customer", text);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }
}
