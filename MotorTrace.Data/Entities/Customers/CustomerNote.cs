using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Customers;

/// <summary>A dated note on a customer by a member of staff ("prefers calls after 5 pm").</summary>
public class CustomerNote : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public string Text { get; set; } = "";
}
