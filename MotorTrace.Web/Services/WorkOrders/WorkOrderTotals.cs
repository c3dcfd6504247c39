using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>One priced line as the totals see it: its amount and where the customer stands on it.</summary>
public sealed record PricedLine(EstimateLineKind Kind, int Quantity, decimal UnitPrice, LineDecision Decision, LinePayer Payer = LinePayer.Customer)
{
    /// <summary>Quantity × unit price, rounded to the cent the way the invoice prints it.</summary>
    public decimal Amount => WorkOrderTotals.Round(Quantity * UnitPrice);
}

/// <summary>Where the customer stands on a line now (the evidence behind it is in <see cref="WorkOrderLineApproval"/>).</summary>
public enum LineDecision
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// The money of a work order and of its invoices, computed in one place, in <c>decimal</c>, rounded half away from zero
/// to the cent per line, then discount, then tax, exactly as the invoice, its PDF and the Excel exports show it. Declined lines count in
/// <see cref="Declined"/> only; the work order's subtotal, discount, tax and total are over the lines not declined.
/// </summary>
public sealed record WorkOrderTotals(
    decimal Services, decimal Parts, decimal Subtotal, decimal Discount, decimal Tax, decimal Total,
    decimal Approved, decimal Declined, decimal Pending)
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// <paramref name="discountValue"/> is a percent for <see cref="DiscountType.Percentage"/> and an amount for
    /// <see cref="DiscountType.Fixed"/>; a discount never exceeds the subtotal (for negative lines, a credit note's, it
    /// never exceeds it the other way). Exclusive tax (<paramref name="taxInclusive"/> false) is added on the discounted
    /// subtotal; inclusive tax is the part of the discounted subtotal the tax makes up (net × rate / (100 + rate)), rounded
    /// once, and the total is the discounted subtotal itself.
    /// </summary>
    public static WorkOrderTotals Compute(IEnumerable<PricedLine> lines, DiscountType discountType, decimal discountValue, decimal taxRatePercent,
        bool taxInclusive = false)
    {
        var all = lines.ToList();
        var counted = all.Where(l => l.Decision != LineDecision.Declined).ToList();
        var services = counted.Where(l => l.Kind == EstimateLineKind.Service).Sum(l => l.Amount);
        var parts = counted.Where(l => l.Kind == EstimateLineKind.Part).Sum(l => l.Amount);
        var subtotal = services + parts;
        var discount = subtotal >= 0
            ? Math.Min(subtotal, DiscountOf(subtotal, discountType, discountValue))
            : Math.Max(subtotal, DiscountOf(subtotal, discountType, discountValue));
        var net = subtotal - discount;
        var tax = taxInclusive ? Round(net * taxRatePercent / (100m + taxRatePercent)) : Round(net * taxRatePercent / 100m);
        return new WorkOrderTotals(services, parts, subtotal, discount, tax, taxInclusive ? net : net + tax,
            Approved: all.Where(l => l.Decision == LineDecision.Approved).Sum(l => l.Amount),
            Declined: all.Where(l => l.Decision == LineDecision.Declined).Sum(l => l.Amount),
            Pending: all.Where(l => l.Decision == LineDecision.Pending).Sum(l => l.Amount));
    }

    public static decimal DiscountOf(decimal subtotal, DiscountType type, decimal value) => type switch
    {
        DiscountType.Percentage => Round(subtotal * value / 100m),
        DiscountType.Fixed => Round(value),
        _ => 0m,
    };

    /// <summary>The discount as a percent of the subtotal, for the Manager-approval limit.</summary>
    public decimal DiscountPercent => Subtotal == 0 ? 0 : Discount * 100m / Subtotal;

    /// <summary>Stores these totals on the work order row, for lists and reports that do not sum lines.</summary>
    public void CopyTo(WorkOrder workOrder)
    {
        workOrder.SubtotalServices = Services;
        workOrder.SubtotalParts = Parts;
        workOrder.Subtotal = Subtotal;
        workOrder.DiscountAmount = Discount;
        workOrder.TaxAmount = Tax;
        workOrder.TotalAmount = Total;
        workOrder.EstimatedTotal = Total;
    }

    public static LineDecision DecisionOf(bool approved, bool rejected) =>
        approved ? LineDecision.Approved : rejected ? LineDecision.Declined : LineDecision.Pending;
}
