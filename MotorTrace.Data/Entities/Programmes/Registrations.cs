using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.Programmes;

/// <summary>Seed 003 api_registrations: a dealer employee registered for a manufacturer (API) event.</summary>
public class ApiRegistration : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid RegisteredById { get; set; }
    public ApplicationUser RegisteredBy { get; set; } = null!;
    public string RegistrationNumber { get; set; } = "";
    public string EmployeeName { get; set; } = "";
    public string? EmployeeEmail { get; set; }
    public string? EmployeePhone { get; set; }
    public string? EmployeeDesignation { get; set; }
    public string EventName { get; set; } = "";
    public DateOnly? EventDate { get; set; }
    public string? EventLocation { get; set; }

    /// <summary>JSON, shape defined by the event.</summary>
    public string? CriteriaData { get; set; }
    public RegistrationStatus Status { get; set; } = RegistrationStatus.Registered;
}

/// <summary>Seed 003 mt_meet_registrations: a dealer technician registered for a Master Technician meet.</summary>
public class MtMeetRegistration : AuditableEntity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid RegisteredById { get; set; }
    public ApplicationUser RegisteredBy { get; set; } = null!;
    public string RegistrationNumber { get; set; } = "";
    public string TechnicianName { get; set; } = "";
    public string? TechnicianEmail { get; set; }
    public string? TechnicianPhone { get; set; }
    public string? TechnicianEmployeeId { get; set; }
    public string MeetName { get; set; } = "";
    public DateOnly? MeetDate { get; set; }
    public string? MeetLocation { get; set; }

    /// <summary>JSON, shape defined by the meet.</summary>
    public string? CriteriaData { get; set; }
    public RegistrationStatus Status { get; set; } = RegistrationStatus.Registered;
}

public enum RegistrationStatus
{
    Registered,
    Confirmed,
    Attended,
    Cancelled,
    NoShow,
}
