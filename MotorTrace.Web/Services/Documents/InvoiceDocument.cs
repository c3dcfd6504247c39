using MotorTrace.Data.Entities.Finance;
using PdfSharp.Drawing;
using static MotorTrace.Web.Services.Documents.PdfLayout;

namespace MotorTrace.Web.Services.Documents;

/// <summary>The vehicle a document is about, as printed.</summary>
public sealed record DocumentVehicle(string Description, string? Plate, string? Vin, int? Odometer)
{
    public PdfBox Box(string? workOrderNumber) => new("Vehicle",
    [
        Description,
        Plate is null ? "" : $"Plate: {Plate}",
        Vin is null ? "" : $"VIN: {Vin}",
        Odometer is { } km ? $"Odometer: {km:N0} km" : "",
        workOrderNumber is null ? "" : $"Work order: {workOrderNumber}",
    ]);
}

/// <summary>One printed invoice line, with the amount stored on it.</summary>
public sealed record InvoiceDocumentLine(LineItemType Type, int LineNumber, string Description, int Quantity, decimal UnitPrice, decimal Amount);

/// <summary>Everything an invoice or credit note prints, read from the stored invoice (amounts as WorkOrderTotals computed them).</summary>
public sealed record InvoiceDocumentData(
    Letterhead Dealer, string? Number, InvoiceKind Kind, string? CreditedInvoiceNumber, InvoiceStatus Status,
    DateOnly IssueDate, DateOnly? DueDate, DateOnly? VoidedOn, string? VoidReason,
    PdfBox BillTo, DocumentVehicle Vehicle, string WorkOrderNumber, string Currency, decimal TaxRatePercent, bool TaxInclusive,
    IReadOnlyList<InvoiceDocumentLine> Lines,
    decimal SubtotalServices, decimal SubtotalLabor, decimal SubtotalParts, decimal Subtotal, decimal Discount, decimal Tax, decimal Total,
    decimal Paid, decimal BalanceDue, string? Terms, string? Notes)
{
    public bool IsDraft => Number is null || Status == InvoiceStatus.Draft;
    public bool IsCreditNote => Kind == InvoiceKind.CreditNote;
    public string Title => IsCreditNote ? "Credit note" : "Invoice";

    /// <summary>"Invoice INV-D001-2026-000123", or "Draft invoice for WO-000042" before it has a number.</summary>
    public string Name => IsDraft ? $"Draft {Title.ToLowerInvariant()} for {WorkOrderNumber}" : $"{Title} {Number}";

    public string FileName => IsDraft ? $"{(IsCreditNote ? "CN" : "INV")}-DRAFT-{WorkOrderNumber}.pdf" : $"{Number}.pdf";
}

/// <summary>
/// The invoice (or credit note) as a PDF: letterhead, bill-to and vehicle, the lines grouped services / labour / parts
/// with the stored group subtotals, then subtotal, discount, tax, total, paid and balance due exactly as stored.
/// A draft says DRAFT where the number goes and across every page; a void invoice says VOID with its reason.
/// </summary>
public static class InvoiceDocument
{
    private static readonly PdfColumn[] Columns =
    [
        new("#", 0.6), new("Description", 5.6), new("Qty", 0.8, Right: true), new("Unit price", 1.8, Right: true), new("Amount", 1.9, Right: true),
    ];

    private static readonly (LineItemType Type, string Heading)[] Groups =
    [
        (LineItemType.Service, "Services"), (LineItemType.Labor, "Labour"), (LineItemType.Part, "Parts"),
        (LineItemType.Fee, "Fees"), (LineItemType.Discount, "Discounts"),
    ];

