using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.WorkOrders;

namespace MotorTrace.Tests.Unit;

/// <summary>
/// The money of a work order, table by table, as the invoice will print it: each line rounded half away from zero to the
/// cent, declined lines left out of what is charged, the discount (percent or amount, never more than the subtotal), then
/// tax on what is left, rounded once.
/// </summary>
[Trait("Category", "Unit")]
public sealed class WorkOrderTotalsTests
{
    private static PricedLine S(int quantity, decimal unitPrice, LineDecision decision = LineDecision.Pending) => new(EstimateLineKind.Service, quantity, unitPrice, decision);
    private static PricedLine P(int quantity, decimal unitPrice, LineDecision decision = LineDecision.Pending) => new(EstimateLineKind.Part, quantity, unitPrice, decision);

    public sealed record Case(string Name, PricedLine[] Lines, DiscountType Type, decimal Value, decimal TaxPercent,
        decimal Services, decimal Parts, decimal Subtotal, decimal Discount, decimal Tax, decimal Total)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Case> Cases => new()
    {
        new("no discount, 18% tax", [S(1, 1000m), P(2, 250m)], DiscountType.None, 0, 18m, 1000m, 500m, 1500m, 0m, 270m, 1770m),
        new("percent discount", [S(1, 1000m), P(1, 500m)], DiscountType.Percentage, 10m, 18m, 1000m, 500m, 1500m, 150m, 243m, 1593m),
        new("fixed discount", [S(1, 1000m), P(1, 500m)], DiscountType.Fixed, 200m, 18m, 1000m, 500m, 1500m, 200m, 234m, 1534m),
        new("fixed discount capped at the subtotal", [S(1, 1000m), P(1, 500m)], DiscountType.Fixed, 5000m, 18m, 1000m, 500m, 1500m, 1500m, 0m, 0m),
        new("percent discount above 100% capped", [S(1, 80m)], DiscountType.Percentage, 150m, 18m, 80m, 0m, 80m, 80m, 0m, 0m),
        new("percent discount rounded half away from zero", [S(1, 10.05m)], DiscountType.Percentage, 10m, 0m, 10.05m, 0m, 10.05m, 1.01m, 0m, 9.04m),
        new("tax rounded half away from zero", [S(1, 10.05m)], DiscountType.None, 0, 18m, 10.05m, 0m, 10.05m, 0m, 1.81m, 11.86m),
        new("tax of exactly half a cent rounds up", [S(1, 0.25m)], DiscountType.None, 0, 10m, 0.25m, 0m, 0.25m, 0m, 0.03m, 0.28m),
        new("each line rounded to the cent before adding", [S(1, 0.125m), S(1, 0.125m), P(3, 0.005m)], DiscountType.None, 0, 0m, 0.26m, 0.02m, 0.28m, 0m, 0m, 0.28m),
        new("half a cent rounds away from zero, not to even", [P(1, 2.665m)], DiscountType.None, 0, 0m, 0m, 2.67m, 2.67m, 0m, 0m, 2.67m),
        new("declined lines are not charged", [S(1, 1000m, LineDecision.Approved), S(1, 500m, LineDecision.Declined), P(1, 250m)], DiscountType.Percentage, 10m, 18m,
            1000m, 250m, 1250m, 125m, 202.50m, 1327.50m),
        new("everything declined", [S(1, 1000m, LineDecision.Declined)], DiscountType.Fixed, 100m, 18m, 0m, 0m, 0m, 0m, 0m, 0m),
        new("no lines", [], DiscountType.None, 0, 18m, 0m, 0m, 0m, 0m, 0m, 0m),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Totals_are_rounded_per_line_then_discounted_then_taxed(Case c)
    {
        var totals = WorkOrderTotals.Compute(c.Lines, c.Type, c.Value, c.TaxPercent);

        Assert.Equal((c.Services, c.Parts, c.Subtotal, c.Discount, c.Tax, c.Total),
            (totals.Services, totals.Parts, totals.Subtotal, totals.Discount, totals.Tax, totals.Total));
    }

    public sealed record InclusiveCase(string Name, PricedLine[] Lines, DiscountType Type, decimal Value, decimal TaxPercent,
        decimal Subtotal, decimal Discount, decimal Tax, decimal Total)
    {
        public override string ToString() => Name;
    }

    /// <summary>Prices that include tax: the total is the discounted subtotal, the tax the part of it the rate makes up.</summary>
    public static TheoryData<InclusiveCase> InclusiveCases => new()
    {
        new("18% inside 1,180.00", [S(1, 1180m)], DiscountType.None, 0, 18m, 1180m, 0m, 180m, 1180m),
        new("tax inside rounded half away from zero", [S(1, 100m)], DiscountType.None, 0, 18m, 100m, 0m, 15.25m, 100m), // 15.2542…
        new("half a cent of inclusive tax rounds away from zero, not to even", [S(1, 0.25m)], DiscountType.None, 0, 100m, 0.25m, 0m, 0.13m, 0.25m), // 0.125
        new("discount first, then the tax inside what is left", [S(1, 1000m), P(2, 90m)], DiscountType.Percentage, 10m, 18m, 1180m, 118m, 162m, 1062m),
        new("fixed discount, 5% inside", [S(1, 2100m)], DiscountType.Fixed, 100m, 5m, 2100m, 100m, 95.24m, 2000m),
        new("zero rate", [S(1, 999.99m)], DiscountType.None, 0, 0m, 999.99m, 0m, 0m, 999.99m),
        new("declined lines stay out", [S(1, 1180m), S(1, 500m, LineDecision.Declined)], DiscountType.None, 0, 18m, 1180m, 0m, 180m, 1180m),
    };

    [Theory]
    [MemberData(nameof(InclusiveCases))]
    public void Inclusive_tax_is_the_part_of_the_discounted_subtotal_the_rate_makes_up(InclusiveCase c)
    {
        var totals = WorkOrderTotals.Compute(c.Lines, c.Type, c.Value, c.TaxPercent, taxInclusive: true);

        Assert.Equal((c.Subtotal, c.Discount, c.Tax, c.Total), (totals.Subtotal, totals.Discount, totals.Tax, totals.Total));
    }

    public static TheoryData<bool, decimal, decimal, decimal> CreditNotes => new()
    {
        // A credit note's negative lines: the invoice's discount rate and tax come back negative, rounded the same way.
        { false, -500m, -90m, -590m },
        { true, -500m, -76.27m, -500m },
    };

    [Theory]
    [MemberData(nameof(CreditNotes))]
    public void Negative_lines_of_a_credit_note_are_discounted_and_taxed_the_other_way(bool inclusive, decimal subtotal, decimal tax, decimal total)
    {
        var totals = WorkOrderTotals.Compute([S(1, -250m), P(2, -125m)], DiscountType.Percentage, 0m, 18m, inclusive);
        var discounted = WorkOrderTotals.Compute([S(1, -1000m)], DiscountType.Percentage, 10m, 18m, inclusive);

        Assert.Equal((subtotal, 0m, tax, total), (totals.Subtotal, totals.Discount, totals.Tax, totals.Total));
        Assert.Equal(-100m, discounted.Discount);
        Assert.Equal(inclusive ? -900m : -1062m, discounted.Total);
    }

    [Fact]
    public void Approved_declined_and_waiting_lines_are_totalled_apart_before_discount_and_tax()
    {
        var totals = WorkOrderTotals.Compute(
            [S(1, 1000m, LineDecision.Approved), P(2, 100.005m, LineDecision.Approved), S(1, 500m, LineDecision.Declined), P(1, 250m)],
            DiscountType.Percentage, 50m, 18m);

        Assert.Equal((1200.01m, 500m, 250m), (totals.Approved, totals.Declined, totals.Pending));
        Assert.Equal(1450.01m, totals.Subtotal);
    }

    [Fact]
    public void The_totals_are_stored_on_the_work_order_for_lists_and_reports()
    {
        var workOrder = new WorkOrder();

        WorkOrderTotals.Compute([S(1, 1000m), P(1, 500m)], DiscountType.Fixed, 100m, 18m).CopyTo(workOrder);

        Assert.Equal((1000m, 500m, 1500m, 100m, 252m, 1652m, 1652m),
            (workOrder.SubtotalServices, workOrder.SubtotalParts, workOrder.Subtotal, workOrder.DiscountAmount, workOrder.TaxAmount, workOrder.TotalAmount, workOrder.EstimatedTotal!.Value));
    }
}
