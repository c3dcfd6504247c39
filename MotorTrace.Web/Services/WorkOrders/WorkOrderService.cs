using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Numbering;
using WorkOrderServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>What the advisor records when the car arrives.</summary>
public sealed class CheckInForm
{
    [Required(ErrorMessage = "Enter the odometer reading.")]
    [Range(0, 2_000_000, ErrorMessage = "Enter the odometer reading in km (0 to 2,000,000).")]
    public int? Odometer { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the complaint under 4000 characters.")]
    public string? Complaint { get; set; }

    /// <summary>The appointment's version when the form was opened.</summary>
    public Guid Version { get; set; }
}

/// <summary>The header of a work order as its page shows it; the lines and money are the estimate's (<see cref="WorkOrderEstimateService"/>).</summary>
public sealed record WorkOrderDetail(
    Guid Id,
    string Number,
    WorkOrderStatus Status,
    JobSource Source,
    JobType JobType,
    JobPriority Priority,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    Guid VehicleId,
    string Vehicle,
    string? Plate,
    string Vin,
    int? Odometer,
    string? Complaint,
    string? Advisor,
    DateTime OpenedAt,
    DateTime? PromisedAt,
    Guid? AppointmentId,
    DateTime? AppointmentStart,
    WarrantyStatus WarrantyStatus,
    string? WarrantyClaimNumber,
    string? WarrantyApprovalCode,
    string? Campaign,
    string? CustomerNotes,
    string? InternalNotes)
{
    /// <summary>Warranty facts are worth a row only when the job has any.</summary>
    public bool HasWarranty => WarrantyStatus != WarrantyStatus.None || WarrantyClaimNumber is not null || WarrantyApprovalCode is not null
        || JobType is JobType.Warranty or JobType.Recall;
}

/// <summary>
/// Work orders of the dealer being worked in. This issue opens them from a checked-in appointment; the
/// estimate, approvals, labor and closing come with the work order issue.
/// </summary>
public sealed class WorkOrderService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    NumberingService numbering,
    TimeProvider clock,
    LiveUpdates live)
{
    /// <summary>The one work order number format: <c>WO-D001-000042</c> (the demo data is numbered the same way).</summary>
    public static string FormatNumber(string dealerCode, long number) => $"WO-{dealerCode}-{number:000000}";

    /// <summary>
    /// Turns a pending or confirmed appointment of today into an open work order: customer, vehicle,
    /// services at their booked prices, odometer and complaint; the one checking in becomes the advisor.
    /// The appointment moves to InProgress and a higher odometer reading updates the vehicle's mileage.
    /// One work order per appointment: a second check-in is refused.
    /// </summary>
    public async Task<ServiceResult<Guid>> CheckInAsync(Guid appointmentId, CheckInForm form)
    {
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var appointment = await db.Appointments.Include(a => a.Services).ThenInclude(s => s.CannedService)
            .FirstOrDefaultAsync(a => a.Id == appointmentId);
        if (appointment is null) return ServiceResult.Fail("", "This appointment no longer exists.");
        var existing = await ExistingNumberAsync(db, appointmentId);
        var day = DateOnly.FromDateTime(dealer.ToLocal(appointment.StartTime));
        if (AppointmentStatusFlow.WhyNoCheckIn(appointment.Status, existing?.Number, day, dealer.Today) is { } why) return ServiceResult.Fail("", why);
        if (form.Odometer is not { } odometer) return ServiceResult.Fail(nameof(CheckInForm.Odometer), "Enter the odometer reading.");

        var mileage = await db.VehicleMileages.FirstOrDefaultAsync(m => m.VehicleId == appointment.VehicleId);
        if (LowerOdometer(mileage, odometer) is { } lower) return ServiceResult.Fail(nameof(CheckInForm.Odometer), lower);

        if (appointment.Version != form.Version) return ServiceResult.Conflict("appointment");
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.UserId;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var number = await NextNumberAsync(numbering, db, dealerId);
        // Set only now: the numbering may save the context, and the appointment must not be part of that save.
        db.Entry(appointment).Property(a => a.Version).OriginalValue = form.Version;
        var lines = appointment.Services.OrderBy(s => s.CannedService.Name).Select(s => new WorkOrderServiceLine
        {
            DealerId = dealerId,
            CannedServiceId = s.CannedServiceId,
            Description = s.CannedService.Name,
            Quantity = s.Quantity,
            UnitPrice = s.Price,
            Subtotal = s.Price * s.Quantity,
        }).ToList();
        var servicesTotal = lines.Sum(l => l.Subtotal);
        var workOrder = new WorkOrder
        {
            DealerId = dealerId,
            WorkOrderNumber = number,
            CustomerId = appointment.CustomerId,
            VehicleId = appointment.VehicleId,
            AppointmentId = appointment.Id,
            AdvisorId = userId,
            Status = WorkOrderStatus.Open,
            Source = JobSource.Appointment,
            Priority = appointment.Priority switch
            {
                AppointmentPriority.Low => JobPriority.Low,
                AppointmentPriority.High => JobPriority.High,
                AppointmentPriority.Urgent => JobPriority.Urgent,
                _ => JobPriority.Normal,
            },
            Complaint = string.IsNullOrWhiteSpace(form.Complaint) ? null : form.Complaint.Trim(),
            OdometerReading = odometer,
            OpenedAt = now,
            EstimatedTotal = servicesTotal,
            SubtotalServices = servicesTotal,
            Subtotal = servicesTotal,
            TotalAmount = servicesTotal,
            Services = lines,
        };
        db.WorkOrders.Add(workOrder);
        AppointmentStatusFlow.Apply(db, appointment, AppointmentStatus.InProgress, $"Checked in: {workOrder.WorkOrderNumber}", now, userId);
        RecordOdometer(db, appointment.DealerId, appointment.VehicleId, mileage, odometer, userId, now, $"Check-in {workOrder.WorkOrderNumber}");

        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        catch (DbUpdateException)
        {
            // Another desk checked the same appointment in (unique AppointmentId, or the appointment's version moved).
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return await ExistingNumberAsync(db, appointmentId) is { } other ? AlreadyCheckedIn(other) : ServiceResult.Conflict("appointment");
        }
        await live.PublishAsync(new LiveUpdate.AppointmentsChanged(dealerId));
        return new ServiceResult<Guid>(workOrder.Id, ServiceResult.Ok);
    }

    /// <summary>
    /// Why an odometer reading cannot feed the vehicle's mileage (lower than the last recorded one), or null. The same
    /// rule for check-in and a work order opened or edited at the desk.
    /// </summary>
    internal static string? LowerOdometer(VehicleMileage? mileage, int odometer) =>
        mileage is not null && odometer < mileage.CurrentMileage
            ? $"The last recorded reading of this vehicle is {mileage.CurrentMileage:N0} km, higher than {odometer:N0} km. Check the odometer again; a lower reading is a correction for a manager on the vehicle page."
            : null;

    /// <summary>
    /// Feeds a work order's odometer reading to the vehicle's mileage (a first reading, or a higher one) and logs it as
    /// a mileage entry with <paramref name="note"/>; an equal reading changes nothing. Check <see cref="LowerOdometer"/> first.
    /// </summary>
    internal static void RecordOdometer(MotorTraceDbContext db, Guid dealerId, Guid vehicleId, VehicleMileage? mileage, int odometer, Guid? userId,
        DateTime now, string note)
    {
        var previous = mileage?.CurrentMileage;
        if (mileage is null)
        {
            db.VehicleMileages.Add(new VehicleMileage
            {
                DealerId = dealerId, VehicleId = vehicleId, CurrentMileage = odometer, LastUpdated = now,
            });
        }
        else if (odometer > mileage.CurrentMileage)
        {
            mileage.TotalDistance += odometer - mileage.CurrentMileage;
            mileage.CurrentMileage = odometer;
            mileage.LastUpdated = now;
        }
        else return;
        if (userId is { } recordedBy)
            db.MileageEntries.Add(new MileageEntry
            {
                DealerId = dealerId,
                VehicleId = vehicleId,
                RecordedById = recordedBy,
                Mileage = odometer,
                Distance = odometer - previous,
                Notes = note,
                RecordedAt = now,
            });
    }

    /// <summary>
    /// Takes the dealer's next work order number (<c>WO-D001-000123</c>) on the caller's context and transaction; call it
    /// before adding the new work order (see <see cref="NumberingService.NextAsync"/>).
    /// </summary>
    internal static async Task<string> NextNumberAsync(NumberingService numbering, MotorTraceDbContext db, Guid dealerId)
    {
        var dealerCode = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.DealerCode).SingleAsync();
        return FormatNumber(dealerCode, await numbering.NextAsync(db, dealerId, NumberingService.WorkOrders, () => FirstNumberAsync(db, dealerId, dealerCode)));
    }

    /// <summary>
    /// The first number of a dealer's series continues after work orders already on file: numbered in this
    /// format, or in the plain <c>WO-000123</c> form of imported (and demo) data, so numbers never restart.
    /// </summary>
    private static async Task<long> FirstNumberAsync(MotorTraceDbContext db, Guid dealerId, string dealerCode)
    {
        long last = 0;
        foreach (var prefix in new[] { FormatNumber(dealerCode, 0)[..^6], "WO-" })
        {
            var length = prefix.Length + 6;
            var highest = await db.WorkOrders.Where(w => w.DealerId == dealerId && w.WorkOrderNumber.StartsWith(prefix) && w.WorkOrderNumber.Length == length)
                .OrderByDescending(w => w.WorkOrderNumber).Select(w => w.WorkOrderNumber).FirstOrDefaultAsync();
            if (highest is not null && long.TryParse(highest[prefix.Length..], out var n)) last = Math.Max(last, n);
        }
        return last + 1;
    }

    private static async Task<(Guid Id, string Number)?> ExistingNumberAsync(MotorTraceDbContext db, Guid appointmentId) =>
        await db.WorkOrders.AsNoTracking().Where(w => w.AppointmentId == appointmentId)
            .Select(w => new { w.Id, w.WorkOrderNumber }).FirstOrDefaultAsync() is { } w ? (w.Id, w.WorkOrderNumber) : null;

    private static ServiceResult AlreadyCheckedIn((Guid Id, string Number) existing) =>
        ServiceResult.Fail("", $"This appointment is already checked in as work order {existing.Number}.");

    public async Task<WorkOrderDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.WorkOrders.AsNoTracking().Where(w => w.Id == id)
            .Select(w => new
            {
                w.Id, w.WorkOrderNumber, w.Status, w.Source, w.JobType, w.Priority, w.CustomerId, CustomerName = w.Customer.Name, CustomerPhone = w.Customer.Phone,
                w.VehicleId, w.Vehicle.Year, w.Vehicle.Make, w.Vehicle.Model, w.Vehicle.LicensePlate, w.Vehicle.Vin, w.OdometerReading,
                w.Complaint, Advisor = w.Advisor == null ? null : w.Advisor.FullName, w.OpenedAt, w.PromisedAt, w.AppointmentId,
                AppointmentStart = w.Appointment == null ? (DateTime?)null : w.Appointment.StartTime,
                w.WarrantyStatus, w.WarrantyClaimNumber, w.ThirdPartyApprovalCode, w.CampaignId, w.CustomerNotes, w.InternalNotes,
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        return new WorkOrderDetail(row.Id, row.WorkOrderNumber, row.Status, row.Source, row.JobType, row.Priority, row.CustomerId, row.CustomerName,
            row.CustomerPhone, row.VehicleId, $"{row.Year} {row.Make} {row.Model}", row.LicensePlate, row.Vin, row.OdometerReading, row.Complaint,
            row.Advisor, row.OpenedAt, row.PromisedAt, row.AppointmentId, row.AppointmentStart, row.WarrantyStatus, row.WarrantyClaimNumber,
            row.ThirdPartyApprovalCode, row.CampaignId, row.CustomerNotes, row.InternalNotes);
    }
}
