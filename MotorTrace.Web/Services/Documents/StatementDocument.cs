using MotorTrace.Data.Entities.Finance;
using MotorTrace.Web.Components.Shared;
using static MotorTrace.Web.Services.Documents.PdfLayout;

namespace MotorTrace.Web.Services.Documents;

/// <summary>A finalised invoice or credit note of the customer, with its stored amounts.</summary>
public sealed record StatementInvoice(
    string Number, InvoiceKind Kind, InvoiceStatus Status, DateOnly IssueDate, DateOnly? DueDate, DateOnly? VoidedOn, string? VoidReason,
    decimal Total, decimal Paid, decimal BalanceDue, string WorkOrderNumber);

/// <summary>Money received (<see cref="Amount"/> &gt; 0) or given back (a refund, <see cref="Amount"/> &lt; 0) on an invoice.</summary>
public sealed record StatementMoney(DateOnly Date, string InvoiceNumber, string Description, decimal Amount);

/// <summary>One line of the account: a charge (invoice, refund) or a credit (payment, credit note), and the balance after it.</summary>
public sealed record StatementEntry(DateOnly Date, string Reference, string Description, decimal? Charge, decimal? Credit, decimal Balance);

public sealed record StatementOpenInvoice(string Number, DateOnly IssueDate, DateOnly? DueDate, int DaysPastDue, decimal Total, decimal Paid, decimal BalanceDue);

/// <summary>What is owed by how long it is past its due date (amounts not yet due count in the first bucket).</summary>
public sealed record AgedBalance(decimal UpTo30, decimal From31To60, decimal From61To90, decimal Over90)
{
    public decimal Total => UpTo30 + From31To60 + From61To90 + Over90;
}

public sealed record StatementDocumentData(
    Letterhead Dealer, PdfBox Customer, string CustomerName, DateOnly From, DateOnly To, DateOnly Today, string Currency,
    decimal OpeningBalance, IReadOnlyList<StatementEntry> Entries, decimal ClosingBalance,
    IReadOnlyList<StatementOpenInvoice> OpenInvoices, AgedBalance Aged)
{
    public string Name => $"Statement {CustomerName} {Date(From)} – {Date(To)}";
    public string FileName => $"Statement-{new string(CustomerName.Where(char.IsLetterOrDigit).ToArray())}-{To:yyyy-MM-dd}.pdf";

    /// <summary>
    /// The account over [<paramref name="from"/>, <paramref name="to"/>]: what stood before it (opening balance), every invoice,
    /// credit note, payment and refund in it with the running balance, and the open invoices aged on <paramref name="today"/>
    /// by days past their due date. Only stored amounts are added up; a void document is charged and reversed, so it nets to zero.
    /// </summary>
    public static (decimal Opening, IReadOnlyList<StatementEntry> Entries, decimal Closing, IReadOnlyList<StatementOpenInvoice> Open, AgedBalance Aged) Ledger(
        IReadOnlyList<StatementInvoice> invoices, IReadOnlyList<StatementMoney> money, DateOnly from, DateOnly to, DateOnly today)
    {
        var movements = new List<(DateOnly Date, int Order, string Reference, string Description, decimal Amount)>();
        foreach (var invoice in invoices)
        {
            var charge = invoice.Kind == InvoiceKind.CreditNote ? -Math.Abs(invoice.Total) : invoice.Total;
            var what = invoice.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice";
            var due = invoice.Kind == InvoiceKind.Invoice && invoice.DueDate is { } d ? $", due {Date(d)}" : "";
            movements.Add((invoice.IssueDate, 0, invoice.Number, $"{what} for {invoice.WorkOrderNumber}{due} · {StatusStyles.Label(invoice.Status)}", charge));
            if (invoice.Status == InvoiceStatus.Void)
                movements.Add((invoice.VoidedOn ?? invoice.IssueDate, 1, invoice.Number, $"{what} voided: {invoice.VoidReason ?? "no reason recorded"}", -charge));
        }
        foreach (var m in money) movements.Add((m.Date, 2, m.InvoiceNumber, m.Description, -m.Amount));

        var ordered = movements.OrderBy(m => m.Date).ThenBy(m => m.Order).ThenBy(m => m.Reference, StringComparer.Ordinal).ToList();
        var opening = ordered.Where(m => m.Date < from).Sum(m => m.Amount);
        var balance = opening;
        var entries = new List<StatementEntry>();
        foreach (var m in ordered.Where(m => m.Date >= from && m.Date <= to))
        {
            balance += m.Amount;
            entries.Add(new StatementEntry(m.Date, m.Reference, m.Description, m.Amount > 0 ? m.Amount : null, m.Amount < 0 ? -m.Amount : null, balance));
        }

        var open = invoices
            .Where(i => i.Kind == InvoiceKind.Invoice && i.Status is not InvoiceStatus.Void and not InvoiceStatus.Draft && i.BalanceDue > 0)
            .Select(i => new StatementOpenInvoice(i.Number, i.IssueDate, i.DueDate, Math.Max(0, today.DayNumber - (i.DueDate ?? i.IssueDate).DayNumber), i.Total, i.Paid, i.BalanceDue))
            .OrderBy(i => i.IssueDate).ThenBy(i => i.Number, StringComparer.Ordinal)
            .ToList();
        var aged = new AgedBalance(
            open.Where(i => i.DaysPastDue <= 30).Sum(i => i.BalanceDue),
            open.Where(i => i.DaysPastDue is > 30 and <= 60).Sum(i => i.BalanceDue),
            open.Where(i => i.DaysPastDue is > 60 and <= 90).Sum(i => i.BalanceDue),
            open.Where(i => i.DaysPastDue > 90).Sum(i => i.BalanceDue));
        return (opening, entries, balance, open, aged);
    }
}

