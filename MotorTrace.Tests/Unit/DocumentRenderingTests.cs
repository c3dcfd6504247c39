using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Documents;
using MotorTrace.Web.Services.WorkOrders;
using static MotorTrace.Tests.Integration.Infrastructure.PdfText;

namespace MotorTrace.Tests.Unit;

/// <summary>
/// The PDF documents rendered from their data and read back as text (pdftotext): what a customer reads on the invoice, the
/// estimate, the receipt and the statement; the 200-line invoice over several pages; ₹, € and accents through the embedded font.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DocumentRenderingTests
{
    public static readonly Letterhead Dealer = new("Škoda Motors Koramangala", ["80 Feet Road, Koramangala", "Bengaluru Karnataka 560034", "India"],
        "+91 80 4000 1234", "service@koramangala.example", "29ABCDE1234F1Z5");

    public static InvoiceDocumentData Invoice(int lines = 3, string? number = "INV-D001-2026-000123", InvoiceStatus status = InvoiceStatus.PartiallyPaid,
        InvoiceKind kind = InvoiceKind.Invoice, bool taxInclusive = false, string currency = "INR")
    {
        var items = Enumerable.Range(1, lines).Select(n => new InvoiceDocumentLine(
            (n % 3) switch { 1 => LineItemType.Service, 2 => LineItemType.Labor, _ => LineItemType.Part },
            n, n == 1 ? "Oil change ₹ express, crème synthétique €" : $"Line {n:000} brake pad set, front axle", 1 + n % 2, 100.25m, (1 + n % 2) * 100.25m)).ToList();
        return new InvoiceDocumentData(Dealer, number, kind, kind == InvoiceKind.CreditNote ? "INV-D001-2026-000100" : null, status,
            new DateOnly(2026, 12, 6), new DateOnly(2026, 12, 21), status == InvoiceStatus.Void ? new DateOnly(2026, 12, 7) : null,
            status == InvoiceStatus.Void ? "Issued to the wrong customer" : null,
            new PdfBox("Bill to", ["José Müller-Ørsted", "Flat 1203, Prestige Shantiniketan", "Bengaluru 560048", "Phone: +91 98450 12345"]),
            new DocumentVehicle("2022 Škoda Kushaq", "KA 01 AB 1234", "TMBJB9NW5N1234567", 25_400), "WO-D001-000042", currency, 18m, taxInclusive, items,
            SubtotalServices: 1111.11m, SubtotalLabor: 2222.22m, SubtotalParts: 3333.33m, Subtotal: 6666.66m, Discount: 666.66m, Tax: 1080.00m, Total: 7080.00m,
            Paid: 2000.00m, BalanceDue: 5080.00m, Terms: "Payment due within 15 days. Prices in ₹; € accepted at the day's rate.", Notes: "Customer brought own wiper blades.");
    }

    [Fact]
    public void A_one_page_invoice_prints_the_letterhead_parties_lines_and_the_stored_totals_in_its_currency()
    {
        var pdf = Read(InvoiceDocument.Render(Invoice()));

        var page = Squeeze(Assert.Single(pdf.Pages));
        Assert.Equal((595, 842), ((int)Math.Round(pdf.Sizes[0].Width), (int)Math.Round(pdf.Sizes[0].Height)));
        foreach (var text in new[]
        {
            "Škoda Motors Koramangala", "80 Feet Road, Koramangala", "+91 80 4000 1234", "service@koramangala.example", "Tax registration: 29ABCDE1234F1Z5",
            "INVOICE", "Invoice no. INV-D001-2026-000123", "Issue date 06 Dec 2026", "Due date 21 Dec 2026", "Work order WO-D001-000042",
            "José Müller-Ørsted", "Phone: +91 98450 12345", "2022 Škoda Kushaq", "Plate: KA 01 AB 1234", "VIN: TMBJB9NW5N1234567", "Odometer: 25,400 km",
            "Services", "Labour", "Parts", "# Description Qty Unit price Amount",
            "Services subtotal INR 1,111.11", "Labour subtotal INR 2,222.22", "Parts subtotal INR 3,333.33",
            // The stored amounts, not sums of the lines.
            "Subtotal INR 6,666.66", "Discount − INR 666.66", "Tax 18% (added to the prices) INR 1,080.00", "Total INR 7,080.00", "Paid INR 2,000.00",
            "Balance due INR 5,080.00", "Due by 21 Dec 2026", "Customer brought own wiper blades.", "Page 1 of 1",
        })
            Assert.Contains(text, page);
        Assert.DoesNotContain("DRAFT", page);
    }

    [Fact]
    public void Rupee_euro_and_accented_text_extracts_as_written()
    {
        var page = Read(InvoiceDocument.Render(Invoice(currency: "EUR"))).All;

        Assert.Contains("Oil change ₹ express, crème synthétique €", page);
        Assert.Contains("Prices in ₹; € accepted at the day's rate.", page);
        Assert.Contains("José Müller-Ørsted", page);
        Assert.Contains("EUR 7,080.00", page);
    }

    [Fact]
    public void A_200_line_invoice_flows_over_several_pages_each_with_the_header_row_and_its_page_number()
    {
        var pdf = Read(InvoiceDocument.Render(Invoice(lines: 200)));

        Assert.True(pdf.Pages.Count >= 4, $"200 lines on {pdf.Pages.Count} pages");
        for (var i = 0; i < pdf.Pages.Count; i++)
        {
            var page = Squeeze(pdf.Pages[i]);
            Assert.Contains("# Description Qty Unit price Amount", page);
            Assert.Contains($"Page {i + 1} of {pdf.Pages.Count}", page);
            Assert.Contains("Škoda Motors Koramangala", page);
            if (i > 0) Assert.Contains("Invoice INV-D001-2026-000123 (continued)", page);
        }
        var all = pdf.All;
        foreach (var n in new[] { 2, 100, 199, 200 }) Assert.Contains($"Line {n:000} brake pad set", all);
        Assert.Contains("Balance due INR 5,080.00", Squeeze(pdf.Pages[^1]));
        Assert.DoesNotContain("Balance due", pdf.Pages[0]);
    }

    [Fact]
    public void Each_page_of_a_200_line_invoice_drawn_as_an_image_has_its_header_and_footer_and_nothing_off_the_paper()
    {
        var pages = PdfPageImage.Render(InvoiceDocument.Render(Invoice(lines: 200)));

        Assert.True(pages.Count >= 4, $"200 lines on {pages.Count} pages");
        Assert.All(pages.Select((page, i) => (page, i)), p =>
        {
            var (page, i) = p;
            Assert.InRange((double)page.Height / page.Width, 1.40, 1.43); // A4 upright
            Assert.True(page.Ink(0.05, 0, 0.95, 0.12) > 200, $"page {i + 1}: no letterhead or heading at the top");
            Assert.True(page.Ink(0.05, 0.12, 0.95, 0.85) > 2000, $"page {i + 1}: no lines in the body");
            Assert.True(page.Ink(0, 0.93, 1, 1) > 20, $"page {i + 1}: no page number at the foot");
            Assert.Equal(0, page.Ink(0.975, 0, 1, 1)); // nothing runs into the right edge
            Assert.Equal(0, page.Ink(0, 0, 0.025, 1)); // nor the left
        });
    }

    [Fact]
    public void A_draft_says_draft_where_the_number_goes_and_has_no_number()
    {
        var data = Invoice(number: null, status: InvoiceStatus.Draft);
        var page = Squeeze(Read(InvoiceDocument.Render(data)).All);

        Assert.Contains("Invoice no. DRAFT", page);
        Assert.Contains("DRAFT: not finalised", page);
        Assert.Contains("Issue date not issued yet", page);
        Assert.DoesNotContain("INV-D001", page);
        Assert.Equal("INV-DRAFT-WO-D001-000042.pdf", data.FileName);
    }

    [Fact]
    public void A_credit_note_is_titled_as_such_and_names_the_invoice_it_corrects()
    {
        var data = Invoice(number: "INV-D001-2026-000130", status: InvoiceStatus.Issued, kind: InvoiceKind.CreditNote);
        var page = Squeeze(Read(InvoiceDocument.Render(data)).All);

        Assert.Contains("CREDIT NOTE", page);
        Assert.Contains("Credit note no. INV-D001-2026-000130", page);
        Assert.Contains("Corrects invoice INV-D001-2026-000100", page);
        Assert.Contains("This credit note corrects invoice INV-D001-2026-000100", page);
        Assert.Contains("Total credited INR 7,080.00", page);
        Assert.DoesNotContain("Balance due", page);
    }

    [Fact]
    public void A_void_invoice_is_marked_void_with_its_reason()
    {
        var page = Squeeze(Read(InvoiceDocument.Render(Invoice(status: InvoiceStatus.Void))).All);

        Assert.Contains("VOID since 07 Dec 2026: Issued to the wrong customer. This document is not payable.", page);
        Assert.DoesNotContain("Balance due", page);
    }

    [Fact]
    public void Tax_inclusive_prices_say_the_tax_is_included()
    {
        var page = Squeeze(Read(InvoiceDocument.Render(Invoice(taxInclusive: true))).All);

        Assert.Contains("Tax 18% (included in the prices) INR 1,080.00", page);
    }

    [Fact]
    public void The_estimate_prints_each_line_s_decision_its_evidence_and_the_totals()
    {
        var recorded = new DateTime(2026, 12, 6, 10, 30, 0);
        EstimateDocumentLine[] lines =
        [
            new(EstimateLineKind.Service, false, "Oil change", 1, 1500m, 1500m, LineDecision.Approved, LinePayer.Customer,
                [new(ApprovalDecision.Approved, ApprovalMethod.InPerson, "Meera Iyer", 1500m, "Arjun Advisor", recorded, "Wants it by 5 pm")]),
            new(EstimateLineKind.Part, true, "Oil filter (04E115561)", 1, 450m, 450m, LineDecision.Declined, LinePayer.Customer,
                [new(ApprovalDecision.Declined, ApprovalMethod.Phone, "Ravi Iyer", 450m, "Arjun Advisor", recorded.AddMinutes(5), null)]),
            new(EstimateLineKind.Service, false, "Brake service", 1, 2500m, 2500m, LineDecision.Pending, LinePayer.Customer, []),
        ];
        var totals = WorkOrderTotals.Compute(lines.Select(l => new PricedLine(l.Kind, l.Quantity, l.UnitPrice, l.Decision)), DiscountType.None, 0, 18m);
        var data = new EstimateDocumentData(Dealer, "WO-D001-000042", WorkOrderStatus.AwaitingApproval, new DateOnly(2026, 12, 6),
            new PdfBox("Customer", ["Meera Iyer"]), new DocumentVehicle("2022 Škoda Kushaq", "KA 01 AB 1234", "TMBJB9NW5N1234567", 25_400), "INR", 18m, lines, totals, null);

        var page = Squeeze(Read(EstimateDocument.Render(data)).All);

        Assert.Contains("ESTIMATE", page);
        Assert.Contains("Oil change Approved 1 INR 1,500.00 INR 1,500.00", page);
        Assert.Contains("Part: Oil filter (04E115561) Declined", page);
        Assert.Contains("Brake service Awaiting answer", page);
        // The evidence runs across the page under its line (and may wrap).
        var flowing = System.Text.RegularExpressions.Regex.Replace(page, @"\s+", " ");
        Assert.Contains("Oil change Approved 1 INR 1,500.00 INR 1,500.00 Approved · In person · answered by Meera Iyer · price shown INR 1,500.00 · recorded by Arjun Advisor, 06 Dec 2026 10:30 · “Wants it by 5 pm”", flowing);
        Assert.Contains("Part: Oil filter (04E115561) Declined 1 INR 450.00 INR 450.00 Declined · Phone · answered by Ravi Iyer · price shown INR 450.00 · recorded by Arjun Advisor, 06 Dec 2026 10:35", flowing);
        Assert.Contains("Approved INR 1,500.00", page);
        Assert.Contains("Declined (not counted) INR 450.00", page);
        Assert.Contains("Waiting for an answer INR 2,500.00", page);
        // 4,000.00 + 18% = 4,720.00, as WorkOrderTotals computes it for the page.
        Assert.Contains("Tax 18% INR 720.00", page);
        Assert.Contains("Estimated total INR 4,720.00", page);
    }

    [Fact]
    public void The_receipt_prints_the_payment_the_balance_after_it_and_its_refunds()
    {
        var data = new ReceiptDocumentData(Dealer, Guid.Parse("0193a0b0-0000-7000-8000-00000000abcd"), new DateTime(2026, 12, 6, 16, 5, 0), PaymentMethod.Upi,
            PaymentRecordStatus.PartiallyRefunded, 3000m, "UPI 412345678901", "Arjun Advisor", "INR", new PdfBox("Received from", ["José Müller-Ørsted"]),
            "WO-D001-000042", "INV-D001-2026-000123", 7080m, 4080m, 4580m, 500m,
            [new(new DateTime(2026, 12, 7, 11, 0, 0), 500m, PaymentMethod.Upi, "UPI R-77", "Paid twice for the wiper blades")], null);

        var page = Squeeze(Read(ReceiptDocument.Render(data)).All);

        Assert.Contains("PAYMENT RECEIPT", page);
        Assert.Contains("Receipt no. RCPT-00000000ABCD", page);
        Assert.Contains("Invoice INV-D001-2026-000123", page);
        Assert.Contains("INR 3,000.00", page);
        Assert.Contains("Method: UPI", page);
        Assert.Contains("Reference: UPI 412345678901", page);
        Assert.Contains("Received by: Arjun Advisor", page);
        Assert.Contains("Balance after this payment INR 4,080.00", page);
        Assert.Contains("Balance due today INR 4,580.00", page);
        Assert.Contains("Paid twice for the wiper blades INR 500.00", page);
        Assert.Contains("Refunded in all INR 500.00", page);
    }

    [Fact]
    public void The_statement_runs_the_balance_nets_a_void_to_zero_and_ages_what_is_open()
    {
        var today = new DateOnly(2026, 12, 6);
        StatementInvoice Inv(string n, int daysAgoIssued, decimal total, decimal paid, InvoiceStatus status = InvoiceStatus.Issued) =>
            new(n, InvoiceKind.Invoice, status, today.AddDays(-daysAgoIssued), today.AddDays(-daysAgoIssued + 15), status == InvoiceStatus.Void ? today.AddDays(-daysAgoIssued + 1) : null,
                status == InvoiceStatus.Void ? "Wrong customer" : null, total, paid, status == InvoiceStatus.Void ? 0 : total - paid, "WO-1");
        StatementInvoice[] invoices =
        [
            Inv("INV-OLD", 500, 1000m, 1000m, InvoiceStatus.Paid),    // before the period: paid, nets to zero
            Inv("INV-A", 400, 300m, 0m, InvoiceStatus.Overdue),       // before the period, still open: opening balance 300, 385 days past due
            Inv("INV-B", 90, 200m, 0m, InvoiceStatus.Overdue),        // 75 days past due
            Inv("INV-C", 60, 500m, 100m, InvoiceStatus.PartiallyPaid),// 45 days past due
            Inv("INV-D", 45, 700m, 0m, InvoiceStatus.Overdue),        // exactly 30 days past due
            Inv("INV-E", 10, 100m, 0m),                               // not yet due
            Inv("INV-V", 20, 999m, 0m, InvoiceStatus.Void),
        ];
        StatementMoney[] money = [new(today.AddDays(-499), "INV-OLD", "Payment, Cash", 1000m), new(today.AddDays(-55), "INV-C", "Payment, UPI", 150m), new(today.AddDays(-50), "INV-C", "Refund: overpaid", -50m)];

        var (opening, entries, closing, open, aged) = StatementDocumentData.Ledger(invoices, money, today.AddMonths(-12), today, today);

        Assert.Equal(300m, opening);
        Assert.Equal(["INV-B", "INV-C", "INV-C", "INV-C", "INV-D", "INV-V", "INV-V", "INV-E"], entries.Select(e => e.Reference));
        Assert.Equal([500m, 1000m, 850m, 900m, 1600m, 2599m, 1600m, 1700m], entries.Select(e => e.Balance));
        Assert.Equal(1700m, closing);
        Assert.Equal(open.Sum(i => i.BalanceDue), closing);
        Assert.Equal((800m, 400m, 200m, 300m), (aged.UpTo30, aged.From31To60, aged.From61To90, aged.Over90));
        Assert.Equal([385, 75, 45, 30, 0], open.Select(i => i.DaysPastDue));

        var data = new StatementDocumentData(Dealer, new PdfBox("Statement for", ["José Müller-Ørsted"]), "José Müller-Ørsted", today.AddMonths(-12), today, today, "INR",
            opening, entries, closing, open, aged);
        var page = Squeeze(Read(StatementDocument.Render(data)).All);
        Assert.Contains("STATEMENT", page);
        Assert.Contains("Opening balance INR 300.00", page);
        Assert.Contains("Closing balance INR 1,700.00", page);
        Assert.Contains("Invoice voided: Wrong customer", page);
        Assert.Contains("0–30 days 31–60 days 61–90 days Over 90 days Total open", page);
        Assert.Contains("INR 800.00 INR 400.00 INR 200.00 INR 300.00 INR 1,700.00", page);
    }
}
