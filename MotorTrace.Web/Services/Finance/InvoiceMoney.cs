using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Finance;

/// <summary>
/// The rules every finance service shares: who may do what, the invoice number format, and how an invoice's paid amount,
/// balance and status follow from its payments and credit notes.
/// </summary>
public static class InvoiceMoney
{
    /// <summary>The invoice series of one dealer and year: numbers restart at 1 every calendar year.</summary>
    public static string Series(int year) => $"Invoice-{year}";

    /// <summary>The one invoice (and credit note) number format: <c>INV-D001-2026-000123</c>.</summary>
    public static string FormatNumber(string dealerCode, int year, long number) => $"INV-{dealerCode}-{year}-{number:000000}";

    public static string Prefix(string dealerCode, int year) => $"INV-{dealerCode}-{year}-";

    /// <summary>Take payments, create and finalise invoices: the front desk and managers (policy FinanceWrite).</summary>
    public static bool CanTakeMoney(CurrentUser user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor);

    /// <summary>Void an invoice or issue a credit note: a manager's decision.</summary>
    public static bool CanCorrect(CurrentUser user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager);

    public const string TakeMoneyRefusal = "Only service advisors and managers take payments and issue invoices.";
    public const string CorrectRefusal = "Only a manager can void an invoice or issue a credit note.";

    /// <summary>Finalised, not void, and an invoice rather than a credit note: payments and credit notes may be made against it.</summary>
    public static bool IsOpenForMoney(Invoice invoice) =>
        invoice.Kind == InvoiceKind.Invoice && invoice.Status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid or InvoiceStatus.Overdue;

    /// <summary>
    /// Sets the paid amount, balance and stored status of a finalised invoice from the money received on it (payments net
    /// of refunds) and the credit notes against it. The stored status is never Overdue: see <see cref="Shown"/>.
    /// </summary>
    public static void Settle(Invoice invoice, decimal netPaid, decimal credited)
    {
        if (invoice.Status is InvoiceStatus.Draft or InvoiceStatus.Void) return;
        invoice.PaidAmount = netPaid;
        if (invoice.Kind == InvoiceKind.CreditNote)
        {
            invoice.BalanceDue = 0;
            invoice.Status = InvoiceStatus.Issued;
            return;
        }
        invoice.BalanceDue = invoice.TotalAmount - netPaid - credited;
        invoice.Status = invoice.BalanceDue <= 0 ? InvoiceStatus.Paid
            : netPaid > 0 ? InvoiceStatus.PartiallyPaid
            : InvoiceStatus.Issued;
    }

    /// <summary>
    /// The status a person sees. Overdue is computed when an invoice is read (and by the list's "overdue" filter, from the
    /// due date), not stored: nothing runs at midnight to flip a stored status, so a stored Overdue would be wrong the day
    /// a due date passes and again the moment a payment arrives. Rows stored as Overdue by older data read as open ones.
    /// </summary>
    public static InvoiceStatus Shown(InvoiceKind kind, InvoiceStatus stored, DateOnly? dueDate, DateOnly today) =>
        kind == InvoiceKind.Invoice && stored is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Overdue
            ? dueDate is { } due && due < today ? InvoiceStatus.Overdue : stored == InvoiceStatus.Overdue ? InvoiceStatus.Issued : stored
            : stored;

    /// <summary>The work order's payment summary from its customer invoices' money.</summary>
    public static PaymentStatus WorkOrderPaymentStatus(decimal total, decimal received, decimal refunded, decimal credited)
    {
        var net = received - refunded;
        if (refunded > 0) return net <= 0 ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        if (total > 0 && net + credited >= total) return PaymentStatus.Paid;
        return net > 0 ? PaymentStatus.PartiallyPaid : PaymentStatus.Unpaid;
    }

    /// <summary>Methods that leave a trace to quote: the slip, transaction, transfer or cheque number is required.</summary>
    public static bool NeedsReference(PaymentMethod method) =>
        method is PaymentMethod.CreditCard or PaymentMethod.DebitCard or PaymentMethod.Upi or PaymentMethod.BankTransfer or PaymentMethod.Cheque;

    /// <summary>The seed's methods, in the order the payment dialog offers them.</summary>
    public static readonly IReadOnlyList<PaymentMethod> Methods =
    [
        PaymentMethod.Cash, PaymentMethod.CreditCard, PaymentMethod.DebitCard, PaymentMethod.BankTransfer, PaymentMethod.Upi,
        PaymentMethod.Cheque, PaymentMethod.Wallet, PaymentMethod.Insurance, PaymentMethod.Warranty,
    ];

    /// <summary>Payments that count as money received (failed and pending ones do not).</summary>
    public static bool Counts(PaymentRecordStatus status) =>
        status is PaymentRecordStatus.Completed or PaymentRecordStatus.PartiallyRefunded or PaymentRecordStatus.Refunded;
}