/// <summary>
/// A customer's statement as a PDF: opening balance, the period's invoices, credit notes, payments and refunds with a running
/// balance, the closing balance, then the invoices still open and the aged balance (0–30, 31–60, 61–90, over 90 days past due).
/// </summary>
public static class StatementDocument
{
    private static readonly PdfColumn[] EntryColumns =
        [new("Date", 1.4), new("Reference", 2.7), new("Description", 3.5), new("Charges", 1.6, Right: true), new("Credits", 1.6, Right: true), new("Balance", 1.6, Right: true)];

    private static readonly PdfColumn[] OpenColumns =
        [new("Invoice", 2.6), new("Issued", 1.4), new("Due", 1.4), new("Days late", 1.2, Right: true), new("Total", 1.6, Right: true), new("Paid", 1.6, Right: true), new("Balance", 1.6, Right: true)];

    private static readonly PdfColumn[] AgedColumns =
        [new("0–30 days", 1, Right: true), new("31–60 days", 1, Right: true), new("61–90 days", 1, Right: true), new("Over 90 days", 1, Right: true), new("Total open", 1, Right: true)];

    public static byte[] Render(StatementDocumentData statement)
    {
        var money = (decimal amount) => Money(amount, statement.Currency);
        using var pdf = new PdfLayout(statement.Name, statement.Dealer.Name);
        pdf.Letterhead(statement.Dealer, "STATEMENT",
        [
            ("Period", $"{Date(statement.From)} – {Date(statement.To)}"),
            ("Printed", Date(statement.Today)),
            ("Balance", money(statement.ClosingBalance)),
        ]);
        pdf.Boxes(statement.Customer);

        pdf.Heading("Account activity");
        List<PdfRow> rows = [new(["", "", "Opening balance", "", "", money(statement.OpeningBalance)], PdfRowStyle.Subtotal)];
        rows.AddRange(statement.Entries.Select(e => new PdfRow(
            [Date(e.Date), e.Reference, e.Description, e.Charge is { } c ? money(c) : "", e.Credit is { } r ? money(r) : "", money(e.Balance)])));
        if (statement.Entries.Count == 0) rows.Add(new(["", "", "No invoices, payments or refunds in this period.", "", "", ""]));
        rows.Add(new(["", "", "Closing balance", "", "", money(statement.ClosingBalance)], PdfRowStyle.Subtotal));
        pdf.Table(EntryColumns, rows, dense: true);

        pdf.Heading($"Open invoices on {Date(statement.Today)}");
        if (statement.OpenInvoices.Count == 0)
            pdf.Paragraph("Open invoices", "Nothing is owed: every invoice is paid.");
        else
            pdf.Table(OpenColumns, statement.OpenInvoices.Select(i => new PdfRow(
                [i.Number, Date(i.IssueDate), Date(i.DueDate), i.DaysPastDue.ToString(), money(i.Total), money(i.Paid), money(i.BalanceDue)])), dense: true);

        pdf.Heading("Aged balance (days past due; amounts not yet due count as 0–30)");
        var aged = statement.Aged;
        pdf.Table(AgedColumns, [new PdfRow([money(aged.UpTo30), money(aged.From31To60), money(aged.From61To90), money(aged.Over90), money(aged.Total)])]);
        return pdf.Finish();
    }
}
