using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Finance;

/// <summary>A payment taken at the desk.</summary>
public sealed class PaymentForm
{
    public PaymentMethod Method { get; set; } = PaymentMethod.Cash;

    [Range(typeof(decimal), "0.01", "999999999", ErrorMessage = "Enter an amount above zero.")]
    public decimal Amount { get; set; }

    [MaxLength(100)]
    public string? Reference { get; set; }

    [MaxLength(2000)]
    public string? Notes { get; set; }
}

/// <summary>Money given back from one payment.</summary>
public sealed class RefundForm
{
    [Range(typeof(decimal), "0.01", "999999999", ErrorMessage = "Enter an amount above zero.")]
    public decimal Amount { get; set; }

    [Required(ErrorMessage = "Give the reason for the refund."), MaxLength(500)]
    public string? Reason { get; set; }

    /// <summary>How the money goes back; the payment's own method when not given.</summary>
    public PaymentMethod? Method { get; set; }

    [MaxLength(100)]
    public string? Reference { get; set; }
}

/// <summary>
/// Payments and refunds on finalised invoices. A payment is refused above the balance due (no overpayment) and needs a
/// reference for card, UPI, transfer and cheque; a refund is partial or whole but the refunds of a payment never exceed it.
/// Each is recorded once per request id (<see cref="ProcessedRequests"/>: a repeated tap or a resend after a reconnect
/// returns the first result), and the invoice's version guards two desks taking money on it at the same moment. The
/// invoice's balance and status and the work order's payment status follow in the same transaction.
/// </summary>
public sealed class PaymentService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    TimeProvider clock,
    LiveUpdates live)
{
    public async Task<ServiceResult<Guid>> RecordAsync(Guid requestId, Guid invoiceId, PaymentForm form)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to take the payment.");
        if (!InvoiceMoney.CanTakeMoney(user)) return ServiceResult.Fail("", InvoiceMoney.TakeMoneyRefusal);
        var reference = string.IsNullOrWhiteSpace(form.Reference) ? null : form.Reference.Trim();
        var errors = new List<(string, string)>();
        if (!InvoiceMoney.Methods.Contains(form.Method)) errors.Add((nameof(PaymentForm.Method), "Choose how the customer paid."));
        if (form.Amount <= 0) errors.Add((nameof(PaymentForm.Amount), "Enter an amount above zero."));
        else if (decimal.Round(form.Amount, 2) != form.Amount) errors.Add((nameof(PaymentForm.Amount), "Enter the amount to the cent (two decimals at most)."));
        if (reference is null && InvoiceMoney.NeedsReference(form.Method))
            errors.Add((nameof(PaymentForm.Reference), $"Enter the {ReferenceName(form.Method)}."));
        if (reference is { Length: > 100 }) errors.Add((nameof(PaymentForm.Reference), "Keep the reference under 100 characters."));
        if (errors.Count > 0) return ServiceResult.Fail(errors);

        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var dealerId = await db.Invoices.Where(i => i.Id == invoiceId).Select(i => (Guid?)i.DealerId).FirstOrDefaultAsync();
        if (dealerId is null) return ServiceResult.Fail("", "This invoice no longer exists.");
        try
        {
            var result = await ProcessedRequests.OnceAsync(db, requestId, "payment", dealerId.Value, userId, now, async () =>
            {
                var invoice = await db.Invoices.FirstAsync(i => i.Id == invoiceId);
                if (!InvoiceMoney.IsOpenForMoney(invoice))
                    return ServiceResult.Fail("", invoice.Status == InvoiceStatus.Draft ? "Finalise the invoice before taking a payment." : "This invoice takes no payment.");
                var netPaid = await InvoiceService.NetPaidAsync(db, invoiceId);
                var credited = await CreditedAsync(db, invoiceId);
                var balance = invoice.TotalAmount - netPaid - credited;
                if (balance <= 0) return ServiceResult.Fail(nameof(PaymentForm.Amount), "This invoice is paid in full.");
                if (form.Amount > balance)
                    return ServiceResult.Fail(nameof(PaymentForm.Amount), $"That is more than the balance due ({balance:N2}). Take at most the balance.");
                var payment = new Payment
                {
                    DealerId = invoice.DealerId, WorkOrderId = invoice.WorkOrderId, InvoiceId = invoiceId, ProcessedById = userId, Method = form.Method,
                    Amount = form.Amount, Reference = reference, Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim(),
                    Status = PaymentRecordStatus.Completed, PaidAt = now, Version = Guid.NewGuid(),
                };
                db.Payments.Add(payment);
                InvoiceMoney.Settle(invoice, netPaid + form.Amount, credited);
                // Two desks at once: the invoice row's version makes the second save conflict instead of overpaying.
                db.Entry(invoice).Property(i => i.Version).OriginalValue = invoice.Version;
                db.Entry(invoice).State = EntityState.Modified;
                await db.SaveChangesAsync();
                if (invoice.Payer == Data.Entities.WorkOrders.LinePayer.Customer)
                    await InvoiceService.FollowOnWorkOrderAsync(db, await db.WorkOrders.FirstAsync(w => w.Id == invoice.WorkOrderId));
                return new ServiceResult<Guid>(payment.Id, ServiceResult.Ok);
            });
            if (result.Succeeded) await PublishAsync(db, invoiceId);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Fail("", "Another payment on this invoice was saved at the same moment. Check the balance and take the payment again.");
        }
    }

    /// <summary>Gives back part or all of a payment, with the reason; the payment's refunds never exceed it.</summary>
    public async Task<ServiceResult<Guid>> RefundAsync(Guid requestId, Guid paymentId, RefundForm form)
    {
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to refund.");
        if (!InvoiceMoney.CanTakeMoney(user)) return ServiceResult.Fail("", "Only service advisors and managers refund payments.");
        var reason = form.Reason?.Trim();
        var reference = string.IsNullOrWhiteSpace(form.Reference) ? null : form.Reference.Trim();
        var errors = new List<(string, string)>();
        if (form.Amount <= 0) errors.Add((nameof(RefundForm.Amount), "Enter an amount above zero."));
        else if (decimal.Round(form.Amount, 2) != form.Amount) errors.Add((nameof(RefundForm.Amount), "Enter the amount to the cent (two decimals at most)."));
        if (string.IsNullOrEmpty(reason)) errors.Add((nameof(RefundForm.Reason), "Give the reason for the refund."));
        else if (reason.Length > 500) errors.Add((nameof(RefundForm.Reason), "Keep the reason under 500 characters."));
        if (reference is { Length: > 100 }) errors.Add((nameof(RefundForm.Reference), "Keep the reference under 100 characters."));
        if (errors.Count > 0) return ServiceResult.Fail(errors);

        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.Payments.Where(p => p.Id == paymentId).Select(p => new { p.DealerId, p.InvoiceId }).FirstOrDefaultAsync();
        if (found is null) return ServiceResult.Fail("", "This payment no longer exists.");
        try
        {
            var result = await ProcessedRequests.OnceAsync(db, requestId, "refund", found.DealerId, userId, now, async () =>
            {
                var payment = await db.Payments.FirstAsync(p => p.Id == paymentId);
                if (!InvoiceMoney.Counts(payment.Status)) return ServiceResult.Fail("", "This payment was never received: there is nothing to refund.");
                var refundable = payment.Amount - payment.RefundAmount;
                if (refundable <= 0) return ServiceResult.Fail(nameof(RefundForm.Amount), "This payment is already refunded in full.");
                if (form.Amount > refundable)
                    return ServiceResult.Fail(nameof(RefundForm.Amount), $"That is more than is left to refund of this payment ({refundable:N2}).");
                var refund = new PaymentRefund
                {
                    DealerId = payment.DealerId, PaymentId = paymentId, Amount = form.Amount, Reason = reason!, Method = form.Method ?? payment.Method,
                    Reference = reference, RefundedAt = now, ProcessedById = userId,
                };
                db.PaymentRefunds.Add(refund);
                payment.RefundAmount += form.Amount;
                payment.RefundReason = reason;
                payment.Status = payment.RefundAmount >= payment.Amount ? PaymentRecordStatus.Refunded : PaymentRecordStatus.PartiallyRefunded;
                db.Entry(payment).Property(p => p.Version).OriginalValue = payment.Version;
                await db.SaveChangesAsync();
                if (payment.InvoiceId is { } invoiceId)
                {
                    var invoice = await db.Invoices.FirstAsync(i => i.Id == invoiceId);
                    InvoiceMoney.Settle(invoice, await InvoiceService.NetPaidAsync(db, invoiceId), await CreditedAsync(db, invoiceId));
                    await db.SaveChangesAsync();
                }
                await InvoiceService.FollowOnWorkOrderAsync(db, await db.WorkOrders.FirstAsync(w => w.Id == payment.WorkOrderId));
                return new ServiceResult<Guid>(refund.Id, ServiceResult.Ok);
            });
            if (result.Succeeded && found.InvoiceId is { } id) await PublishAsync(db, id);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Fail("", "Another refund of this payment was saved at the same moment. Check what is left and refund again.");
        }
    }

    public static string ReferenceName(PaymentMethod method) => method switch
    {
        PaymentMethod.CreditCard or PaymentMethod.DebitCard => "card slip number",
        PaymentMethod.Upi => "UPI transaction id",
        PaymentMethod.BankTransfer => "transfer reference",
        PaymentMethod.Cheque => "cheque number",
        _ => "reference",
    };

    private static async Task<decimal> CreditedAsync(MotorTraceDbContext db, Guid invoiceId) =>
        -(await db.Invoices.Where(c => c.CreditedInvoiceId == invoiceId && c.Status != InvoiceStatus.Void).Select(c => c.TotalAmount).ToListAsync()).Sum();

    private async Task PublishAsync(MotorTraceDbContext db, Guid invoiceId)
    {
        var invoice = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => new { i.DealerId, i.WorkOrderId }).FirstOrDefaultAsync();
        if (invoice is not null) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(invoice.DealerId, invoice.WorkOrderId));
    }
}
