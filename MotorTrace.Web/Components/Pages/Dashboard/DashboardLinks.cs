namespace MotorTrace.Web.Components.Pages.Dashboard;

/// <summary>
/// What the signed-in user may open from a dashboard, and whether the rows span dealers. A figure or row links to
/// its records only where a page for them exists and the user's role may open it (links a role may not follow are
/// not shown).
/// </summary>
public sealed record DashboardLinks(bool WorkOrders, bool Appointments, bool Customers, bool AllDealers)
{
    public string? WorkOrder(Guid id) => WorkOrders ? $"/workorders/{id}" : null;

    public string? Appointment(Guid id) => Appointments ? $"/appointments/{id}" : null;

    /// <summary>The parts pages (InventoryRead).</summary>
    public bool Inventory { get; init; }

    /// <summary>The reorder list: parts at or below their reorder point, grouped by supplier.</summary>
    public string? ReorderList => Inventory ? "/inventory/reorder" : null;

    public string? InventoryItem(Guid id) => Inventory ? $"/inventory/items/{id}" : null;

    /// <summary>The stock value per category and the slow movers.</summary>
    public string? StockValuation => Inventory ? "/inventory/valuation" : null;

    /// <summary>The reports (Reports policy): the sales report of the month so far.</summary>
    public bool Reports { get; init; }

    public string? SalesReport => Reports ? "/reports/sales" : null;

    /// <summary>Today's list of the calendar (its default view).</summary>
    public string? AppointmentsToday => Appointments ? "/appointments" : null;
}
