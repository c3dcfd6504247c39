using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Services.Reports;

/// <summary>A report the manager can open at <c>/reports/{Name}</c> and download at <c>/reports/{Name}/xlsx</c>, and who may.</summary>
public sealed record ReportDefinition(string Name, string Title, string Summary, IReadOnlyList<string> Roles, bool UsesPeriod = true);

public static class ReportCatalog
{
    private static readonly string[] Managers = [Roles.Admin, Roles.Manager];

    public static readonly IReadOnlyList<ReportDefinition> All =
    [
        new("sales", "Sales and gross profit", "Car count, average repair order, sales by period, job type, payer and category, effective labour rate, parts and labour gross profit.", Managers),
        new("technicians", "Technician efficiency and productivity", "Hours sold against hours clocked and hours available, per technician, down to each labour line.", Managers),
        new("estimates", "Estimate close ratio", "Value approved against value declined by customers, per person who recorded the answers.", Managers),
        new("comebacks", "Comebacks", "Cars back within the window for a service category of their earlier visit.", Managers),
        new("appointments", "Appointment show rate", "Bookings that arrived, did not show, or were cancelled.", Managers),
        new("open-work", "Open work-order ageing", "Work not yet invoiced, by how long ago it was opened (as of now).", Managers, UsesPeriod: false),
        new("inventory", "Inventory value and turns", "Stock value at cost per category, cost of parts issued and stock turns.", [Roles.Admin, Roles.Manager, Roles.InventoryManager]),
        new("receivables", "Receivables ageing", "Open invoice balances by days past due (as of now).", [Roles.Admin, Roles.Manager], UsesPeriod: false),
        new("warranty", "Open warranty claims", "Warranty work still open, by claim status and age (as of now).", [Roles.Admin, Roles.Manager, Roles.WarrantyManager], UsesPeriod: false),
    ];

    public static ReportDefinition? Find(string name) => All.FirstOrDefault(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every role that may open at least one report: the page's and the workbook's policy.</summary>
    public static readonly string[] AnyReportRoles = [.. All.SelectMany(r => r.Roles).Distinct()];
}
