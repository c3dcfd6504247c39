using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Services.Reports;

/// <summary>A finalised invoice or credit note (credit notes carry negative amounts), as the sales figures read it.</summary>
public sealed record InvoiceFact(Guid Id, Guid DealerId, string Number, InvoiceKind Kind, LinePayer Payer, JobType JobType, DateOnly IssueDate,
    Guid WorkOrderId, decimal Services, decimal Labor, decimal Parts, decimal Discount, decimal Tax, bool TaxInclusive, decimal Total)
{
    /// <summary>Net of tax: exclusive tax is added to the total, inclusive tax is part of it; either way total − tax.</summary>
    public decimal Sales => Total - Tax;

    /// <summary>Tax inside the line prices, taken out of the categories' gross to reach the sales figure.</summary>
    public decimal IncludedTax => TaxInclusive ? Tax : 0m;
}

/// <summary>
/// The labour and parts of one invoiced work order: sold and clocked minutes of its labour lines (approved work only),
/// and its stock parts billed on invoices with what the ledger says they cost.
/// </summary>
public sealed record WorkOrderFact(Guid WorkOrderId, Guid DealerId, int SoldMinutes, int ClockedMinutes, decimal StockPartSales, decimal StockPartCost);

/// <summary>A labour line a technician finished in the period: the book time sold and the time clocked on it.</summary>
public sealed record LaborFact(Guid Id, Guid DealerId, Guid TechnicianId, string Technician, Guid WorkOrderId, string WorkOrderNumber, string Description,
    DateOnly CompletedOn, int SoldMinutes, int ClockedMinutes);

/// <summary>A booking in the period: whether the car came (checked in), did not, or the booking was cancelled.</summary>
public sealed record AppointmentFact(Guid Id, Guid DealerId, DateOnly Day, AppointmentOutcome Outcome, string Customer, string? Plate);

public enum AppointmentOutcome
{
    Arrived,
    NoShow,
    Cancelled,
    Upcoming,
}

/// <summary>The customer's last answer in the period on one estimate line, at the price they were shown.</summary>
public sealed record DecisionFact(Guid WorkOrderId, Guid DealerId, string WorkOrderNumber, string Line, bool Approved, decimal Price, DateOnly Day,
    string RecordedBy);

/// <summary>A visit counted in the car count, with the service categories of its work: a later visit of the same car for
/// one of the same categories within the window is a comeback.</summary>
public sealed record VisitFact(Guid WorkOrderId, Guid DealerId, string WorkOrderNumber, Guid VehicleId, string Vehicle, DateTime At,
    IReadOnlySet<string> Categories);

public sealed record OpenWorkOrderFact(Guid Id, Guid DealerId, string Number, string Customer, string? Plate, WorkOrderStatus Status, DateOnly Opened,
    decimal Total, bool Warranty, string? ClaimNumber);

public sealed record StockFact(Guid DealerId, string Category, int Items, decimal Value, decimal IssuedCost);

public sealed record ReceivableFact(Guid Id, Guid DealerId, string Number, string Customer, LinePayer Payer, DateOnly Due, decimal Balance);

/// <summary>
/// The KPI formulas, once, over the facts the report service reads (docs/kpis.md states each one with the same words).
/// Every function is pure, so each KPI is tested on a hand-built data set with answers worked out by hand.
/// </summary>
public static class Kpi
{
    public const int DefaultComebackDays = 30;

    /// <summary>Open work: not closed and not cancelled (an invoiced car waits for collection). The dashboards count the same.</summary>
    public static readonly WorkOrderStatus[] OpenStatuses =
        [.. Enum.GetValues<WorkOrderStatus>().Where(s => s is not (WorkOrderStatus.Closed or WorkOrderStatus.Cancelled))];

    /// <summary>Age bands of open work, in days since it was opened.</summary>
    public static readonly (string Label, int From, int To)[] OpenAgeBands =
        [("0–2 days", 0, 2), ("3–7 days", 3, 7), ("8–14 days", 8, 14), ("15–30 days", 15, 30), ("Over 30 days", 31, int.MaxValue)];

    public static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0 ? null : numerator / denominator;

    public static decimal Round(decimal value, ValueFormat format) => format switch
    {
        ValueFormat.Money => Math.Round(value, 2, MidpointRounding.AwayFromZero),
        ValueFormat.Hours => Math.Round(value, 2, MidpointRounding.AwayFromZero),
        ValueFormat.Percent => Math.Round(value, 4, MidpointRounding.AwayFromZero),
        _ => value,
    };

