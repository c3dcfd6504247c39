using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Numbering;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>The header of a work order as the desk opens or edits it (everything but the lines and the status).</summary>
public sealed class WorkOrderHeaderForm
{
    [Required(ErrorMessage = "Choose the customer.")]
    public Guid? CustomerId { get; set; }

    [Required(ErrorMessage = "Choose the customer's vehicle.")]
    public Guid? VehicleId { get; set; }

    [Required(ErrorMessage = "Enter the odometer reading.")]
    [Range(0, 2_000_000, ErrorMessage = "Enter the odometer reading in km (0 to 2,000,000).")]
    public int? Odometer { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the complaint under 4000 characters.")]
    public string? Complaint { get; set; }

    public JobType JobType { get; set; } = JobType.Service;
    public JobPriority Priority { get; set; } = JobPriority.Normal;
    public JobSource Source { get; set; } = JobSource.WalkIn;

    /// <summary>The promised day and time in the dealer's zone; both or neither.</summary>
    public DateTime? PromisedDate { get; set; }
    public TimeSpan? PromisedTime { get; set; }

    public WarrantyStatus WarrantyStatus { get; set; } = WarrantyStatus.None;

    [StringLength(100, ErrorMessage = "Keep the claim number under 100 characters.")]
    public string? WarrantyClaimNumber { get; set; }

    [StringLength(100, ErrorMessage = "Keep the approval code under 100 characters.")]
    public string? ThirdPartyApprovalCode { get; set; }

    [StringLength(100, ErrorMessage = "Keep the campaign reference under 100 characters.")]
    public string? CampaignId { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the internal notes under 4000 characters.")]
    public string? InternalNotes { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the customer notes under 4000 characters.")]
    public string? CustomerNotes { get; set; }

    public Guid? AdvisorId { get; set; }

    /// <summary>Edit: the work order's version when the form was opened.</summary>
    public Guid Version { get; set; }

    /// <summary>Create: one id per form, so a repeated tap on Create (or a resend after a reconnect) creates one work order.</summary>
    public Guid RequestId { get; set; } = Guid.NewGuid();

    public WorkOrderHeaderForm Copy() => (WorkOrderHeaderForm)MemberwiseClone();
}

/// <summary>A vehicle of the chosen customer, as the picker lists it.</summary>
public sealed record HeaderVehicle(Guid Id, string Label, string? Plate, string Vin, int? Mileage)
{
    public override string ToString() => Label;
}

/// <summary>The edit page: the work order's number and status beside its form.</summary>
public sealed record WorkOrderHeaderEdit(Guid Id, string Number, WorkOrderStatus Status, WorkOrderHeaderForm Form)
{
    public bool IsEditable => WorkOrderFlow.IsEditable(Status);
}

/// <summary>
/// Opens a work order at the desk (walk-in, phone, roadside, online…) and edits its header until it is invoiced: number
/// per dealer as check-in gives it, the odometer feeding the vehicle's mileage by check-in's rules, optimistic
/// concurrency on <see cref="WorkOrder.Version"/>.
/// </summary>
public sealed class WorkOrderHeaderService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    NumberingService numbering,
    TimeProvider clock,
    LiveUpdates live)
{
    /// <summary>The roles of <see cref="Authorization.Policies.WorkOrdersWrite"/>, checked again here: a hidden button is not a permission.</summary>
    private bool MayWrite => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.ServiceAdvisor);

    private static readonly ServiceResult NotAllowed = ServiceResult.Fail("", "Only service advisors and managers open and edit work orders.");

    /// <summary>A new form: the signed-in user as advisor, optionally for a customer's vehicle.</summary>
    public async Task<WorkOrderHeaderForm> NewFormAsync(Guid? vehicleId = null, CancellationToken ct = default)
    {
        var form = new WorkOrderHeaderForm { AdvisorId = user.UserId };
        if (vehicleId is null) return form;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var vehicle = await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId)
            .Select(v => new { v.Id, v.CustomerId, Mileage = v.Mileage == null ? (int?)null : v.Mileage.CurrentMileage }).FirstOrDefaultAsync(ct);
        if (vehicle is not null) (form.CustomerId, form.VehicleId) = (vehicle.CustomerId, vehicle.Id);
        return form;
    }

    /// <summary>The work order's header as a form, or null when there is none with this id at the dealer.</summary>
    public async Task<WorkOrderHeaderEdit?> EditAsync(Guid id, CancellationToken ct = default)
    {
        await dealer.LoadAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var w = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (w is null) return null;
        var promised = w.PromisedAt is { } at ? dealer.ToLocal(at) : (DateTime?)null;
        return new WorkOrderHeaderEdit(w.Id, w.WorkOrderNumber, w.Status, new WorkOrderHeaderForm
        {
            CustomerId = w.CustomerId, VehicleId = w.VehicleId, Odometer = w.OdometerReading, Complaint = w.Complaint,
            JobType = w.JobType, Priority = w.Priority, Source = w.Source,
            PromisedDate = promised?.Date, PromisedTime = promised?.TimeOfDay,
            WarrantyStatus = w.WarrantyStatus, WarrantyClaimNumber = w.WarrantyClaimNumber, ThirdPartyApprovalCode = w.ThirdPartyApprovalCode,
            CampaignId = w.CampaignId, InternalNotes = w.InternalNotes, CustomerNotes = w.CustomerNotes, AdvisorId = w.AdvisorId, Version = w.Version,
        });
    }

