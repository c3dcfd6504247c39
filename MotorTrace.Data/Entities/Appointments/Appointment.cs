using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Data.Entities.Appointments;

/// <summary>Seed 000 Appointment: a booked workshop slot for one vehicle; at check-in it becomes a work order.</summary>
public class Appointment : AuditableEntity, IDealerOwned, IConcurrencyVersioned
{
    public Guid DealerId { get; set; }
    public Guid CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public Guid VehicleId { get; set; }
    public Vehicle Vehicle { get; set; } = null!;
    public Guid? AssignedToId { get; set; }
    public ApplicationUser? AssignedTo { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime EndTime { get; set; }
    public AppointmentStatus Status { get; set; } = AppointmentStatus.Pending;
    public AppointmentPriority Priority { get; set; } = AppointmentPriority.Normal;
    public string? Notes { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public Guid? StatusChangedById { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Why a manager booked past the shop's capacity; null for a booking within capacity.</summary>
    public string? CapacityOverrideNote { get; set; }
    public Guid Version { get; set; }

    public List<AppointmentCannedService> Services { get; set; } = [];
}

/// <summary>Seed 000 AppointmentCannedService: a canned service the customer booked, priced at booking time.</summary>
public class AppointmentCannedService : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid AppointmentId { get; set; }
    public Appointment Appointment { get; set; } = null!;
    public Guid CannedServiceId { get; set; }
    public CannedService CannedService { get; set; } = null!;
    public int Quantity { get; set; } = 1;
    public decimal Price { get; set; }
    public string? Notes { get; set; }
}

public enum AppointmentStatus
{
    Pending,
    Confirmed,
    InProgress,
    Completed,
    Cancelled,
    NoShow,
}

public enum AppointmentPriority
{
    Low,
    Normal,
    High,
    Urgent,
}
