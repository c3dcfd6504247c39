using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Reports;

namespace MotorTrace.Tests.Unit;

/// <summary>
/// Each KPI of docs/kpis.md on a small hand-built data set; every expected value is worked out by hand in the comment next
/// to it, so a change to a formula shows here first.
/// </summary>
public sealed class KpiTests
{
    private static readonly Guid D1 = Guid.NewGuid();
    private static readonly Guid D2 = Guid.NewGuid();
    private static readonly Guid WoA = Guid.NewGuid();
    private static readonly Guid WoB = Guid.NewGuid();
    private static readonly Guid WoC = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 11, 10);

    private static InvoiceFact Invoice(Guid workOrder, decimal services, decimal labor, decimal parts, decimal discount, decimal tax, bool inclusive = false,
        InvoiceKind kind = InvoiceKind.Invoice, LinePayer payer = LinePayer.Customer)
    {
        var net = services + labor + parts - discount;
        return new InvoiceFact(Guid.NewGuid(), D1, "INV", kind, payer, JobType.Service, Day, workOrder, services, labor, parts, discount, tax, inclusive,
            inclusive ? net : net + tax);
    }

    // WoA: customer invoice 1,000 services + 200 labour + 500 parts − 100 discount, 18 % tax added (1,600 × 0.18 = 288): total 1,888.
    // WoA: warranty invoice 300 parts, no tax: total 300. WoB: 2,360 tax-inclusive services (tax 360 inside). WoC: a credit note of −118 (−100 + −18 tax).
    private static readonly InvoiceFact[] Invoices =
    [
        Invoice(WoA, 1000m, 200m, 500m, 100m, 288m),
        Invoice(WoA, 0m, 0m, 300m, 0m, 0m, payer: LinePayer.Warranty),
        Invoice(WoB, 2360m, 0m, 0m, 0m, 360m, inclusive: true),
        Invoice(WoC, -100m, 0m, 0m, 0m, -18m, kind: InvoiceKind.CreditNote),
    ];

    [Fact]
    public void Car_count_counts_each_invoiced_work_order_once_and_not_a_credit_note()
    {
        // WoA twice (two payers) → once; WoB once; WoC has only a credit note → not a visit. 2.
        Assert.Equal(2, Kpi.CarCount(Invoices));
    }

    [Fact]
    public void Sales_are_totals_less_tax_with_credit_notes_subtracted()
    {
        // (1,888 − 288) + 300 + (2,360 − 360) + (−118 + 18) = 1,600 + 300 + 2,000 − 100 = 3,800.
        Assert.Equal(3800m, Kpi.Sales(Invoices));
        // The same from the categories: services 3,260 + labour 200 + parts 800 − discount 100 − tax in prices 360 = 3,800.
        Assert.Equal(3800m, Invoices.Sum(i => i.Services + i.Labor + i.Parts - i.Discount - i.IncludedTax));
    }

    [Fact]
    public void Average_repair_order_is_sales_over_car_count_and_missing_without_cars()
    {
        Assert.Equal(1900m, Kpi.AverageRepairOrder(Invoices)); // 3,800 ÷ 2
        Assert.Null(Kpi.AverageRepairOrder([Invoices[3]])); // a credit note alone: no car
    }

    [Fact]
    public void Effective_labour_rate_is_labour_sales_over_hours_sold()
    {
        // Labour sales = services + labour lines = 1,000 + 200 + 2,360 − 100 = 3,460; hours sold 120 + 60 + 0 minutes = 3 h → 1,153.33…
        WorkOrderFact[] orders = [new(WoA, D1, 120, 150, 800m, 500m), new(WoB, D1, 60, 45, 0m, 0m)];
        Assert.Equal(3460m, Kpi.LaborSales(Invoices));
        Assert.Equal(3460m / 3m, Kpi.EffectiveLaborRate(Invoices, orders));
        Assert.Null(Kpi.EffectiveLaborRate(Invoices, [new(WoA, D1, 0, 0, 0m, 0m)]));
    }

    [Fact]
    public void Parts_gross_profit_is_stock_part_sales_less_their_ledger_cost()
    {
        // WoA: 800 sold, cost 500 → 300; WoB: 200 sold, cost 150 → 50. GP 350; margin 350 ÷ 1,000 = 35 %.
        WorkOrderFact[] orders = [new(WoA, D1, 0, 0, 800m, 500m), new(WoB, D1, 0, 0, 200m, 150m)];
        Assert.Equal(350m, Kpi.PartsGrossProfit(orders));
        Assert.Equal(0.35m, Kpi.PartsMargin(orders));
        Assert.Null(Kpi.PartsMargin([new(WoA, D1, 0, 0, 0m, 0m)]));
    }

    [Fact]
    public void Labour_gross_profit_needs_the_cost_of_an_hour()
    {
        // Labour sales 3,460 − clocked (150 + 45 = 195 min = 3.25 h) × 400 = 1,300 → 2,160.
        WorkOrderFact[] orders = [new(WoA, D1, 120, 150, 0m, 0m), new(WoB, D1, 60, 45, 0m, 0m)];
        Assert.Equal(2160m, Kpi.LaborGrossProfit(Invoices, orders, 400m));
        Assert.Null(Kpi.LaborGrossProfit(Invoices, orders, 0m));
    }

    private static LaborFact Line(Guid technician, int sold, int clocked) =>
        new(Guid.NewGuid(), D1, technician, "Tech", WoA, "WO-1", "Labour", Day, sold, clocked);

    [Fact]
    public void Efficiency_is_sold_over_clocked_and_productivity_clocked_over_available()
    {
        var t = Guid.NewGuid();
        // Sold 60 + 90 = 150 min, clocked 75 + 125 = 200 min → 75 %. Clocked 200 min = 3.333 h of 8 h available → 41.67 %.
        LaborFact[] lines = [Line(t, 60, 75), Line(t, 90, 125)];
        Assert.Equal(0.75m, Kpi.Efficiency(lines));
        Assert.Equal(200m / 60m / 8m, Kpi.Productivity(lines, 8m));
        Assert.Null(Kpi.Efficiency([Line(t, 30, 0)]));
        Assert.Null(Kpi.Productivity(lines, 0m));
    }

    private static AppointmentFact Booking(AppointmentOutcome outcome) => new(Guid.NewGuid(), D1, Day, outcome, "C", null);

    [Fact]
    public void Show_rate_leaves_out_cancelled_and_unresolved_bookings()
    {
        // 3 arrived, 1 no-show, 2 cancelled, 1 upcoming → 3 ÷ (3 + 1) = 75 %.
        AppointmentFact[] bookings =
        [
            Booking(AppointmentOutcome.Arrived), Booking(AppointmentOutcome.Arrived), Booking(AppointmentOutcome.Arrived), Booking(AppointmentOutcome.NoShow),
            Booking(AppointmentOutcome.Cancelled), Booking(AppointmentOutcome.Cancelled), Booking(AppointmentOutcome.Upcoming),
        ];
        Assert.Equal(0.75m, Kpi.ShowRate(bookings));
        Assert.Null(Kpi.ShowRate([Booking(AppointmentOutcome.Cancelled)]));
    }

    [Fact]
    public void Close_ratio_is_approved_value_over_answered_value()
    {
        // Approved 700 + 300 = 1,000; declined 250 → 1,000 ÷ 1,250 = 80 %.
        DecisionFact[] answers =
        [
            new(WoA, D1, "WO-1", "Oil", true, 700m, Day, "A"), new(WoA, D1, "WO-1", "Filter", true, 300m, Day, "A"),
            new(WoB, D1, "WO-2", "Brake fluid", false, 250m, Day, "B"),
        ];
        Assert.Equal(0.8m, Kpi.CloseRatio(answers));
        Assert.Null(Kpi.CloseRatio([]));
    }

    private static VisitFact Visit(Guid vehicle, DateTime at, params string[] categories) =>
        new(Guid.NewGuid(), D1, "WO", vehicle, "Car", at, categories.ToHashSet(StringComparer.OrdinalIgnoreCase));

    [Fact]
    public void A_comeback_is_the_same_car_back_within_the_window_for_a_shared_category()
    {
        var car1 = Guid.NewGuid();
        var car2 = Guid.NewGuid();
        var car3 = Guid.NewGuid();
        var start = new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc);
        var v1 = Visit(car1, start, "Brakes", "Periodic maintenance");
        var v2 = Visit(car2, start, "Brakes");
        var v3 = Visit(car3, start, "Electrical");
        VisitFact[] later =
        [
            v1, v2, v3,
            Visit(car1, start.AddDays(12), "brakes"),        // same category (case aside), 12 days later: comeback
            Visit(car2, start.AddDays(31), "Brakes"),        // 31 days later: outside a 30-day window
            Visit(car3, start.AddDays(3), "Tyres and wheels"), // back soon, but for something else
        ];

        var found = Kpi.Comebacks([v1, v2, v3], later, 30);

        Assert.Equal([v1.WorkOrderId], found.Select(f => f.Visit.WorkOrderId));
        Assert.Equal(0.3333m, Math.Round(Kpi.ComebackRate(found.Count, 3)!.Value, 4)); // 1 of 3
        Assert.Equal(2, Kpi.Comebacks([v1, v2, v3], later, 31).Count); // a 31-day window takes car 2 as well
    }

    [Fact]
    public void Open_work_falls_in_age_bands_and_turns_scale_to_a_year()
    {
        Assert.Equal([0, 0, 1, 1, 2, 3, 3, 4], new[] { 0, 2, 3, 7, 8, 15, 30, 31 }.Select(Kpi.AgeBand));
        // 30 days issuing 10,000 at cost on 120,000 of stock: 10,000 × 365 ÷ 30 ÷ 120,000 = 1.0139 turns a year.
        Assert.Equal(1.0139m, Math.Round(Kpi.Turns(10_000m, 120_000m, 30)!.Value, 4));
        Assert.Null(Kpi.Turns(10_000m, 0m, 30));
    }

    [Fact]
    public void A_tables_totals_sum_and_divide_the_totals_and_a_network_row_averages_the_dealers()
    {
        var table = new ReportTable("t", "T",
            [new("Dealer", ValueFormat.Text, TotalKind.Label), ReportColumn.Sum("Sold", ValueFormat.Hours), ReportColumn.Sum("Clocked", ValueFormat.Hours),
                ReportColumn.Ratio("Efficiency", ValueFormat.Percent, 1, 2)],
            [new(["D001", 3m, 4m, 0.75m]), new(["D002", 1m, 4m, 0.25m])], Totals: true);
        // Totals: 4 and 8 hours; efficiency of the totals 4 ÷ 8 = 50 % (not the mean of 75 % and 25 % by accident: same here, so check a skewed case below).
        Assert.Equal(["Total", 4m, 8m, 0.5m], table.TotalCells());
        var skewed = table with { Rows = [new(["D001", 3m, 4m, 0.75m]), new(["D002", 1m, 1m, 1m])] };
        Assert.Equal(0.8m, skewed.TotalCells()[3]); // 4 ÷ 5, where the mean of the rows would say 87.5 %
        var network = skewed with { AverageRow = true };
        Assert.Equal(["Network average", 2m, 2.5m, 0.875m], network.TotalCells());
    }

    [Fact]
    public void The_page_prints_values_as_the_workbooks_formats_do()
    {
        Assert.Equal("1,234.57", ReportText.Of(1234.565m, ValueFormat.Money));
        Assert.Equal("41.7%", ReportText.Of(200m / 60m / 8m, ValueFormat.Percent));
        Assert.Equal("12,345", ReportText.Of(12345, ValueFormat.Count));
        Assert.Equal("2026-11-10", ReportText.Of(Day, ValueFormat.Date));
        Assert.Equal("", ReportText.Of(null, ValueFormat.Money));
    }
}