    /// <summary>The customer's vehicles, for the vehicle picker.</summary>
    public async Task<IReadOnlyList<HeaderVehicle>> VehiclesAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cars = await db.Vehicles.AsNoTracking().Where(v => v.CustomerId == customerId)
            .OrderBy(v => v.LicensePlate).ThenBy(v => v.Vin)
            .Select(v => new { v.Id, v.Year, v.Make, v.Model, v.LicensePlate, v.Vin, Mileage = v.Mileage == null ? (int?)null : v.Mileage.CurrentMileage })
            .ToListAsync(ct);
        return cars.Select(v => new HeaderVehicle(v.Id, $"{v.LicensePlate ?? v.Vin} · {v.Year} {v.Make} {v.Model}", v.LicensePlate, v.Vin, v.Mileage)).ToList();
    }

    /// <summary>Who may be the advisor: the dealer's active advisors and managers.</summary>
    public async Task<IReadOnlyList<PersonOption>> AdvisorsAsync(CancellationToken ct = default)
    {
        if (user.DealerScope is not { } dealerId) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (
            from person in db.Users
            join userRole in db.UserRoles on person.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where person.DealerId == dealerId && person.IsActive && (role.Name == Roles.ServiceAdvisor || role.Name == Roles.Manager)
            orderby person.FullName
            select new { person.Id, person.FullName }).AsNoTracking().ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new PersonOption(r.Id, r.FullName)).ToList();
    }

    /// <summary>
    /// Opens a work order (pending, numbered in the dealer's series) for a customer's vehicle. A repeat of the same
    /// form's request returns the work order the first one created.
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateAsync(WorkOrderHeaderForm form)
    {
        if (!MayWrite) return NotAllowed;
        if (user.DealerScope is not { } dealerId || user.UserId is not { } userId) return ServiceResult.NoDealerChosen;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        WorkOrder? created = null;
        var result = await ProcessedRequests.OnceAsync(db, form.RequestId, "CreateWorkOrder", dealerId, userId, now, async () =>
        {
            var checks = await CheckAsync(db, dealerId, form, vehicleBefore: null, odometerBefore: null);
            if (checks.Failure is { } failure) return failure;

            var number = await WorkOrderService.NextNumberAsync(numbering, db, dealerId);
            created = new WorkOrder
            {
                DealerId = dealerId, WorkOrderNumber = number, Status = WorkOrderStatus.Open, WorkflowStep = WorkOrderFlow.StepOf(WorkOrderStatus.Open),
                OpenedAt = now,
            };
            Apply(form, created, checks.Promised);
            db.WorkOrders.Add(created);
            db.WorkOrderStatusChanges.Add(new WorkOrderStatusChange
            {
                DealerId = dealerId, WorkOrderId = created.Id, FromStatus = null, ToStatus = WorkOrderStatus.Open, ChangedById = userId, ChangedAt = now,
                Note = $"Opened at the desk ({Components.Shared.StatusStyles.Label(form.Source).ToLowerInvariant()})",
            });
            WorkOrderService.RecordOdometer(db, dealerId, created.VehicleId, checks.Mileage, form.Odometer!.Value, userId, now, $"Work order {number}");
            return new ServiceResult<Guid>(created.Id, ServiceResult.Ok);
        });
        if (result.Succeeded && created is not null) await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(dealerId, result.Value));
        return result;
    }

    /// <summary>
    /// Saves the header of a work order that is not invoiced yet. A save based on an older version is refused with who
    /// changed it and when; the page keeps what was typed.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, WorkOrderHeaderForm form)
    {
        if (!MayWrite) return NotAllowed;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var workOrder = await db.WorkOrders.FirstOrDefaultAsync(w => w.Id == id);
        if (workOrder is null) return ServiceResult.Fail("", "This work order no longer exists.");
        if (!WorkOrderFlow.IsEditable(workOrder.Status))
            return ServiceResult.Fail("", $"A work order that is {WorkOrderFlow.Label(workOrder.Status).ToLowerInvariant()} can no longer be changed.");
        if (workOrder.Version != form.Version) return await ChangedByAsync(db, dealer, workOrder);

        var checks = await CheckAsync(db, workOrder.DealerId, form, workOrder.VehicleId, workOrder.OdometerReading);
        if (checks.Failure is { } failure) return failure;

        var now = clock.GetUtcNow().UtcDateTime;
        var odometerChanged = form.VehicleId != workOrder.VehicleId || form.Odometer != workOrder.OdometerReading;
        Apply(form, workOrder, checks.Promised);
        if (odometerChanged)
            WorkOrderService.RecordOdometer(db, workOrder.DealerId, workOrder.VehicleId, checks.Mileage, form.Odometer!.Value, user.UserId, now,
                $"Work order {workOrder.WorkOrderNumber}");
        db.Entry(workOrder).Property(w => w.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.WorkOrders.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id);
            return current is null ? ServiceResult.Fail("", "This work order no longer exists.") : await ChangedByAsync(db, dealer, current);
        }
        await live.PublishAsync(new LiveUpdate.WorkOrdersChanged(workOrder.DealerId, workOrder.Id));
        return ServiceResult.Ok;
    }

    /// <summary>"Changed by X at HH:MM": who saved the work order last, in the dealer's time.</summary>
    internal static async Task<ServiceResult> ChangedByAsync(MotorTraceDbContext db, DealerContext dealer, WorkOrder current)
    {
        var by = current.UpdatedById is { } byId ? await db.Users.Where(u => u.Id == byId).Select(u => u.FullName).FirstOrDefaultAsync() : null;
        return ServiceResult.ChangedBy("work order", by, dealer.ToLocal(current.UpdatedAt));
    }

    private sealed record Checks(ServiceResult? Failure, Data.Entities.Vehicles.VehicleMileage? Mileage, DateTime? Promised);

    /// <summary>The form's rules that need the database: the customer's own vehicle, the odometer, the advisor, the promised time.</summary>
    private async Task<Checks> CheckAsync(MotorTraceDbContext db, Guid dealerId, WorkOrderHeaderForm form, Guid? vehicleBefore, int? odometerBefore)
    {
        var errors = new List<(string, string)>();
        if (form.CustomerId is not { } customerId || !await db.Customers.AnyAsync(c => c.Id == customerId && c.DealerId == dealerId))
            errors.Add((nameof(form.CustomerId), "Choose the customer."));
        else if (form.VehicleId is not { } vehicleId || !await db.Vehicles.AnyAsync(v => v.Id == vehicleId && v.CustomerId == customerId))
            errors.Add((nameof(form.VehicleId), "Choose one of this customer's vehicles."));
        if (form.Odometer is not { } odometer) errors.Add((nameof(form.Odometer), "Enter the odometer reading."));
        else if (odometer is < 0 or > 2_000_000) errors.Add((nameof(form.Odometer), "Enter the odometer reading in km (0 to 2,000,000)."));
        if (form.AdvisorId is { } advisorId && !await db.Users.AnyAsync(u => u.Id == advisorId && u.DealerId == dealerId && u.IsActive))
            errors.Add((nameof(form.AdvisorId), "Choose an advisor of this dealer."));

        DateTime? promised = null;
        if (form.PromisedDate is { } date)
        {
            if (form.PromisedTime is not { } time) errors.Add((nameof(form.PromisedTime), "Enter the time promised too."));
            else promised = dealer.ToUtc(date.Date + time);
        }
        else if (form.PromisedTime is not null) errors.Add((nameof(form.PromisedDate), "Enter the day promised too."));

        Data.Entities.Vehicles.VehicleMileage? mileage = null;
        if (errors.Count == 0)
        {
            mileage = await db.VehicleMileages.FirstOrDefaultAsync(m => m.VehicleId == form.VehicleId);
            // Only a new reading (or another vehicle) is held against the vehicle's mileage: a later visit may have raised it since.
            if ((form.VehicleId != vehicleBefore || form.Odometer != odometerBefore) && WorkOrderService.LowerOdometer(mileage, form.Odometer!.Value) is { } lower)
                errors.Add((nameof(form.Odometer), lower));
        }
        return new Checks(errors.Count == 0 ? null : ServiceResult.Fail(errors), mileage, promised);
    }

    private static void Apply(WorkOrderHeaderForm form, WorkOrder workOrder, DateTime? promised)
    {
        workOrder.CustomerId = form.CustomerId!.Value;
        workOrder.VehicleId = form.VehicleId!.Value;
        workOrder.OdometerReading = form.Odometer;
        workOrder.Complaint = Blank(form.Complaint);
        workOrder.JobType = form.JobType;
        workOrder.Priority = form.Priority;
        workOrder.Source = form.Source;
        workOrder.PromisedAt = promised;
        workOrder.WarrantyStatus = form.WarrantyStatus;
        workOrder.WarrantyClaimNumber = Blank(form.WarrantyClaimNumber);
        workOrder.ThirdPartyApprovalCode = Blank(form.ThirdPartyApprovalCode);
        workOrder.CampaignId = Blank(form.CampaignId);
        workOrder.InternalNotes = Blank(form.InternalNotes);
        workOrder.CustomerNotes = Blank(form.CustomerNotes);
        workOrder.AdvisorId = form.AdvisorId;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
