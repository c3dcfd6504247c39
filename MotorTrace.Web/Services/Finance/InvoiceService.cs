using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Numbering;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Web.Services.Finance;

/// <summary>One printed line of an invoice.</summary>
public sealed record InvoiceLineView(Guid Id, int LineNumber, LineItemType Type, string Description, int Quantity, decimal UnitPrice, decimal Amount);

/// <summary>One refund of a payment.</summary>
public sealed record RefundView(Guid Id, decimal Amount, string Reason, PaymentMethod Method, string? Reference, DateTime At, string? By);

/// <summary>One payment received on an invoice, with its refunds.</summary>
public sealed record InvoicePaymentView(Guid Id, PaymentMethod Method, decimal Amount, decimal Refunded, string? Reference, PaymentRecordStatus Status,
    DateTime? PaidAt, string? By, IReadOnlyList<RefundView> Refunds)
{
    public decimal Refundable => InvoiceMoney.Counts(Status) ? Amount - Refunded : 0;
}

/// <summary>A credit note against an invoice, or the invoice a credit note corrects.</summary>
public sealed record RelatedInvoice(Guid Id, string? Number, InvoiceKind Kind, decimal Total, DateOnly IssueDate);

/// <summary>Everything the invoice page shows.</summary>
public sealed record InvoiceView(
    Guid Id, Guid DealerId, string? Number, InvoiceKind Kind, LinePayer Payer, InvoiceStatus Status, InvoiceStatus StoredStatus, Guid Version,
    Guid WorkOrderId, string WorkOrderNumber, Guid CustomerId, string CustomerName, string? Plate, string Vehicle,
    DateOnly IssueDate, DateOnly? DueDate, DateTime? FinalisedAt, string? FinalisedBy, DateTime? VoidedAt, string? VoidedBy, string? VoidReason,
    decimal TaxRatePercent, bool TaxInclusive, string Currency,
    decimal SubtotalServices, decimal SubtotalLabor, decimal SubtotalParts, decimal Subtotal, decimal Discount, decimal Tax, decimal Total,
    decimal Paid, decimal Credited, decimal Balance, string? Terms, string? Notes,
    IReadOnlyList<InvoiceLineView> Lines, IReadOnlyList<InvoicePaymentView> Payments, IReadOnlyList<RelatedInvoice> CreditNotes, RelatedInvoice? Credits,
    bool CanTakeMoney, bool CanCorrect)
{
    public bool IsDraft => StoredStatus == InvoiceStatus.Draft;
    public bool IsVoid => StoredStatus == InvoiceStatus.Void;
    public bool IsCreditNote => Kind == InvoiceKind.CreditNote;
    public bool AcceptsPayment => CanTakeMoney && !IsCreditNote && !IsDraft && !IsVoid && Balance > 0;
    public bool CanFinalise => CanTakeMoney && IsDraft;
    public decimal NetPaid => Payments.Where(p => InvoiceMoney.Counts(p.Status)).Sum(p => p.Amount - p.Refunded);

    /// <summary>Void: a manager, and no money left on it (refund first). A credit note is not voided.</summary>
    public bool CanVoid => CanCorrect && !IsVoid && !IsCreditNote && NetPaid == 0;

    /// <summary>A credit note: a manager, against a finalised invoice with a balance to reduce.</summary>
    public bool CanCreditNote => CanCorrect && !IsCreditNote && !IsDraft && !IsVoid && Balance > 0;
}

/// <summary>The reason to void an invoice.</summary>
public sealed class VoidForm
{
    [Required(ErrorMessage = "Give the reason for voiding the invoice."), MaxLength(500)]
    public string? Reason { get; set; }
}

/// <summary>A credit note: how many of each line to credit, and why.</summary>
public sealed class CreditNoteForm
{
    [Required(ErrorMessage = "Give the reason for the credit note."), MaxLength(500)]
    public string? Reason { get; set; }

    /// <summary>Quantity to credit per line of the invoice (its line id); lines left at 0 are not credited.</summary>
    public Dictionary<Guid, int> Quantities { get; set; } = [];
}

