using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Vehicles;

/// <summary>Seed 000 CarExpense: a running cost of a car, logged by its owner in the portal (or by staff).</summary>
public class CarExpense : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public ExpenseCategory Category { get; set; }
    public string? Description { get; set; }
    public decimal Amount { get; set; }
    public DateOnly Date { get; set; }
    public string? Provider { get; set; }
    public string? ReceiptUrl { get; set; }
    public string? Notes { get; set; }
}

public enum ExpenseCategory
{
    Fuel,
    Maintenance,
    Repair,
    Insurance,
    Registration,
    Parking,
    Tolls,
    Cleaning,
    Accessories,
    Other,
}
