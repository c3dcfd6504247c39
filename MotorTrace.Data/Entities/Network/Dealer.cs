using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Network;

/// <summary>A dealership of the network (seed 003 dealers). Every workshop record belongs to one.</summary>
public class Dealer : AuditableEntity, IConcurrencyVersioned
{
    public string DealerCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string Country { get; set; } = "";
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Brand { get; set; }
    public DealerStatus Status { get; set; } = DealerStatus.Active;

    /// <summary>IANA time zone of the workshop; "today" and shop hours are in this zone.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public Guid Version { get; set; }
}

public enum DealerStatus
{
    Active,
    Inactive,
    Suspended,
}
