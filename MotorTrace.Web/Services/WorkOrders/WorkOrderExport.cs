using MotorTrace.Web.Services.Export;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>The work-order list's columns in its Excel export: what the grid shows, typed.</summary>
public static class WorkOrderExport
{
    public static IReadOnlyList<ExportColumn<WorkOrderRow>> Columns(DealerContext dealer, bool allDealers) =>
    [
        new("Number", r => r.Number),
        .. allDealers ? new ExportColumn<WorkOrderRow>[] { new("Dealer", r => r.DealerCode), new("Currency", r => r.Currency) } : [],
        new("Customer", r => r.CustomerName),
        new("Vehicle", r => r.Vehicle),
        new("Plate", r => r.Plate),
        new("Status", r => WorkOrderFlow.Label(r.Status)),
        new("Workflow step", r => Components.Shared.StatusStyles.Label(r.Step)),
        new("Advisor", r => r.Advisor),
        new("Technicians", r => string.Join(", ", r.Technicians)),
        new("Priority", r => r.Priority.ToString()),
        new("Job type", r => Components.Shared.StatusStyles.Label(r.JobType)),
        new("Opened", r => dealer.ToLocal(r.OpenedAt), ExportFormat.DateTime),
        new("Promised", r => r.PromisedAt is { } at ? dealer.ToLocal(at) : null, ExportFormat.DateTime),
        new("Overdue", r => r.IsOverdue ? "Overdue" : null),
        new("Total", r => r.Total, ExportFormat.Money),
    ];
}
