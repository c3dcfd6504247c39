using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;

namespace MotorTrace.Web.Services.Appointments;

/// <summary>
/// The appointment life cycle: Pending → Confirmed → InProgress → Completed, or Cancelled / NoShow.
/// InProgress is reached only by checking in (which opens the work order), never by a bare status change.
/// </summary>
public static class AppointmentStatusFlow
{
    /// <summary>The changes a person may make from each status on the appointment page.</summary>
    public static IReadOnlyList<AppointmentStatus> Next(AppointmentStatus from) => from switch
    {
        AppointmentStatus.Pending => [AppointmentStatus.Confirmed, AppointmentStatus.Cancelled, AppointmentStatus.NoShow],
        AppointmentStatus.Confirmed => [AppointmentStatus.Cancelled, AppointmentStatus.NoShow],
        AppointmentStatus.InProgress => [AppointmentStatus.Completed],
        _ => [],
    };

    public static bool CanCheckIn(AppointmentStatus status) => status is AppointmentStatus.Pending or AppointmentStatus.Confirmed;

    /// <summary>Time, services and assignee can change until the car is checked in.</summary>
    public static bool CanEdit(AppointmentStatus status) => status is AppointmentStatus.Pending or AppointmentStatus.Confirmed;

    /// <summary>Cancelled and no-show bookings free their slot: they do not count against capacity.</summary>
    public static bool HoldsSlot(AppointmentStatus status) => status is not (AppointmentStatus.Cancelled or AppointmentStatus.NoShow);

    /// <summary>Moves the appointment to <paramref name="to"/> and records the step in its history.</summary>
    public static void Apply(MotorTraceDbContext db, Appointment appointment, AppointmentStatus to, string? note, DateTime now, Guid? changedBy)
    {
        db.AppointmentStatusChanges.Add(new AppointmentStatusChange
        {
            DealerId = appointment.DealerId,
            AppointmentId = appointment.Id,
            FromStatus = appointment.Status,
            ToStatus = to,
            ChangedById = changedBy,
            ChangedAt = now,
            Note = note,
        });
        appointment.Status = to;
        appointment.StatusChangedAt = now;
        appointment.StatusChangedById = changedBy;
    }

    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.InProgress => "In progress",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>
    /// Why the car cannot be checked in now, in the front desk's words, or null when it can: one work order per
    /// appointment, only a pending or confirmed booking, and only on the day it is booked for.
    /// </summary>
    public static string? WhyNoCheckIn(AppointmentStatus status, string? workOrderNumber, DateOnly day, DateOnly today) =>
        workOrderNumber is not null ? $"This appointment is already checked in as work order {workOrderNumber}."
        : !CanCheckIn(status) ? $"Only a pending or confirmed appointment can be checked in; this one is {Label(status).ToLowerInvariant()}."
        : day > today ? $"Check-in opens on the day of the appointment ({day.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture)})."
        : day < today ? $"This appointment was for {day.ToString("dddd d MMMM", System.Globalization.CultureInfo.InvariantCulture)}. If the car came on another day, change the booking's date first, or record a no-show."
        : null;
}