/// <summary>
/// Invoices of completed work orders: drafted from the approved lines (one per payer: customer, warranty, internal),
/// numbered and frozen at finalisation, corrected by credit notes or voided by a manager. Money is computed by
/// <see cref="WorkOrderTotals"/>; every change checks the user's roles itself and the version the page read.
/// </summary>
public sealed class InvoiceService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    NumberingService numbering,
    TimeProvider clock,
    LiveUpdates live)
{
    private const string What = "invoice";

    public async Task<InvoiceView?> ViewAsync(Guid id, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var i = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => new
        {
            i.Id, i.DealerId, i.InvoiceNumber, i.Kind, i.Payer, i.Status, i.Version, i.WorkOrderId, i.WorkOrder.WorkOrderNumber, i.WorkOrder.CustomerId,
            Customer = i.WorkOrder.Customer.Name, Plate = i.WorkOrder.Vehicle.LicensePlate, Vehicle = i.WorkOrder.Vehicle.Make + " " + i.WorkOrder.Vehicle.Model,
            i.IssueDate, i.DueDate, i.FinalisedAt, FinalisedBy = db.Users.Where(u => u.Id == i.FinalisedById).Select(u => u.FullName).FirstOrDefault(),
            i.VoidedAt, VoidedBy = db.Users.Where(u => u.Id == i.VoidedById).Select(u => u.FullName).FirstOrDefault(), i.VoidReason,
            i.TaxRatePercent, i.TaxInclusive, i.CurrencyCode, i.SubtotalServices, i.SubtotalLabor, i.SubtotalParts, i.Subtotal, i.DiscountAmount,
            i.TaxAmount, i.TotalAmount, i.PaidAmount, i.BalanceDue, i.Terms, i.Notes, i.CreditedInvoiceId,
        }).FirstOrDefaultAsync(ct);
        if (i is null) return null;
        var lines = await db.InvoiceLineItems.AsNoTracking().Where(l => l.InvoiceId == id).OrderBy(l => l.LineNumber)
            .Select(l => new InvoiceLineView(l.Id, l.LineNumber, l.Type, l.Description, l.Quantity, l.UnitPrice, l.Subtotal)).ToListAsync(ct);
        var payments = (await db.Payments.AsNoTracking().Where(p => p.InvoiceId == id)
            .Select(p => new
            {
                p.Id, p.Method, p.Amount, p.RefundAmount, p.Reference, p.Status, p.PaidAt, p.CreatedAt, By = p.ProcessedBy.FullName,
                Refunds = p.Refunds.Select(r => new RefundView(r.Id, r.Amount, r.Reason, r.Method, r.Reference, r.RefundedAt,
                    db.Users.Where(u => u.Id == r.ProcessedById).Select(u => u.FullName).FirstOrDefault())).ToList(),
            }).ToListAsync(ct))
            .OrderBy(p => p.PaidAt ?? p.CreatedAt)
            .Select(p => new InvoicePaymentView(p.Id, p.Method, p.Amount, p.RefundAmount, p.Reference, p.Status, p.PaidAt, p.By,
                [.. p.Refunds.OrderBy(r => r.At)])).ToList();
        var credits = (await db.Invoices.AsNoTracking().Where(c => c.CreditedInvoiceId == id && c.Kind == InvoiceKind.CreditNote && c.Status != InvoiceStatus.Void)
            .Select(c => new RelatedInvoice(c.Id, c.InvoiceNumber, c.Kind, c.TotalAmount, c.IssueDate)).ToListAsync(ct)).OrderBy(c => c.Number).ToList();
        var credited = i.CreditedInvoiceId is { } creditedId
            ? await db.Invoices.AsNoTracking().Where(c => c.Id == creditedId).Select(c => new RelatedInvoice(c.Id, c.InvoiceNumber, c.Kind, c.TotalAmount, c.IssueDate)).FirstOrDefaultAsync(ct)
            : null;
        return new InvoiceView(i.Id, i.DealerId, i.InvoiceNumber, i.Kind, i.Payer, InvoiceMoney.Shown(i.Kind, i.Status, i.DueDate, dealer.Today), i.Status, i.Version,
            i.WorkOrderId, i.WorkOrderNumber, i.CustomerId, i.Customer, i.Plate, i.Vehicle,
            i.IssueDate, i.DueDate, i.FinalisedAt, i.FinalisedBy, i.VoidedAt, i.VoidedBy, i.VoidReason,
            i.TaxRatePercent, i.TaxInclusive, i.CurrencyCode,
            i.SubtotalServices, i.SubtotalLabor, i.SubtotalParts, i.Subtotal, i.DiscountAmount, i.TaxAmount, i.TotalAmount,
            i.PaidAmount, -credits.Sum(c => c.Total), i.BalanceDue, i.Terms, i.Notes,
            lines, payments, credits, credited, InvoiceMoney.CanTakeMoney(user), InvoiceMoney.CanCorrect(user));
    }

    /// <summary>The live (not void) invoices of a work order, for its page: number or draft, payer, status, total, balance.</summary>
    public async Task<IReadOnlyList<WorkOrderInvoiceRow>> OfWorkOrderAsync(Guid workOrderId, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Invoices.AsNoTracking().Where(i => i.WorkOrderId == workOrderId && i.Status != InvoiceStatus.Void)
            .Select(i => new { i.Id, i.InvoiceNumber, i.Kind, i.Payer, i.Status, i.DueDate, i.TotalAmount, i.BalanceDue, i.CurrencyCode, i.CreatedAt })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.CreatedAt).Select(r => new WorkOrderInvoiceRow(r.Id, r.InvoiceNumber, r.Kind, r.Payer,
            InvoiceMoney.Shown(r.Kind, r.Status, r.DueDate, dealer.Today), r.TotalAmount, r.BalanceDue, r.CurrencyCode))];
    }

    /// <summary>
    /// Drafts the invoices of a completed work order from its approved lines: one per payer that has approved lines and no
    /// live invoice yet. Lines are numbered services, then labour operations, then parts. The work order's discount is the
    /// customer's: it applies to the customer's invoice only (warranty and internal bills are charged in full). The dealer's
    /// tax rate, inclusive or exclusive, currency and terms are copied onto each invoice.
    /// Returns the first draft's id (the customer's when there is one).
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateFromWorkOrderAsync(Guid workOrderId, Guid workOrderVersion)
    {
        if (user.UserId is null) return ServiceResult.Fail("", "Sign in again to invoice the work order.");
        if (!InvoiceMoney.CanTakeMoney(user)) return ServiceResult.Fail("", InvoiceMoney.TakeMoneyRefusal);
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var workOrder = await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == workOrderId);
        if (workOrder is null) return ServiceResult.Fail("", "This work order no longer exists.");
        if (workOrder.Version != workOrderVersion) return await WorkOrderHeaderService.ChangedByAsync(db, dealer, workOrder);
        if (workOrder.Status != WorkOrderStatus.Completed)
            return ServiceResult.Fail("", $"Only a completed work order is invoiced; this one is {WorkOrderFlow.Label(workOrder.Status).ToLowerInvariant()}.");
        if (workOrder.DiscountRequestedAt is not null && workOrder.DiscountApprovedById is null)
            return ServiceResult.Fail("", "The work order's discount waits for a manager's approval: approve or remove it before invoicing.");

        var services = await db.WorkOrderServices.AsNoTracking().Where(s => s.WorkOrderId == workOrderId && s.CustomerApproved)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Description, s.Quantity, s.UnitPrice, s.Payer,
                // A line added from the labour catalogue (no canned service, one catalogued labour step) bills as labour.
                IsLabor = s.CannedServiceId == null && s.Labor.Count == 1 && s.Labor.Any(l => l.LaborCatalogId != null),
            }).ToListAsync();
        var parts = await db.WorkOrderParts.AsNoTracking().Where(p => p.WorkOrderId == workOrderId && p.CustomerApproved)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Description, p.Quantity, p.UnitPrice, p.Payer }).ToListAsync();
        var lines = services.Select(s => (Type: s.IsLabor ? LineItemType.Labor : LineItemType.Service, s.Description, s.Quantity, s.UnitPrice, s.Payer,
                ServiceId: (Guid?)s.Id, PartId: (Guid?)null))
            .Concat(parts.Select(p => (Type: LineItemType.Part, p.Description, p.Quantity, p.UnitPrice, p.Payer, ServiceId: (Guid?)null, PartId: (Guid?)p.Id)))
            .ToList();
        if (lines.Count == 0) return ServiceResult.Fail("", "No line of this work order is approved by the customer: there is nothing to invoice.");

        var invoiced = await db.Invoices.Where(i => i.WorkOrderId == workOrderId && i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Void)
            .Select(i => i.Payer).ToListAsync();
        var payers = lines.Select(l => l.Payer).Distinct().Where(p => !invoiced.Contains(p)).OrderBy(p => p).ToList();
        if (payers.Count == 0) return ServiceResult.Fail("", "This work order is already invoiced: open its invoices below.");

        var settings = await db.DealerSettings.AsNoTracking().FirstOrDefaultAsync(s => s.DealerId == workOrder.DealerId) ?? new DealerSettings();
        Invoice? first = null;
        foreach (var payer in payers)
        {
            var mine = lines.Where(l => l.Payer == payer).OrderBy(l => l.Type switch { LineItemType.Service => 0, LineItemType.Labor => 1, _ => 2 }).ToList();
            var invoice = new Invoice
            {
                DealerId = workOrder.DealerId, WorkOrderId = workOrderId, Payer = payer, Status = InvoiceStatus.Draft, IssueDate = dealer.Today,
                TaxRatePercent = settings.TaxRatePercent, TaxInclusive = settings.TaxInclusive, CurrencyCode = settings.CurrencyCode,
                Terms = settings.InvoiceTerms, Version = Guid.NewGuid(),
            };
            var number = 0;
            foreach (var line in mine)
                invoice.LineItems.Add(new InvoiceLineItem
                {
                    DealerId = workOrder.DealerId, LineNumber = ++number, Type = line.Type, Description = line.Description, Quantity = line.Quantity,
                    UnitPrice = line.UnitPrice, Subtotal = Priced(line.Type, line.Quantity, line.UnitPrice).Amount,
                    WorkOrderServiceId = line.ServiceId, WorkOrderPartId = line.PartId,
                });
            var customer = payer == LinePayer.Customer;
            Price(invoice, customer ? workOrder.DiscountType : DiscountType.None, customer ? workOrder.DiscountValue : 0);
            db.Invoices.Add(invoice);
            first ??= invoice;
        }

        // The work order's version guards against two desks invoicing it at the same moment: the second save conflicts.
        db.Entry(workOrder).Property(w => w.Version).OriginalValue = workOrderVersion;
        workOrder.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Entry(workOrder).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.WorkOrders.AsNoTracking().FirstAsync(w => w.Id == workOrderId);
            return await WorkOrderHeaderService.ChangedByAsync(db, dealer, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(workOrder.DealerId, workOrderId));
        return new ServiceResult<Guid>(first!.Id, ServiceResult.Ok);
    }

    /// <summary>
    /// Finalises a draft: takes the dealer's next number of the year inside the transaction (gapless: a failed save gives
    /// it back), sets the issue date (today, in the dealer's zone) and the due date (the dealer's InvoiceDueDays later),
    /// and freezes it. Finalising the customer's invoice (or the last one when no customer pays) moves the completed work
    /// order to Invoiced — the invoicing step of <see cref="WorkOrderFlow"/>.
    /// </summary>
    public async Task<ServiceResult> FinaliseAsync(Guid id, Guid version)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to finalise the invoice.");
        if (!InvoiceMoney.CanTakeMoney(user)) return ServiceResult.Fail("", InvoiceMoney.TakeMoneyRefusal);
        await dealer.LoadAsync();
        if (await DealerOfAsync(id) is { } dealerId) await EnsureSeriesAsync(dealerId, dealer.Today.Year);
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return ServiceResult.Fail("", "This invoice no longer exists.");
        if (invoice.Version != version) return await ChangedByAsync(db, invoice);
        if (invoice.Status != InvoiceStatus.Draft) return ServiceResult.Fail("", $"This invoice is already {(invoice.Status == InvoiceStatus.Void ? "void" : "finalised")}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var today = dealer.Today;
        var dueDays = await db.DealerSettings.Where(s => s.DealerId == invoice.DealerId).Select(s => (int?)s.InvoiceDueDays).FirstOrDefaultAsync()
                      ?? new DealerSettings().InvoiceDueDays;
        invoice.InvoiceNumber = await NextNumberAsync(db, invoice.DealerId, today.Year);
        invoice.IssueDate = today;
        invoice.DueDate = today.AddDays(dueDays);
        invoice.FinalisedAt = now;
        invoice.FinalisedById = userId;
        invoice.Status = InvoiceStatus.Issued;
        InvoiceMoney.Settle(invoice, 0, 0);

        var workOrder = await db.WorkOrders.FirstAsync(w => w.Id == invoice.WorkOrderId);
        var customerDraft = invoice.Payer != LinePayer.Customer
            && await db.Invoices.AnyAsync(i => i.WorkOrderId == workOrder.Id && i.Id != id && i.Payer == LinePayer.Customer && i.Kind == InvoiceKind.Invoice && i.Status != InvoiceStatus.Void);
        if (workOrder.Status == WorkOrderFlow.Invoicing.From && !customerDraft)
        {
            WorkOrderFlow.Apply(db, workOrder, WorkOrderFlow.Invoicing.To, $"Invoice {invoice.InvoiceNumber}", now, userId);
            workOrder.InvoiceNumber = invoice.InvoiceNumber;
            workOrder.FinalizedAt = now;
        }

        db.Entry(invoice).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
            await FollowOnWorkOrderAsync(db, workOrder);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var current = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id);
            return current is null ? ServiceResult.Fail("", "This invoice no longer exists.") : await ChangedByAsync(db, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(invoice.DealerId, invoice.WorkOrderId));
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Voids an invoice with its reason (a manager): refused while money received on it remains (refund it first). Voiding
    /// the customer's invoice of an invoiced work order takes the work order back to Completed, so it can be invoiced again.
    /// </summary>
    public async Task<ServiceResult> VoidAsync(Guid id, Guid version, VoidForm form)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to void the invoice.");
        if (!InvoiceMoney.CanCorrect(user)) return ServiceResult.Fail("", InvoiceMoney.CorrectRefusal);
        var reason = form.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ServiceResult.Fail(nameof(VoidForm.Reason), "Give the reason for voiding the invoice.");
        if (reason.Length > 500) return ServiceResult.Fail(nameof(VoidForm.Reason), "Keep the reason under 500 characters.");
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return ServiceResult.Fail("", "This invoice no longer exists.");
        if (invoice.Version != version) return await ChangedByAsync(db, invoice);
        if (invoice.Status == InvoiceStatus.Void) return ServiceResult.Fail("", "This invoice is already void.");
        if (invoice.Kind == InvoiceKind.CreditNote) return ServiceResult.Fail("", "A credit note is not voided.");
        var netPaid = await NetPaidAsync(db, id);
        if (netPaid > 0)
            return ServiceResult.Fail("", $"{netPaid:N2} received on this invoice remains: refund the payments before voiding it.");
        if (await db.Invoices.AnyAsync(c => c.CreditedInvoiceId == id && c.Status != InvoiceStatus.Void))
            return ServiceResult.Fail("", "A credit note corrects this invoice: it stays on record.");

        var now = clock.GetUtcNow().UtcDateTime;
        invoice.Status = InvoiceStatus.Void;
        invoice.VoidedAt = now;
        invoice.VoidedById = userId;
        invoice.VoidReason = reason;
        invoice.BalanceDue = 0;
        var workOrder = await db.WorkOrders.FirstAsync(w => w.Id == invoice.WorkOrderId);
        if (workOrder.Status == WorkOrderFlow.Invoicing.To && invoice.FinalisedAt is not null && (invoice.Payer == LinePayer.Customer || workOrder.InvoiceNumber == invoice.InvoiceNumber))
        {
            WorkOrderFlow.Apply(db, workOrder, WorkOrderFlow.Invoicing.From, $"Invoice {invoice.InvoiceNumber} void: {reason}", now, userId);
            workOrder.InvoiceNumber = null;
            workOrder.FinalizedAt = null;
        }

        db.Entry(invoice).Property(i => i.Version).OriginalValue = version;
        try
        {
            await db.SaveChangesAsync();
            await FollowOnWorkOrderAsync(db, workOrder);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var current = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == id);
            return await ChangedByAsync(db, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(invoice.DealerId, invoice.WorkOrderId));
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Issues a credit note (a manager) against a finalised invoice: negative lines for the quantities credited (never more
    /// than was invoiced less what earlier credit notes credited), the invoice's own discount rate and frozen tax settings,
    /// its own number in the same series, finalised at once. It reduces the invoice's balance, so it can credit at most the
    /// balance due: to credit money already received, refund the payment first.
    /// </summary>
    public async Task<ServiceResult<Guid>> CreditNoteAsync(Guid id, Guid version, CreditNoteForm form)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to issue a credit note.");
        if (!InvoiceMoney.CanCorrect(user)) return ServiceResult.Fail("", InvoiceMoney.CorrectRefusal);
        var reason = form.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return ServiceResult.Fail(nameof(CreditNoteForm.Reason), "Give the reason for the credit note.");
        if (reason.Length > 500) return ServiceResult.Fail(nameof(CreditNoteForm.Reason), "Keep the reason under 500 characters.");
        await dealer.LoadAsync();
        if (await DealerOfAsync(id) is { } dealerId) await EnsureSeriesAsync(dealerId, dealer.Today.Year);
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var invoice = await db.Invoices.Include(i => i.LineItems).FirstOrDefaultAsync(i => i.Id == id);
        if (invoice is null) return ServiceResult.Fail("", "This invoice no longer exists.");
        if (invoice.Version != version) return await ChangedByAsync(db, invoice);
        if (invoice.Kind != InvoiceKind.Invoice || !InvoiceMoney.IsOpenForMoney(invoice))
            return ServiceResult.Fail("", "A credit note is issued against a finalised invoice that is not void.");

        var earlier = await db.InvoiceLineItems.AsNoTracking()
            .Where(l => l.Invoice.CreditedInvoiceId == id && l.Invoice.Status != InvoiceStatus.Void)
            .Select(l => new { l.Type, l.Description, l.WorkOrderServiceId, l.WorkOrderPartId, l.Quantity }).ToListAsync();
        var lines = new List<InvoiceLineItem>();
        var number = 0;
        foreach (var source in invoice.LineItems.OrderBy(l => l.LineNumber))
        {
            var quantity = form.Quantities.GetValueOrDefault(source.Id);
            if (quantity == 0) continue;
            var already = earlier.Where(e => e.Type == source.Type && e.Description == source.Description
                                             && e.WorkOrderServiceId == source.WorkOrderServiceId && e.WorkOrderPartId == source.WorkOrderPartId).Sum(e => e.Quantity);
            if (quantity < 0 || quantity > source.Quantity - already)
                return ServiceResult.Fail(nameof(CreditNoteForm.Quantities),
                    $"Line {source.LineNumber} ({source.Description}): credit from 0 to {source.Quantity - already}.");
            lines.Add(new InvoiceLineItem
            {
                DealerId = invoice.DealerId, LineNumber = ++number, Type = source.Type, Description = source.Description, Quantity = quantity,
                UnitPrice = -source.UnitPrice, Subtotal = Priced(source.Type, quantity, -source.UnitPrice).Amount,
                WorkOrderServiceId = source.WorkOrderServiceId, WorkOrderPartId = source.WorkOrderPartId, Notes = $"Credits line {source.LineNumber}",
            });
        }
        if (lines.Count == 0) return ServiceResult.Fail(nameof(CreditNoteForm.Quantities), "Choose at least one line to credit.");

        var today = dealer.Today;
        var now = clock.GetUtcNow().UtcDateTime;
        var note = new Invoice
        {
            DealerId = invoice.DealerId, Kind = InvoiceKind.CreditNote, CreditedInvoiceId = id, WorkOrderId = invoice.WorkOrderId, Payer = invoice.Payer,
            TaxRatePercent = invoice.TaxRatePercent, TaxInclusive = invoice.TaxInclusive, CurrencyCode = invoice.CurrencyCode,
            IssueDate = today, DueDate = today, FinalisedAt = now, FinalisedById = userId, Status = InvoiceStatus.Issued, Notes = reason, Version = Guid.NewGuid(),
        };
        note.LineItems.AddRange(lines);
        // The invoice's discount rate carries over, so crediting every line gives back exactly what was charged.
        var discountPercent = invoice.Subtotal == 0 ? 0 : invoice.DiscountAmount * 100m / invoice.Subtotal;
        Price(note, DiscountType.Percentage, discountPercent);
        var credited = -(await db.Invoices.Where(c => c.CreditedInvoiceId == id && c.Status != InvoiceStatus.Void).Select(c => c.TotalAmount).ToListAsync()).Sum();
        var netPaid = await NetPaidAsync(db, id);
        var balance = invoice.TotalAmount - netPaid - credited;
        if (-note.TotalAmount > balance)
            return ServiceResult.Fail(nameof(CreditNoteForm.Quantities),
                $"This credit note ({-note.TotalAmount:N2}) is more than the balance due ({balance:N2}): refund the payment first, then credit.");

        note.InvoiceNumber = await NextNumberAsync(db, invoice.DealerId, today.Year);
        InvoiceMoney.Settle(note, 0, 0);
        db.Invoices.Add(note);
        InvoiceMoney.Settle(invoice, netPaid, credited - note.TotalAmount);

        db.Entry(invoice).Property(i => i.Version).OriginalValue = version;
        db.Entry(invoice).State = EntityState.Modified;
        try
        {
            await db.SaveChangesAsync();
            await FollowOnWorkOrderAsync(db, await db.WorkOrders.FirstAsync(w => w.Id == invoice.WorkOrderId));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            var current = await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == id);
            return await ChangedByAsync(db, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(invoice.DealerId, invoice.WorkOrderId));
        return new ServiceResult<Guid>(note.Id, ServiceResult.Ok);
    }

    /// <summary>Prices an invoice from its lines through <see cref="WorkOrderTotals"/>: subtotals by group, discount, tax, total.</summary>
    public static void Price(Invoice invoice, DiscountType discountType, decimal discountValue)
    {
        var priced = invoice.LineItems.Select(l => Priced(l.Type, l.Quantity, l.UnitPrice)).ToList();
        var totals = WorkOrderTotals.Compute(priced, discountType, discountValue, invoice.TaxRatePercent, invoice.TaxInclusive);
        invoice.SubtotalServices = invoice.LineItems.Where(l => l.Type is LineItemType.Service or LineItemType.Fee).Sum(l => l.Subtotal);
        invoice.SubtotalLabor = invoice.LineItems.Where(l => l.Type == LineItemType.Labor).Sum(l => l.Subtotal);
        invoice.SubtotalParts = totals.Parts;
        invoice.Subtotal = totals.Subtotal;
        invoice.DiscountAmount = totals.Discount;
        invoice.TaxAmount = totals.Tax;
        invoice.TotalAmount = totals.Total;
        invoice.PaidAmount = 0;
        invoice.BalanceDue = totals.Total;
    }

    private static PricedLine Priced(LineItemType type, int quantity, decimal unitPrice) =>
        new(type == LineItemType.Part ? EstimateLineKind.Part : EstimateLineKind.Service, quantity, unitPrice, LineDecision.Approved);

    /// <summary>The dealer's next invoice number of <paramref name="year"/> on the caller's transaction (see <see cref="EnsureSeriesAsync"/>).</summary>
    private async Task<string> NextNumberAsync(MotorTraceDbContext db, Guid dealerId, int year)
    {
        var code = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode).SingleAsync();
        var number = await numbering.NextAsync(db, dealerId, InvoiceMoney.Series(year), () => FirstNumberAsync(db, dealerId, code, year));
        return InvoiceMoney.FormatNumber(code, year, number);
    }

    /// <summary>
    /// Creates the dealer's invoice series of the year, if missing, before the numbering transaction starts. Two desks
    /// creating it at once inside their transactions would collide on its unique key, and on PostgreSQL the loser's
    /// transaction could not go on; here the loser's insert fails alone and both then take numbers from the one row.
    /// The series continues after invoice numbers of that year already on file (demo or imported data).
    /// </summary>
    private async Task EnsureSeriesAsync(Guid dealerId, int year)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var series = InvoiceMoney.Series(year);
        if (await db.DealerSequences.AnyAsync(s => s.DealerId == dealerId && s.Name == series)) return;
        var code = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode).SingleAsync();
        db.DealerSequences.Add(new DealerSequence { DealerId = dealerId, Name = series, NextValue = await FirstNumberAsync(db, dealerId, code, year) });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another desk created it a moment ago: use theirs.
        }
    }

    private static async Task<long> FirstNumberAsync(MotorTraceDbContext db, Guid dealerId, string code, int year)
    {
        var prefix = InvoiceMoney.Prefix(code, year);
        var taken = await db.Invoices.IgnoreQueryFilters().Where(i => i.DealerId == dealerId && i.InvoiceNumber != null && i.InvoiceNumber.StartsWith(prefix))
            .Select(i => i.InvoiceNumber!).ToListAsync();
        return taken.Select(n => long.TryParse(n[prefix.Length..], out var value) ? value : 0).DefaultIfEmpty(0).Max() + 1;
    }

    private async Task<Guid?> DealerOfAsync(Guid invoiceId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Invoices.Where(i => i.Id == invoiceId).Select(i => (Guid?)i.DealerId).FirstOrDefaultAsync();
    }

    internal static async Task<decimal> NetPaidAsync(MotorTraceDbContext db, Guid invoiceId) =>
        (await db.Payments.Where(p => p.InvoiceId == invoiceId).Select(p => new { p.Status, p.Amount, p.RefundAmount }).ToListAsync())
        .Where(p => InvoiceMoney.Counts(p.Status)).Sum(p => p.Amount - p.RefundAmount);

    /// <summary>
    /// The work order's paid amount and payment status from the money on its live customer invoices, as saved so far in the
    /// caller's transaction (call it after saving the invoice or payment change, then save again).
    /// </summary>
    internal static async Task FollowOnWorkOrderAsync(MotorTraceDbContext db, WorkOrder workOrder)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.WorkOrderId == workOrder.Id && i.Payer == LinePayer.Customer && i.Status != InvoiceStatus.Void && i.Status != InvoiceStatus.Draft)
            .Select(i => new { i.Id, i.Kind, i.TotalAmount }).ToListAsync();
        var total = invoices.Where(i => i.Kind == InvoiceKind.Invoice).Sum(i => i.TotalAmount);
        var credited = -invoices.Where(i => i.Kind == InvoiceKind.CreditNote).Sum(i => i.TotalAmount);
        var payments = await db.Payments.AsNoTracking().Where(p => p.WorkOrderId == workOrder.Id)
            .Select(p => new { p.Status, p.Amount, p.RefundAmount }).ToListAsync();
        var received = payments.Where(p => InvoiceMoney.Counts(p.Status)).Sum(p => p.Amount);
        var refunded = payments.Where(p => InvoiceMoney.Counts(p.Status)).Sum(p => p.RefundAmount);
        workOrder.PaidAmount = received - refunded;
        workOrder.PaymentStatus = InvoiceMoney.WorkOrderPaymentStatus(total, received, refunded, credited);
    }

    private async Task<ServiceResult> ChangedByAsync(MotorTraceDbContext db, Invoice invoice)
    {
        var by = await db.Users.Where(u => u.Id == invoice.UpdatedById).Select(u => u.FullName).FirstOrDefaultAsync();
        return ServiceResult.ChangedBy(What, by, dealer.ToLocal(invoice.UpdatedAt));
    }
}

/// <summary>An invoice as the work-order page lists it.</summary>
public sealed record WorkOrderInvoiceRow(Guid Id, string? Number, InvoiceKind Kind, LinePayer Payer, InvoiceStatus Status, decimal Total, decimal Balance, string Currency);
