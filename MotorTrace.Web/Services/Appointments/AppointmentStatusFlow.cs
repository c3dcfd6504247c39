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
    public static void Apply(MotorTraceDbContext db, Appointment appointment, AppointmentStatus to, string? note, DateTime now)
    {
        db.AppointmentStatusChanges.Add(new AppointmentStatusChange
        {
            DealerId = appointment.DealerId,
            AppointmentId = appointment.Id,
            FromStatus = appointment.Status,
            ToStatus = to,
            ChangedById = db.CurrentUser.UserId,
            ChangedAt = now,
            Note = note,
        });
        appointment.Status = to;
        appointment.StatusChangedAt = now;
        appointment.StatusChangedById = db.CurrentUser.UserId;
    }

    public static string Label(AppointmentStatus status) => status switch
    {
        AppointmentStatus.InProgress => "In progress",
        AppointmentStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    /// <summary>The Bootstrap colour of a status, shared by badges and calendar entries.</summary>
    public static string Colour(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Pending => "warning",
        AppointmentStatus.Confirmed => "primary",
        AppointmentStatus.InProgress => "info",
        AppointmentStatus.Completed => "success",
        AppointmentStatus.NoShow => "danger",
        _ => "secondary",
    };
}
