using MotorTrace.Data.Entities.Finance;
using MotorTrace.Web.Components.Shared;
using static MotorTrace.Web.Services.Documents.PdfLayout;

namespace MotorTrace.Web.Services.Documents;

public sealed record ReceiptDocumentRefund(DateTime RefundedAtLocal, decimal Amount, PaymentMethod Method, string? Reference, string Reason);

/// <summary>One payment as its receipt prints it; the invoice amounts are the stored ones.</summary>
public sealed record ReceiptDocumentData(
    Letterhead Dealer, Guid PaymentId, DateTime PaidAtLocal, PaymentMethod Method, PaymentRecordStatus Status, decimal Amount, string? Reference,
    string ProcessedBy, string Currency, PdfBox ReceivedFrom, string WorkOrderNumber, string? InvoiceNumber, decimal? InvoiceTotal,
    decimal? BalanceAfterPayment, decimal? BalanceDueNow, decimal RefundedTotal, IReadOnlyList<ReceiptDocumentRefund> Refunds, string? Notes)
{
    /// <summary>The payment's short reference on paper: the last twelve hex digits of its id, which are its random part.</summary>
    public string Number => "RCPT-" + PaymentId.ToString("N")[^12..].ToUpperInvariant();

    public string Name => $"Receipt {Number}";
    public string FileName => $"{Number}.pdf";
}

/// <summary>A payment receipt: what was received, how, by whom, for which invoice, the balance after it and any refunds of it.</summary>
public static class ReceiptDocument
{
    private static readonly PdfColumn[] RefundColumns =
        [new("Refunded", 2.0), new("Method", 1.3), new("Reference", 1.8), new("Reason", 3.2), new("Amount", 1.6, Right: true)];

    public static byte[] Render(ReceiptDocumentData receipt)
    {
        var money = (decimal amount) => Money(amount, receipt.Currency);
        using var pdf = new PdfLayout(receipt.Name, receipt.Dealer.Name);
        pdf.Letterhead(receipt.Dealer, "PAYMENT RECEIPT",
        [
            ("Receipt no.", receipt.Number),
            ("Date", PdfLayout.DateTime(receipt.PaidAtLocal)),
            ("Invoice", receipt.InvoiceNumber ?? "not invoiced yet"),
            ("Work order", receipt.WorkOrderNumber),
        ]);
        if (receipt.Status is PaymentRecordStatus.Failed or PaymentRecordStatus.Pending)
            pdf.Notice($"This payment is {StatusStyles.Label(receipt.Status).ToLowerInvariant()}: no money has been received.", PdfSharp.Drawing.XColor.FromArgb(198, 40, 40));

        pdf.Boxes(receipt.ReceivedFrom, new PdfBox("Payment",
        [
            money(receipt.Amount),
            $"Method: {StatusStyles.Label(receipt.Method)}",
            receipt.Reference is null ? "" : $"Reference: {receipt.Reference}",
            $"Received by: {receipt.ProcessedBy}",
        ]));

        List<PdfTotal> totals = [new("Amount received", money(receipt.Amount), Strong: true)];
        if (receipt.InvoiceTotal is { } total) totals.Insert(0, new("Invoice total", money(total)));
        if (receipt.BalanceAfterPayment is { } after) totals.Add(new("Balance after this payment", money(after)));
        if (receipt.BalanceDueNow is { } now && now != receipt.BalanceAfterPayment) totals.Add(new("Balance due today", money(now)));
        pdf.Totals(totals);

        if (receipt.Refunds.Count > 0)
        {
            pdf.Heading("Refunds of this payment");
            pdf.Table(RefundColumns, receipt.Refunds.Select(r => new PdfRow(
                [PdfLayout.DateTime(r.RefundedAtLocal), StatusStyles.Label(r.Method), r.Reference ?? "", r.Reason, money(r.Amount)])));
            pdf.Totals([new("Refunded in all", money(receipt.RefundedTotal), Strong: true)]);
        }
        if (!string.IsNullOrWhiteSpace(receipt.Notes)) pdf.Paragraph("Notes", receipt.Notes);
        return pdf.Finish();
    }
}