    public static decimal? AsDecimal(object? cell) => cell switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        _ => null,
    };

    public static decimal Hours(int minutes) => minutes / 60m;

    /// <summary>Car count: work orders with a finalised invoice (not a credit note) issued in the period.</summary>
    public static int CarCount(IEnumerable<InvoiceFact> invoices) =>
        invoices.Where(i => i.Kind == InvoiceKind.Invoice).Select(i => i.WorkOrderId).Distinct().Count();

    /// <summary>Sales net of tax: invoices less credit notes.</summary>
    public static decimal Sales(IEnumerable<InvoiceFact> invoices) => invoices.Sum(i => i.Sales);

    /// <summary>Average repair order: sales ÷ car count.</summary>
    public static decimal? AverageRepairOrder(IReadOnlyCollection<InvoiceFact> invoices) => Ratio(Sales(invoices), CarCount(invoices));

    /// <summary>Labour sales: service and labour lines as invoiced (a canned service's price is its labour).</summary>
    public static decimal LaborSales(IEnumerable<InvoiceFact> invoices) => invoices.Sum(i => i.Services + i.Labor);

    /// <summary>Effective labour rate: labour sales ÷ hours sold on the invoiced work orders.</summary>
    public static decimal? EffectiveLaborRate(IReadOnlyCollection<InvoiceFact> invoices, IEnumerable<WorkOrderFact> workOrders) =>
        Ratio(LaborSales(invoices), Hours(workOrders.Sum(w => w.SoldMinutes)));

    /// <summary>Labour gross profit: labour sales − clocked hours × the dealer's cost of a technician hour; null while no cost is set.</summary>
    public static decimal? LaborGrossProfit(IReadOnlyCollection<InvoiceFact> invoices, IEnumerable<WorkOrderFact> workOrders, decimal costPerHour) =>
        costPerHour <= 0 ? null : LaborSales(invoices) - Math.Round(Hours(workOrders.Sum(w => w.ClockedMinutes)) * costPerHour, 2, MidpointRounding.AwayFromZero);

    /// <summary>Parts gross profit: stock parts sold on the invoices − their cost in the stock ledger (issues less returns).</summary>
    public static decimal PartsGrossProfit(IEnumerable<WorkOrderFact> workOrders) => workOrders.Sum(w => w.StockPartSales - w.StockPartCost);

    public static decimal? PartsMargin(IReadOnlyCollection<WorkOrderFact> workOrders) =>
        Ratio(PartsGrossProfit(workOrders), workOrders.Sum(w => w.StockPartSales));

    /// <summary>Efficiency: hours sold ÷ hours clocked on the same labour lines.</summary>
    public static decimal? Efficiency(IEnumerable<LaborFact> lines)
    {
        var list = lines.ToList();
        return Ratio(list.Sum(l => l.SoldMinutes), list.Sum(l => l.ClockedMinutes));
    }

    /// <summary>Productivity: hours clocked ÷ hours the technician was available (the workshop's opening hours in the period).</summary>
    public static decimal? Productivity(IEnumerable<LaborFact> lines, decimal availableHours) => Ratio(Hours(lines.Sum(l => l.ClockedMinutes)), availableHours);

    /// <summary>Show rate: cars that arrived ÷ (arrived + no-shows); cancelled and still-upcoming bookings are left out.</summary>
    public static decimal? ShowRate(IEnumerable<AppointmentFact> appointments)
    {
        var list = appointments.ToList();
        var arrived = list.Count(a => a.Outcome == AppointmentOutcome.Arrived);
        return Ratio(arrived, arrived + list.Count(a => a.Outcome == AppointmentOutcome.NoShow));
    }

    /// <summary>Estimate close ratio: approved value ÷ (approved + declined value), by each line's last answer in the period.</summary>
    public static decimal? CloseRatio(IEnumerable<DecisionFact> decisions)
    {
        var list = decisions.ToList();
        return Ratio(list.Where(d => d.Approved).Sum(d => d.Price), list.Sum(d => d.Price));
    }

    /// <summary>
    /// Comebacks: each visit of <paramref name="visits"/> whose car came back (a work order opened after it, within
    /// <paramref name="days"/> days) for a service category the visit also had. <paramref name="later"/> holds the candidate
    /// returns (work orders of the same cars opened up to the window after the period).
    /// </summary>
    public static IReadOnlyList<(VisitFact Visit, VisitFact Return)> Comebacks(IEnumerable<VisitFact> visits, IEnumerable<VisitFact> later, int days)
    {
        var byVehicle = later.ToLookup(v => v.VehicleId);
        var found = new List<(VisitFact, VisitFact)>();
        foreach (var visit in visits)
        {
            var back = byVehicle[visit.VehicleId]
                .Where(r => r.WorkOrderId != visit.WorkOrderId && r.At > visit.At && r.At <= visit.At.AddDays(days) && r.Categories.Overlaps(visit.Categories))
                .OrderBy(r => r.At)
                .FirstOrDefault();
            if (back is not null) found.Add((visit, back));
        }
        return found;
    }

    /// <summary>Comeback rate: visits that came back ÷ visits.</summary>
    public static decimal? ComebackRate(int comebacks, int visits) => Ratio(comebacks, visits);

    public static int AgeBand(int days) => Array.FindIndex(OpenAgeBands, b => days >= b.From && days <= b.To);

    /// <summary>Stock turns: cost of parts issued in the period, scaled to a year, ÷ the stock's value at cost now.</summary>
    public static decimal? Turns(decimal issuedCost, decimal stockValue, int periodDays) =>
        Ratio(issuedCost * 365m / Math.Max(1, periodDays), stockValue);
}
