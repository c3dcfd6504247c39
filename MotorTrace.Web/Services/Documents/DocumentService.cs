using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Documents;

/// <summary>A rendered document and the name it is sent under.</summary>
public sealed record PdfFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}

/// <summary>
/// Reads what a document prints and renders it: invoices and credit notes, a work order's estimate, payment receipts and
/// customer statements. Every read goes through the tenancy filter, so another dealer's record is null (the endpoint's
/// 404) like a missing one; each method also checks the role itself (FinanceRead for money documents, WorkOrdersRead for
/// estimates, the customer's own link for the portal). Amounts are the stored ones (computed by <see cref="WorkOrderTotals"/>
/// when the invoice was made); dates and times print in the record's dealer's time zone.
/// </summary>
public sealed class DocumentService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    WorkOrderEstimateService estimates,
    TimeProvider clock)
{
    /// <summary>The statement's default period: the last twelve months to today.</summary>
    public const int StatementMonths = 12;

    public bool CanReadFinance => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor) || user.IsInRole(Roles.WarrantyManager);

    public bool CanReadWorkOrders => CanReadFinance || user.IsInRole(Roles.Technician) || user.IsInRole(Roles.InventoryManager);

    private static readonly PaymentRecordStatus[] Received = [PaymentRecordStatus.Completed, PaymentRecordStatus.PartiallyRefunded, PaymentRecordStatus.Refunded];

    // ---- invoices ---------------------------------------------------------------------------------------------

    /// <summary>The invoice or credit note as a PDF, or null when it is not one the user may see.</summary>
    public async Task<PdfFile?> InvoiceAsync(Guid id, CancellationToken ct = default)
    {
        if (!CanReadFinance) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Render(await InvoiceDataAsync(db, db.Invoices.Where(i => i.Id == id), ct));
    }

    /// <summary>
    /// The invoice for the signed-in customer: only a finalised invoice of their own customer record (linked by
    /// <c>Customer.UserId</c>); drafts and everyone else's invoices are null.
    /// </summary>
    public async Task<PdfFile?> PortalInvoiceAsync(Guid id, CancellationToken ct = default)
    {
        if (!user.IsInRole(Roles.Customer) || user.UserId is not { } userId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var own = db.Invoices.Where(i => i.Id == id && i.Status != InvoiceStatus.Draft && i.InvoiceNumber != null && i.WorkOrder.Customer.UserId == userId);
        return Render(await InvoiceDataAsync(db, own, ct));
    }

    private static PdfFile? Render(InvoiceDocumentData? invoice) =>
        invoice is null ? null : new PdfFile(InvoiceDocument.Render(invoice), invoice.FileName);

    private static async Task<InvoiceDocumentData?> InvoiceDataAsync(MotorTraceDbContext db, IQueryable<Invoice> query, CancellationToken ct)
    {
        var i = await query.AsNoTracking().Select(i => new
            {
                i.Id, i.DealerId, i.InvoiceNumber, i.Kind, Credited = i.CreditedInvoice == null ? null : i.CreditedInvoice.InvoiceNumber, i.Status, i.IssueDate,
                i.DueDate, i.VoidedAt, i.VoidReason, i.Payer, i.CurrencyCode, i.TaxRatePercent, i.TaxInclusive, i.SubtotalServices, i.SubtotalLabor,
                i.SubtotalParts, i.Subtotal, i.DiscountAmount, i.TaxAmount, i.TotalAmount, i.PaidAmount, i.BalanceDue, i.Terms, i.Notes,
                i.WorkOrder.WorkOrderNumber, i.WorkOrder.OdometerReading, i.WorkOrder.WarrantyClaimNumber,
                Customer = new CustomerRow(i.WorkOrder.Customer.Name, i.WorkOrder.Customer.CompanyName, i.WorkOrder.Customer.Address, i.WorkOrder.Customer.City,
                    i.WorkOrder.Customer.PostalCode, i.WorkOrder.Customer.Phone, i.WorkOrder.Customer.Email),
                Vehicle = new VehicleRow(i.WorkOrder.Vehicle.Make, i.WorkOrder.Vehicle.Model, i.WorkOrder.Vehicle.Year, i.WorkOrder.Vehicle.LicensePlate, i.WorkOrder.Vehicle.Vin),
            })
            .FirstOrDefaultAsync(ct);
        if (i is null) return null;
        var dealer = await DealerAsync(db, i.DealerId, ct);
        var rows = await db.InvoiceLineItems.AsNoTracking().Where(l => l.InvoiceId == i.Id)
            .OrderBy(l => l.LineNumber).ThenBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.Type, l.LineNumber, l.Description, l.Quantity, l.UnitPrice, l.Subtotal })
            .ToListAsync(ct);
        // Lines written before numbering was kept (the demo's) have no number: they print in their stored order.
        var lines = rows.Select((l, n) => new InvoiceDocumentLine(l.Type, l.LineNumber > 0 ? l.LineNumber : n + 1, l.Description, l.Quantity, l.UnitPrice, l.Subtotal)).ToList();
        return new InvoiceDocumentData(
            dealer.Letterhead, i.InvoiceNumber, i.Kind, i.Credited, i.Status, i.IssueDate, i.DueDate,
            i.VoidedAt is { } voided ? DateOnly.FromDateTime(dealer.ToLocal(voided)) : null, i.VoidReason,
            BillTo(i.Payer, i.Customer, dealer, i.WarrantyClaimNumber), i.Vehicle.Document(i.OdometerReading), i.WorkOrderNumber,
            i.CurrencyCode, i.TaxRatePercent, i.TaxInclusive, lines,
            i.SubtotalServices, i.SubtotalLabor, i.SubtotalParts, i.Subtotal, i.DiscountAmount, i.TaxAmount, i.TotalAmount, i.PaidAmount, i.BalanceDue,
            i.Terms, i.Notes);
    }

    /// <summary>Who the invoice bills: the customer, the manufacturer's warranty (with the claim) or the dealer itself.</summary>
    private static PdfBox BillTo(LinePayer payer, CustomerRow customer, DealerRow dealer, string? claim) => payer switch
    {
        LinePayer.Warranty => new PdfBox("Bill to", [$"{dealer.Brand ?? "Manufacturer"} warranty", claim is null ? "Warranty claim number not recorded yet" : $"Warranty claim: {claim}", $"Vehicle owner: {customer.Name}"]),
        LinePayer.Internal => new PdfBox("Bill to", [$"{dealer.Letterhead.Name} (internal)", "Work on the workshop's own account", $"Vehicle owner: {customer.Name}"]),
        _ => customer.Box("Bill to"),
    };

    // ---- estimates --------------------------------------------------------------------------------------------

    /// <summary>The work order's estimate with the evidence of every answer, or null when the user may not see the work order.</summary>
    public async Task<PdfFile?> EstimateAsync(Guid workOrderId, CancellationToken ct = default)
    {
        if (!CanReadWorkOrders) return null;
        if (await estimates.EstimateAsync(workOrderId, ct) is not { } estimate) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.WorkOrders.AsNoTracking().Where(w => w.Id == workOrderId)
            .Select(w => new
            {
                w.DealerId, w.OdometerReading,
                Customer = new CustomerRow(w.Customer.Name, w.Customer.CompanyName, w.Customer.Address, w.Customer.City, w.Customer.PostalCode, w.Customer.Phone, w.Customer.Email),
                Vehicle = new VehicleRow(w.Vehicle.Make, w.Vehicle.Model, w.Vehicle.Year, w.Vehicle.LicensePlate, w.Vehicle.Vin),
            })
            .FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var dealer = await DealerAsync(db, head.DealerId, ct);
        var serviceIds = estimate.Services.Select(s => s.Id).ToHashSet();
        var lines = estimate.Lines.Select(l => new EstimateDocumentLine(
                l.Kind, l.IsPart && l.ServiceId is { } s && serviceIds.Contains(s), l.Description, l.Quantity, l.UnitPrice, l.Amount, l.Decision, l.Payer,
                estimate.HistoryOf(l.Id).Select(e => new EstimateDocumentEvidence(e.Decision, e.Method, e.AnsweredBy, e.PriceShown, e.RecordedBy, dealer.ToLocal(e.RecordedAt), e.Notes)).ToList()))
            .ToList();
        var discount = estimate.Discount;
        var discountNote = discount.AwaitingManager
            ? $"A discount{(discount.Reason is null ? "" : $" ({discount.Reason})")} waits for a manager's approval and is not counted yet."
            : discount.Type != DiscountType.None && estimate.Totals.Discount != 0 && discount.Reason is not null ? discount.Reason : null;
        var data = new EstimateDocumentData(dealer.Letterhead, estimate.Number, estimate.Status, dealer.Today(clock), head.Customer.Box("Customer"),
            head.Vehicle.Document(head.OdometerReading), estimate.Currency, estimate.TaxRatePercent, lines, estimate.Totals, discountNote);
        return new PdfFile(EstimateDocument.Render(data), data.FileName);
    }

    // ---- receipts ---------------------------------------------------------------------------------------------

    /// <summary>The receipt of one payment, or null when the user may not see it.</summary>
    public async Task<PdfFile?> ReceiptAsync(Guid paymentId, CancellationToken ct = default)
    {
        if (!CanReadFinance) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Payments.AsNoTracking().Where(p => p.Id == paymentId)
            .Select(p => new
            {
                p.Id, p.DealerId, p.InvoiceId, p.PaidAt, p.CreatedAt, p.Method, p.Status, p.Amount, p.Reference, p.Notes, p.RefundAmount, p.RefundReason, p.UpdatedAt,
                ProcessedBy = p.ProcessedBy.FullName, p.WorkOrder.WorkOrderNumber, p.WorkOrder.WarrantyClaimNumber,
                Payer = p.Invoice == null ? LinePayer.Customer : p.Invoice.Payer,
                InvoiceNumber = p.Invoice == null ? null : p.Invoice.InvoiceNumber,
                InvoiceTotal = p.Invoice == null ? (decimal?)null : p.Invoice.TotalAmount,
                BalanceDue = p.Invoice == null ? (decimal?)null : p.Invoice.BalanceDue,
                Customer = new CustomerRow(p.WorkOrder.Customer.Name, p.WorkOrder.Customer.CompanyName, p.WorkOrder.Customer.Address, p.WorkOrder.Customer.City,
                    p.WorkOrder.Customer.PostalCode, p.WorkOrder.Customer.Phone, p.WorkOrder.Customer.Email),
                Refunds = p.Refunds.OrderBy(r => r.RefundedAt).Select(r => new { r.RefundedAt, r.Amount, r.Method, r.Reference, r.Reason }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var dealer = await DealerAsync(db, p.DealerId, ct);
        var currency = p.InvoiceId is { } invoiceId
            ? await db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.CurrencyCode).FirstAsync(ct)
            : dealer.Currency;

        // The invoice's balance right after this payment: its total less every payment received on it up to this one.
        decimal? balanceAfter = null;
        if (p.InvoiceId is { } id && p.InvoiceTotal is { } total && Received.Contains(p.Status))
        {
            var received = await db.Payments.AsNoTracking().Where(x => x.InvoiceId == id && Received.Contains(x.Status))
                .Select(x => new { x.Id, At = x.PaidAt ?? x.CreatedAt, x.Amount }).ToListAsync(ct);
            var ordered = received.OrderBy(x => x.At).ThenBy(x => x.Id).ToList();
            balanceAfter = total - ordered.Take(ordered.FindIndex(x => x.Id == p.Id) + 1).Sum(x => x.Amount);
        }

        var refunds = p.Refunds.Select(r => new ReceiptDocumentRefund(dealer.ToLocal(r.RefundedAt), r.Amount, r.Method, r.Reference, r.Reason)).ToList();
        // Refunds recorded before each had its own row (the demo's) are one amount on the payment.
        if (p.RefundAmount > refunds.Sum(r => r.Amount))
            refunds.Add(new ReceiptDocumentRefund(dealer.ToLocal(p.UpdatedAt), p.RefundAmount - refunds.Sum(r => r.Amount), p.Method, null, p.RefundReason ?? "Refund"));

        var data = new ReceiptDocumentData(dealer.Letterhead, p.Id, dealer.ToLocal(p.PaidAt ?? p.CreatedAt), p.Method, p.Status, p.Amount, p.Reference,
            p.ProcessedBy, currency, BillTo(p.Payer, p.Customer, dealer, p.WarrantyClaimNumber) with { Heading = "Received from" }, p.WorkOrderNumber,
            p.InvoiceNumber, p.InvoiceTotal, balanceAfter, p.BalanceDue, p.RefundAmount, refunds, p.Notes);
        return new PdfFile(ReceiptDocument.Render(data), data.FileName);
    }

    // ---- statements -------------------------------------------------------------------------------------------

    /// <summary>
    /// The customer's statement over [<paramref name="from"/>, <paramref name="to"/>] (by default the last twelve months to
    /// today in the dealer's zone): the invoices billed to the customer (not warranty or internal ones) with their payments
    /// and refunds. Null when the user may not see the customer.
    /// </summary>
    public async Task<PdfFile?> StatementAsync(Guid customerId, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        if (!CanReadFinance) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.DealerId, Row = new CustomerRow(c.Name, c.CompanyName, c.Address, c.City, c.PostalCode, c.Phone, c.Email) })
            .FirstOrDefaultAsync(ct);
        if (customer is null) return null;
        var dealer = await DealerAsync(db, customer.DealerId, ct);
        var today = dealer.Today(clock);
        var end = to ?? today;
        var start = from ?? end.AddMonths(-StatementMonths);

        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.WorkOrder.CustomerId == customerId && i.Payer == LinePayer.Customer && i.Status != InvoiceStatus.Draft && i.InvoiceNumber != null)
            .Select(i => new
            {
                i.Id, i.InvoiceNumber, i.Kind, i.Status, i.IssueDate, i.DueDate, i.VoidedAt, i.VoidReason, i.TotalAmount, i.PaidAmount, i.BalanceDue, i.CurrencyCode,
                i.WorkOrder.WorkOrderNumber,
            })
            .ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId != null && ids.Contains(p.InvoiceId.Value) && Received.Contains(p.Status))
            .Select(p => new
            {
                InvoiceId = p.InvoiceId!.Value, At = p.PaidAt ?? p.CreatedAt, p.Method, p.Reference, p.Amount, p.RefundAmount, p.RefundReason, p.UpdatedAt,
                Refunds = p.Refunds.Select(r => new { r.RefundedAt, r.Amount, r.Reason }).ToList(),
            })
            .ToListAsync(ct);

        var numbers = invoices.ToDictionary(i => i.Id, i => i.InvoiceNumber!);
        var money = new List<StatementMoney>();
        foreach (var p in payments)
        {
            var number = numbers[p.InvoiceId];
            money.Add(new StatementMoney(dealer.LocalDate(p.At), number, $"Payment, {Components.Shared.StatusStyles.Label(p.Method)}{(p.Reference is null ? "" : $" ({p.Reference})")}", p.Amount));
            foreach (var r in p.Refunds) money.Add(new StatementMoney(dealer.LocalDate(r.RefundedAt), number, $"Refund: {r.Reason}", -r.Amount));
            var unrecorded = p.RefundAmount - p.Refunds.Sum(r => r.Amount);
            if (unrecorded > 0) money.Add(new StatementMoney(dealer.LocalDate(p.UpdatedAt), number, $"Refund: {p.RefundReason ?? "refund"}", -unrecorded));
        }
        var documents = invoices.Select(i => new StatementInvoice(i.InvoiceNumber!, i.Kind, i.Status, i.IssueDate, i.DueDate,
            i.VoidedAt is { } v ? dealer.LocalDate(v) : null, i.VoidReason, i.TotalAmount, i.PaidAmount, i.BalanceDue, i.WorkOrderNumber)).ToList();
        var (opening, entries, closing, open, aged) = StatementDocumentData.Ledger(documents, money, start, end, today);
        var currency = invoices.Select(i => i.CurrencyCode).Distinct().ToList() is [var only] ? only : dealer.Currency;
        var data = new StatementDocumentData(dealer.Letterhead, customer.Row.Box("Statement for"), customer.Row.Name, start, end, today, currency,
            opening, entries, closing, open, aged);
        return new PdfFile(StatementDocument.Render(data), data.FileName);
    }

    // ---- shared reads -----------------------------------------------------------------------------------------

    private static async Task<DealerRow> DealerAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct)
    {
        var d = await db.Dealers.AsNoTracking().Where(d => d.Id == dealerId)
            .Select(d => new
            {
                d.Name, d.Address, d.City, d.State, d.PostalCode, d.Country, d.Phone, d.Email, d.Brand, d.TimeZoneId,
                Settings = db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => new { s.TaxRegistrationNumber, s.CurrencyCode }).FirstOrDefault(),
            })
            .FirstAsync(ct);
        var place = string.Join(" ", new[] { d.City, d.State, d.PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s)));
        string[] address = [d.Address ?? "", place, d.Country];
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(d.TimeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        return new DealerRow(
            new Letterhead(d.Name, address.Where(s => !string.IsNullOrWhiteSpace(s)).ToList(), d.Phone, d.Email, d.Settings?.TaxRegistrationNumber),
            d.Brand, d.Settings?.CurrencyCode ?? DealerContext.DefaultCurrency, zone);
    }

    private sealed record DealerRow(Letterhead Letterhead, string? Brand, string Currency, TimeZoneInfo Zone)
    {
        public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);
        public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));
        public DateOnly Today(TimeProvider clock) => LocalDate(clock.GetUtcNow().UtcDateTime);
    }

    private sealed record CustomerRow(string Name, string? CompanyName, string? Address, string? City, string? PostalCode, string? Phone, string? Email)
    {
        public PdfBox Box(string heading) => new(heading,
        [
            CompanyName is null ? Name : $"{CompanyName} (attn. {Name})",
            Address ?? "",
            string.Join(" ", new[] { City, PostalCode }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Phone is null ? "" : $"Phone: {Phone}",
            Email is null ? "" : $"Email: {Email}",
        ]);
    }

    private sealed record VehicleRow(string Make, string Model, int Year, string? Plate, string Vin)
    {
        public DocumentVehicle Document(int? odometer) => new($"{Year} {Make} {Model}", Plate, Vin, odometer);
    }
}
