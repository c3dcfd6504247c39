using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services.Export;

namespace MotorTrace.Web.Services.Finance;

/// <summary>The finance lists' columns in their Excel exports: what the pages show, typed, with the amounts as stored.</summary>
public static class FinanceExport
{
    public static IReadOnlyList<ExportColumn<InvoiceRow>> Invoices(bool allDealers) =>
    [
        new("Number", r => r.Number ?? "Draft"),
        .. allDealers ? new ExportColumn<InvoiceRow>[] { new("Dealer", r => r.DealerCode), new("Currency", r => r.Currency) } : [],
        new("Kind", r => StatusStyles.Label(r.Kind)),
        new("Work order", r => r.WorkOrderNumber),
        new("Customer", r => r.CustomerName),
        new("Plate", r => r.Plate),
        new("Payer", r => StatusStyles.Label(r.Payer)),
        new("Status", r => StatusStyles.Label(r.Status)),
        new("Issued", r => r.IssueDate, ExportFormat.Date),
        new("Due", r => r.DueDate, ExportFormat.Date),
        new("Total", r => r.Total, ExportFormat.Money),
        new("Paid", r => r.Paid, ExportFormat.Money),
        new("Balance", r => r.Balance, ExportFormat.Money),
    ];

    public static IReadOnlyList<ExportColumn<PaymentRow>> Payments(DealerContext dealer, bool allDealers) =>
    [
        new("Paid at", r => dealer.ToLocal(r.When), ExportFormat.DateTime),
        .. allDealers ? new ExportColumn<PaymentRow>[] { new("Dealer", r => r.DealerCode), new("Currency", r => r.Currency) } : [],
        new("Invoice", r => r.InvoiceNumber),
        new("Work order", r => r.WorkOrderNumber),
        new("Customer", r => r.CustomerName),
        new("Method", r => StatusStyles.Label(r.Method)),
        new("Reference", r => r.Reference),
        new("Status", r => StatusStyles.Label(r.Status)),
        new("Processed by", r => r.ProcessedBy),
        new("Amount", r => r.Amount, ExportFormat.Money),
        new("Refunded", r => r.Refunded, ExportFormat.Money),
    ];

    public static IReadOnlyList<ExportColumn<ReceivableRow>> Receivables(bool allDealers) =>
    [
        new("Customer", r => r.CustomerName),
        .. allDealers ? new ExportColumn<ReceivableRow>[] { new("Dealer", r => r.DealerCode), new("Currency", r => r.Currency) } : [],
        new("Phone", r => r.Phone),
        new("Open invoices", r => r.Count, ExportFormat.Integer),
        new("0–30 days", r => r.Days0To30, ExportFormat.Money),
        new("31–60 days", r => r.Days31To60, ExportFormat.Money),
        new("61–90 days", r => r.Days61To90, ExportFormat.Money),
        new("Over 90 days", r => r.Over90, ExportFormat.Money),
        new("Total", r => r.Total, ExportFormat.Money),
    ];
}
