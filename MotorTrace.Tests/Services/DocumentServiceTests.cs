using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Documents;
using static MotorTrace.Tests.Integration.Infrastructure.PdfText;
using static MotorTrace.Tests.Services.EstimateScenario;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteDocumentServiceTests(SqliteFactory app) : DocumentServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresDocumentServiceTests(PostgresFactory app) : DocumentServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// <see cref="DocumentService"/> over a real database: the invoice prints the stored record of its own dealer's workshop, the
/// estimate its recorded evidence, the receipt the balance after the payment, the statement the customer's own invoices;
/// another dealer's records and roles without the policy get nothing, and a portal customer only their own finalised invoices.
/// </summary>
public abstract class DocumentServiceTests(MotorTraceFactory app)
{
    private const string OtherDealersAdvisor = "advisor@d1.motortrace.test";
    private static int _nextInvoice;

    private Task<EstimateScenario> ShopAsync() => ForAsync(app);

    private Task<T> AsAsync<T>(string email, Func<DocumentService, Task<T>> work) => app.AsUserAsync(email, work);

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(app.Clock.GetUtcNow().UtcDateTime, "Asia/Kolkata"));

    /// <summary>An issued invoice of the scenario's customer (or <paramref name="customerId"/>): oil change and filter, 18% tax, 1,000.00 paid.</summary>
    private async Task<Invoice> InvoiceAsync(EstimateScenario shop, Action<Invoice>? change = null, Guid? customerId = null)
    {
        var workOrderId = await shop.NewWorkOrderAsync(WorkOrderStatus.Invoiced);
        if (customerId is { } other)
            await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == workOrderId).ExecuteUpdateAsync(s => s.SetProperty(w => w.CustomerId, other)));
        var invoice = new Invoice
        {
            DealerId = shop.DealerId, WorkOrderId = workOrderId, InvoiceNumber = $"INV-D{shop.DealerNumber:000}-2026-{Interlocked.Increment(ref _nextInvoice):000000}",
            Status = InvoiceStatus.PartiallyPaid, IssueDate = Today.AddDays(-20), DueDate = Today.AddDays(-5), FinalisedAt = DateTime.UtcNow, CurrencyCode = "INR",
            TaxRatePercent = 18m, SubtotalServices = 1500m, SubtotalParts = 450m, Subtotal = 1950m, TaxAmount = 351m, TotalAmount = 2301m,
            PaidAmount = 1000m, BalanceDue = 1301m, Terms = "Payment within 15 days.", Version = Guid.NewGuid(),
        };
        invoice.LineItems.Add(new InvoiceLineItem { DealerId = shop.DealerId, Type = LineItemType.Service, LineNumber = 1, Description = "Oil change", Quantity = 1, UnitPrice = 1500m, Subtotal = 1500m });
        invoice.LineItems.Add(new InvoiceLineItem { DealerId = shop.DealerId, Type = LineItemType.Part, LineNumber = 2, Description = "Oil filter", Quantity = 1, UnitPrice = 450m, Subtotal = 450m });
        change?.Invoke(invoice);
        await shop.DbAsync(db => { db.Invoices.Add(invoice); return db.SaveChangesAsync(); });
        return invoice;
    }

    private async Task<Payment> PaymentAsync(EstimateScenario shop, Invoice invoice, decimal amount, int daysAgo, PaymentMethod method = PaymentMethod.Upi, decimal refunded = 0)
    {
        var advisor = await shop.UserIdAsync(shop.Advisor);
        var payment = new Payment
        {
            DealerId = shop.DealerId, WorkOrderId = invoice.WorkOrderId, InvoiceId = invoice.Id, ProcessedById = advisor, Method = method, Amount = amount,
            Reference = $"REF-{amount}", Status = refunded > 0 ? PaymentRecordStatus.PartiallyRefunded : PaymentRecordStatus.Completed,
            PaidAt = DateTime.UtcNow.AddDays(-daysAgo), RefundAmount = refunded, Version = Guid.NewGuid(),
        };
        if (refunded > 0)
            payment.Refunds.Add(new PaymentRefund
            {
                DealerId = shop.DealerId, Amount = refunded, Reason = "Paid twice by mistake", Method = method, RefundedAt = DateTime.UtcNow.AddDays(-daysAgo + 1), ProcessedById = advisor,
            });
        await shop.DbAsync(db => { db.Payments.Add(payment); return db.SaveChangesAsync(); });
        return payment;
    }

    [DatabaseFact]
    public async Task The_invoice_prints_its_stored_record_for_finance_readers_of_its_dealer_only()
    {
        var shop = await ShopAsync();
        var invoice = await InvoiceAsync(shop);

        var file = await AsAsync(shop.Advisor, s => s.InvoiceAsync(invoice.Id));

        Assert.NotNull(file);
        Assert.Equal($"{invoice.InvoiceNumber}.pdf", file.FileName);
        var page = Squeeze(Read(file.Content).All);
        foreach (var text in new[]
        {
            $"Estimate Workshop {shop.DealerNumber}", $"Invoice no. {invoice.InvoiceNumber}", "Meera Iyer", "2022 Skoda Kushaq", $"Plate: KA 01 AB {shop.DealerNumber}",
            "Odometer: 25,000 km", "Oil change 1 INR 1,500.00 INR 1,500.00", "Oil filter 1 INR 450.00 INR 450.00", "Subtotal INR 1,950.00",
            "Tax 18% (added to the prices) INR 351.00", "Total INR 2,301.00", "Paid INR 1,000.00", "Balance due INR 1,301.00", "Payment within 15 days.",
        })
            Assert.Contains(text, page);
        Assert.Null(await AsAsync(OtherDealersAdvisor, s => s.InvoiceAsync(invoice.Id)));
        Assert.Null(await AsAsync(shop.Technician, s => s.InvoiceAsync(invoice.Id)));
        Assert.Null(await AsAsync(shop.Advisor, s => s.InvoiceAsync(Guid.NewGuid())));
    }

    [DatabaseFact]
    public async Task A_warranty_invoice_bills_the_manufacturer_under_the_claim()
    {
        var shop = await ShopAsync();
        var invoice = await InvoiceAsync(shop, i => i.Payer = LinePayer.Warranty);
        await shop.DbAsync(db => db.WorkOrders.Where(w => w.Id == invoice.WorkOrderId).ExecuteUpdateAsync(s => s.SetProperty(w => w.WarrantyClaimNumber, "WC-2026-0042")));

        var page = Squeeze(Read((await AsAsync(shop.Advisor, s => s.InvoiceAsync(invoice.Id)))!.Content).All);

        Assert.Contains("Manufacturer warranty", page);
        Assert.Contains("Warranty claim: WC-2026-0042", page);
        Assert.Contains("Vehicle owner: Meera Iyer", page);
    }

    [DatabaseFact]
    public async Task The_estimate_prints_the_recorded_answer_of_each_line_and_the_work_order_s_totals()
    {
        var shop = await ShopAsync();
        await shop.SetStockAsync(10);
        var id = await shop.NewWorkOrderAsync();
        await shop.ChangeAsync(id, (s, v) => s.AddCannedServiceAsync(id, v, shop.OilChange));
        var service = (await shop.EstimateAsync(id)).Lines[0];
        await shop.ChangeAsync(id, (s, v) => s.RecordDecisionAsync(id, v, EstimateLineKind.Service, service.Id, Answer(ApprovalDecision.Approved, ApprovalMethod.InPerson, "Meera Iyer")));

        var file = await AsAsync(shop.Technician, s => s.EstimateAsync(id));

        Assert.NotNull(file);
        var page = Squeeze(Read(file.Content).All).Replace("\n", " ");
        Assert.Contains("Oil change Approved 1 INR 1,500.00 INR 1,500.00", page);
        Assert.Matches(@"Approved · In person · answered by Meera Iyer · price shown INR\s+1,500.00 · recorded by Arjun Advisor", page);
        // The filter follows its service's answer; 1,950.00 + 18% = 2,301.00 (WorkOrderTotals).
        Assert.Contains("Approved INR 1,950.00", page);
        Assert.Contains("Estimated total INR 2,301.00", page);
        Assert.Null(await AsAsync(OtherDealersAdvisor, s => s.EstimateAsync(id)));
    }

    [DatabaseFact]
    public async Task The_receipt_gives_the_balance_right_after_its_payment_and_lists_its_refunds()
    {
        var shop = await ShopAsync();
        var invoice = await InvoiceAsync(shop);
        var first = await PaymentAsync(shop, invoice, 1000m, daysAgo: 10);
        var second = await PaymentAsync(shop, invoice, 800m, daysAgo: 5, PaymentMethod.CreditCard, refunded: 100m);

        var firstPage = Squeeze(Read((await AsAsync(shop.Advisor, s => s.ReceiptAsync(first.Id)))!.Content).All);
        var secondPage = Squeeze(Read((await AsAsync(shop.Advisor, s => s.ReceiptAsync(second.Id)))!.Content).All);

        Assert.Contains("Balance after this payment INR 1,301.00", firstPage);
        Assert.Contains($"Invoice {invoice.InvoiceNumber}", firstPage);
        Assert.Contains("Received by: Arjun Advisor", firstPage);
        Assert.Contains("Balance after this payment INR 501.00", secondPage);
        Assert.Contains("Method: Credit card", secondPage);
        Assert.Contains("Paid twice by mistake INR 100.00", secondPage);
        Assert.Null(await AsAsync(OtherDealersAdvisor, s => s.ReceiptAsync(first.Id)));
    }

    [DatabaseFact]
    public async Task The_statement_lists_the_customer_s_own_invoices_and_payments_with_the_running_balance_and_ageing()
    {
        var shop = await ShopAsync();
        var other = new Customer { DealerId = shop.DealerId, Name = "Zoë Ångström", Phone = "+919800000078" };
        await shop.DbAsync(db => { db.Customers.Add(other); return db.SaveChangesAsync(); });
        var invoice = await InvoiceAsync(shop, customerId: other.Id);
        await PaymentAsync(shop, invoice, 1000m, daysAgo: 10);
        await InvoiceAsync(shop, i => (i.Status, i.InvoiceNumber) = (InvoiceStatus.Draft, null), customerId: other.Id);
        var warranty = await InvoiceAsync(shop, i => i.Payer = LinePayer.Warranty, customerId: other.Id);

        var file = await AsAsync(shop.Advisor, s => s.StatementAsync(other.Id));

        Assert.NotNull(file);
        var page = Squeeze(Read(file.Content).All);
        Assert.Contains("Zoë Ångström", page);
        Assert.Contains($"{invoice.InvoiceNumber} Invoice for", page);
        Assert.Contains("INR 2,301.00 INR 2,301.00", page);
        Assert.Contains("Payment, UPI (REF-1000) INR 1,000.00 INR 1,301.00", page);
        Assert.Contains("Closing balance INR 1,301.00", page);
        Assert.DoesNotContain(warranty.InvoiceNumber!, page);
        Assert.DoesNotContain("DRAFT", page);
        // Due five days ago: in the first bucket.
        Assert.Contains("INR 1,301.00 INR 0.00 INR 0.00 INR 0.00 INR 1,301.00", page);
        Assert.Null(await AsAsync(OtherDealersAdvisor, s => s.StatementAsync(other.Id)));
        Assert.Null(await AsAsync(shop.Technician, s => s.StatementAsync(other.Id)));
    }

    [DatabaseFact]
    public async Task A_portal_customer_gets_only_their_own_finalised_invoices()
    {
        var shop = await ShopAsync();
        var customer = await app.CreateUserAsync(Roles.Customer, shop.DealerNumber, "Meera Iyer");
        var userId = await shop.UserIdAsync(customer);
        var own = new Customer { DealerId = shop.DealerId, Name = "Meera Iyer (portal)", Phone = "+919800000079", UserId = userId };
        var stranger = new Customer { DealerId = shop.DealerId, Name = "Somebody Else", Phone = "+919800000080" };
        await shop.DbAsync(db => { db.Customers.AddRange(own, stranger); return db.SaveChangesAsync(); });
        var mine = await InvoiceAsync(shop, customerId: own.Id);
        var myDraft = await InvoiceAsync(shop, i => (i.Status, i.InvoiceNumber) = (InvoiceStatus.Draft, null), customerId: own.Id);
        var theirs = await InvoiceAsync(shop, customerId: stranger.Id);

        Assert.NotNull(await AsAsync(customer, s => s.PortalInvoiceAsync(mine.Id)));
        Assert.Null(await AsAsync(customer, s => s.PortalInvoiceAsync(myDraft.Id)));
        Assert.Null(await AsAsync(customer, s => s.PortalInvoiceAsync(theirs.Id)));
        // Staff use the staff address; the portal's is only for customers.
        Assert.Null(await AsAsync(shop.Advisor, s => s.PortalInvoiceAsync(mine.Id)));
        Assert.Null(await AsAsync(customer, s => s.InvoiceAsync(mine.Id)));
    }
}
