using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services.WorkOrders;
using static MotorTrace.Web.Services.Documents.PdfLayout;

namespace MotorTrace.Web.Services.Documents;

/// <summary>One answer of the customer, as recorded, with the recording time in the dealer's zone.</summary>
public sealed record EstimateDocumentEvidence(ApprovalDecision Decision, ApprovalMethod? Method, string? AnsweredBy, decimal PriceShown, string RecordedBy, DateTime RecordedAtLocal, string? Notes);

public sealed record EstimateDocumentLine(EstimateLineKind Kind, bool UnderService, string Description, int Quantity, decimal UnitPrice, decimal Amount,
    LineDecision Decision, LinePayer Payer, IReadOnlyList<EstimateDocumentEvidence> Evidence);

/// <summary>The estimate of a work order as the work-order page shows it: lines, their evidence and the totals of <see cref="WorkOrderTotals"/>.</summary>
public sealed record EstimateDocumentData(
    Letterhead Dealer, string WorkOrderNumber, WorkOrderStatus Status, DateOnly Printed, PdfBox Customer, DocumentVehicle Vehicle, string Currency,
    decimal TaxRatePercent, IReadOnlyList<EstimateDocumentLine> Lines, WorkOrderTotals Totals, string? DiscountNote)
{
    public string Name => $"Estimate {WorkOrderNumber}";
    public string FileName => $"Estimate-{WorkOrderNumber}.pdf";
}

/// <summary>
/// The estimate as a PDF: every line with where the customer stands on it now, and under it each recorded answer
/// (approved / declined / reopened, how, who answered, the price shown, who recorded it and when); then the approved,
/// declined and waiting amounts and the work order's subtotal, discount, tax and total from <see cref="WorkOrderTotals"/>.
/// </summary>
public static class EstimateDocument
{
    private static readonly PdfColumn[] Columns =
    [
        new("Line", 4.6), new("Decision", 1.9), new("Qty", 0.7, Right: true), new("Unit price", 1.7, Right: true), new("Amount", 1.8, Right: true),
    ];

    public static byte[] Render(EstimateDocumentData estimate)
    {
        var money = (decimal amount) => Money(amount, estimate.Currency);
        using var pdf = new PdfLayout(estimate.Name, estimate.Dealer.Name);
        pdf.Letterhead(estimate.Dealer, "ESTIMATE",
        [
            ("Work order", estimate.WorkOrderNumber),
            ("Status", StatusStyles.Label(estimate.Status)),
            ("Printed", Date(estimate.Printed)),
        ]);
        pdf.Boxes(estimate.Customer, estimate.Vehicle.Box(null));
        pdf.Table(Columns, Rows(estimate, money));

        var totals = estimate.Totals;
        List<PdfTotal> lines =
        [
            new("Approved", money(totals.Approved)),
            new("Declined (not counted)", money(totals.Declined)),
            new("Waiting for an answer", money(totals.Pending)),
            new("Subtotal (approved and waiting)", money(totals.Subtotal)),
        ];
        if (totals.Discount != 0) lines.Add(new("Discount", "− " + money(totals.Discount)));
        lines.Add(new($"Tax {Number(estimate.TaxRatePercent)}%", money(totals.Tax)));
        lines.Add(new("Estimated total", money(totals.Total), Strong: true));
        pdf.Totals(lines);
        if (estimate.DiscountNote is { } note) pdf.Paragraph("Discount", note);
        pdf.Paragraph("About this estimate",
            "Prices are estimates until the work is invoiced. Declined lines are not carried out and not charged; lines waiting for an answer are carried out only once approved.");
        return pdf.Finish();
    }

    private static IEnumerable<PdfRow> Rows(EstimateDocumentData estimate, Func<decimal, string> money)
    {
        foreach (var line in estimate.Lines)
        {
            var description = (line.UnderService ? "    Part: " : line.Kind == EstimateLineKind.Part ? "Part: " : "") + line.Description
                + (line.Payer == LinePayer.Customer ? "" : $" ({line.Payer.ToString().ToLowerInvariant()} pays)");
            yield return new PdfRow([description, StatusStyles.Label(line.Decision), line.Quantity.ToString(), money(line.UnitPrice), money(line.Amount)]);
            foreach (var answer in line.Evidence)
                yield return PdfRow.Note(Describe(answer, money));
        }
    }

    /// <summary>"Approved · In person · answered by Meera Iyer · price shown INR 1,500.00 · recorded by Asha Rao, 06 Dec 2026 10:30".</summary>
    public static string Describe(EstimateDocumentEvidence answer, Func<decimal, string> money)
    {
        var parts = new List<string> { StatusStyles.Label(answer.Decision) };
        if (answer.Method is { } method) parts.Add(StatusStyles.Label(method));
        if (!string.IsNullOrWhiteSpace(answer.AnsweredBy)) parts.Add($"answered by {answer.AnsweredBy}");
        parts.Add($"price shown {money(answer.PriceShown)}");
        parts.Add($"recorded by {answer.RecordedBy}, {PdfLayout.DateTime(answer.RecordedAtLocal)}");
        if (!string.IsNullOrWhiteSpace(answer.Notes)) parts.Add($"“{answer.Notes.Trim()}”");
        return string.Join(" · ", parts);
    }
}