    public static byte[] Render(InvoiceDocumentData invoice)
    {
        var money = (decimal amount) => Money(amount, invoice.Currency);
        using var pdf = new PdfLayout(invoice.Name, invoice.Dealer.Name);
        List<(string, string)> facts =
        [
            (invoice.IsCreditNote ? "Credit note no." : "Invoice no.", invoice.IsDraft ? "DRAFT" : invoice.Number!),
            ("Issue date", invoice.IsDraft ? "not issued yet" : Date(invoice.IssueDate)),
        ];
        if (invoice.DueDate is { } due && !invoice.IsCreditNote) facts.Add(("Due date", Date(due)));
        if (invoice.CreditedInvoiceNumber is { } credited) facts.Add(("Corrects invoice", credited));
        facts.Add(("Work order", invoice.WorkOrderNumber));
        pdf.Letterhead(invoice.Dealer, invoice.IsCreditNote ? "CREDIT NOTE" : "INVOICE", facts);

        if (invoice.Status == InvoiceStatus.Void)
            pdf.Notice($"VOID{(invoice.VoidedOn is { } on ? $" since {Date(on)}" : "")}: {invoice.VoidReason ?? "no reason recorded"}. This document is not payable.", XColor.FromArgb(198, 40, 40));
        else if (invoice.IsDraft)
            pdf.Notice($"DRAFT: not finalised. The number is given when the {invoice.Title.ToLowerInvariant()} is finalised; amounts may still change.", XColor.FromArgb(230, 81, 0));
        if (invoice.IsCreditNote)
            pdf.Notice($"This credit note corrects invoice {invoice.CreditedInvoiceNumber ?? "(not recorded)"}: its amounts are credited to the account.", XColor.FromArgb(21, 101, 192));

        pdf.Boxes(invoice.BillTo, invoice.Vehicle.Box(invoice.WorkOrderNumber));
        pdf.Table(Columns, Rows(invoice, money));
        pdf.Totals(Totals(invoice, money));
        if (!string.IsNullOrWhiteSpace(invoice.Notes)) pdf.Paragraph("Notes", invoice.Notes);
        if (!string.IsNullOrWhiteSpace(invoice.Terms)) pdf.Paragraph("Terms", invoice.Terms);
        return invoice.Status == InvoiceStatus.Void ? pdf.Finish("VOID") : invoice.IsDraft ? pdf.Finish("DRAFT", XColor.FromArgb(230, 81, 0)) : pdf.Finish();
    }

    private static IEnumerable<PdfRow> Rows(InvoiceDocumentData invoice, Func<decimal, string> money)
    {
        foreach (var (type, heading) in Groups)
        {
            var lines = invoice.Lines.Where(l => l.Type == type).OrderBy(l => l.LineNumber).ToList();
            if (lines.Count == 0) continue;
            yield return PdfRow.Group(heading);
            foreach (var line in lines)
                yield return new PdfRow([line.LineNumber.ToString(), line.Description, line.Quantity.ToString(), money(line.UnitPrice), money(line.Amount)]);
            decimal? stored = type switch
            {
                LineItemType.Service => invoice.SubtotalServices,
                LineItemType.Labor => invoice.SubtotalLabor,
                LineItemType.Part => invoice.SubtotalParts,
                _ => null,
            };
            if (stored is { } subtotal) yield return new PdfRow(["", $"{heading} subtotal", "", "", money(subtotal)], PdfRowStyle.Subtotal);
        }
    }

    private static List<PdfTotal> Totals(InvoiceDocumentData invoice, Func<decimal, string> money)
    {
        // The demo invoices were written before the rate was frozen on the invoice: never print "0%" beside a tax amount.
        var rate = invoice.TaxRatePercent != 0 || invoice.Tax == 0 ? $" {Number(invoice.TaxRatePercent)}%" : "";
        var taxLabel = invoice.TaxInclusive ? $"Tax{rate} (included in the prices)" : $"Tax{rate} (added to the prices)";
        List<PdfTotal> totals = [new("Subtotal", money(invoice.Subtotal))];
        if (invoice.Discount != 0) totals.Add(new("Discount", "− " + money(invoice.Discount)));
        totals.Add(new(taxLabel, money(invoice.Tax)));
        totals.Add(new(invoice.IsCreditNote ? "Total credited" : "Total", money(invoice.Total), Strong: true));
        if (invoice.IsCreditNote || invoice.Status == InvoiceStatus.Void) return totals;
        totals.Add(new("Paid", money(invoice.Paid)));
        totals.Add(new("Balance due", money(invoice.BalanceDue), Strong: true));
        if (invoice.DueDate is { } due && invoice.BalanceDue > 0) totals.Add(new("Due by", Date(due)));
        return totals;
    }
}
