using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Appointments;

/// <summary>One step of an appointment's life cycle, with who made it and when.</summary>
public class AppointmentStatusChange : Entity, IDealerOwned
{
    public Guid DealerId { get; set; }
    public Guid AppointmentId { get; set; }
    public Appointment Appointment { get; set; } = null!;
    public AppointmentStatus? FromStatus { get; set; }
    public AppointmentStatus ToStatus { get; set; }
    public Guid? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
    public string? Note { get; set; }
}
