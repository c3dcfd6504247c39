using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Entities.Customers;

/// <summary>
/// Seed 000 Customer: a dealer's customer. Walk-in customers have no login; a portal customer's
/// <see cref="UserId"/> links the one <see cref="ApplicationUser"/> that signs in as them.
/// </summary>
public class Customer : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid? UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public string Name { get; set; } = "";
    public string? CompanyName { get; set; }

    public string? Email
    {
        get;
        set { field = value; EmailNormalized = SearchNormalization.Email(value); }
    }

    public string? Phone
    {
        get;
        set { field = value; PhoneNormalized = SearchNormalization.Phone(value); }
    }

    /// <summary>Kept in step by the <see cref="Email"/> setter so the front-desk search can use an index.</summary>
    public string? EmailNormalized { get; private set; }

    /// <summary>Kept in step by the <see cref="Phone"/> setter so the front-desk search can use an index.</summary>
    public string? PhoneNormalized { get; private set; }

    public string? Address { get; set; }
    public string? City { get; set; }
    public string? PostalCode { get; set; }
    public string? Notes { get; set; }
    public Guid Version { get; set; }

    public List<Vehicle> Vehicles { get; set; } = [];
}
