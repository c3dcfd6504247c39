using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Settings;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Web.Services.Appointments;

/// <summary>A canned service on the booking form. <paramref name="Bookable"/> is false for one that was booked before it was withdrawn.</summary>
public sealed record BookableService(Guid Id, string Code, string Name, int Duration, decimal Price, bool Bookable);

/// <summary>An advisor or technician of the dealer, for "assigned to".</summary>
public sealed record StaffOption(Guid Id, string Name, string Role);

/// <summary>What the booking form offers, read once per request.</summary>
public sealed record BookingOptions(IReadOnlyList<BookableService> Services, IReadOnlyList<StaffOption> Staff, ShopRules Rules, string Currency);

/// <summary>The car being booked and its owner, as the booking page shows them.</summary>
public sealed record VehicleChoice(Guid VehicleId, Guid CustomerId, string CustomerName, string? CustomerPhone, int Year, string Make, string Model, string? Plate, string Vin)
{
    public string Description => $"{Year} {Make} {Model}";
}

public sealed record CustomerVehicles(Guid CustomerId, string Name, string? Phone, string? Email, IReadOnlyList<VehicleChoice> Vehicles);

public sealed record NewVisitResult(Guid? VehicleId, ServiceResult Result, IReadOnlyList<DuplicateCandidate> Duplicates);

public sealed record AppointmentServiceRow(string Code, string Name, int Quantity, decimal Price)
{
    public decimal Subtotal => Price * Quantity;
}

public sealed record StatusChangeRow(AppointmentStatus? From, AppointmentStatus To, string? ChangedBy, DateTime ChangedAt, string? Note);

public sealed record AppointmentDetail(
    Guid Id,
    AppointmentStatus Status,
    AppointmentPriority Priority,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime RequestedAtUtc,
    Guid CustomerId,
    string CustomerName,
    string? CustomerPhone,
    Guid VehicleId,
    string Vehicle,
    string? Plate,
    string Vin,
    int? CurrentMileage,
    string? AssignedTo,
    string? Notes,
    string? CancellationReason,
    string? CapacityOverrideNote,
    Guid Version,
    IReadOnlyList<AppointmentServiceRow> Services,
    IReadOnlyList<StatusChangeRow> History,
    Guid? WorkOrderId,
    string? WorkOrderNumber,
    string Currency)
{
    public decimal Total => Services.Sum(s => s.Subtotal);
}

/// <summary>
/// Booking, changing and moving appointments through their life cycle at the dealer being worked in.
/// Every booking and every change of time goes through <see cref="BookingRules"/>; a manager may book
/// past them with a note.
/// </summary>
public sealed class AppointmentService(
    MotorTraceDbContext db,
    DisplayTimeZone zone,
    BookingRules rules,
    DealerSettingsService settings,
    CustomerService customers,
    VehicleService vehicles,
    TimeProvider clock)
{
    public const int MaxQuantity = 99;

    /// <summary>
    /// Booking and changing need one dealer's calendar, hours and time zone; a manufacturer user in "All dealers"
    /// must pick the dealer first.
    /// </summary>
    public bool DealerChosen => db.DealerScope is not null;
    public const decimal MaxPrice = 10_000_000m;

    /// <summary>The services, staff and rules of the booking form; <paramref name="alsoInclude"/> keeps withdrawn services an appointment already has.</summary>
    public async Task<BookingOptions?> OptionsAsync(IReadOnlyCollection<Guid>? alsoInclude = null)
    {
        if (db.DealerScope is not { } dealerId) return null;
        var keep = alsoInclude ?? [];
        var services = await db.CannedServices.AsNoTracking()
            .Where(s => (s.IsAvailable && !s.IsArchived) || keep.Contains(s.Id))
            .OrderBy(s => s.Name).ThenBy(s => s.Code)
            .Select(s => new BookableService(s.Id, s.Code, s.Name, s.Duration, s.Price, s.IsAvailable && !s.IsArchived))
            .ToListAsync();
        return new BookingOptions(services, await StaffAsync(dealerId), await settings.GetRulesAsync(dealerId), await settings.CurrencyAsync(dealerId));
    }

    /// <summary>The dealer's active advisors and technicians, by name.</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffAsync(Guid dealerId)
    {
        var rows = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.DealerId == dealerId && user.IsActive && (role.Name == Roles.ServiceAdvisor || role.Name == Roles.Technician)
            orderby user.FullName
            select new { user.Id, user.FullName, role.Name }).AsNoTracking().ToListAsync();
        return rows.DistinctBy(r => r.Id).Select(r => new StaffOption(r.Id, r.FullName, Roles.DisplayName(r.Name!))).ToList();
    }

    public async Task<VehicleChoice?> VehicleAsync(Guid vehicleId) =>
        await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId)
            .Select(v => new VehicleChoice(v.Id, v.CustomerId, v.Customer.Name, v.Customer.Phone, v.Year, v.Make, v.Model, v.LicensePlate, v.Vin))
            .FirstOrDefaultAsync();

    public async Task<CustomerVehicles?> CustomerAsync(Guid customerId)
    {
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Name, c.Phone, c.Email }).FirstOrDefaultAsync();
        if (customer is null) return null;
        var cars = await VehiclesOfAsync([customerId]);
        return new CustomerVehicles(customer.Id, customer.Name, customer.Phone, customer.Email, cars);
    }

    /// <summary>The vehicles of several customers at once (one query), for the booking page's search results.</summary>
    public async Task<IReadOnlyList<VehicleChoice>> VehiclesOfAsync(IReadOnlyCollection<Guid> customerIds) =>
        await db.Vehicles.AsNoTracking().Where(v => customerIds.Contains(v.CustomerId))
            .OrderBy(v => v.LicensePlate).ThenBy(v => v.Vin)
            .Select(v => new VehicleChoice(v.Id, v.CustomerId, v.Customer.Name, v.Customer.Phone, v.Year, v.Make, v.Model, v.LicensePlate, v.Vin))
            .ToListAsync();

    /// <summary>
    /// The booking page's customer search: the shared front-desk search (<see cref="CustomerService.SearchAsync"/>)
    /// plus the matching customers' vehicles, so a result is one click from booking. Two queries whatever the hits.
    /// </summary>
    public async Task<(IReadOnlyList<CustomerMatch> Matches, IReadOnlyList<VehicleChoice> Vehicles)> SearchCustomersAsync(string? text)
    {
        if (db.DealerScope is null || string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return ([], []);
        var matches = await customers.SearchAsync(text.Trim()[..Math.Min(text.Trim().Length, 100)]);
        return (matches, matches.Count == 0 ? [] : await VehiclesOfAsync(matches.Select(m => m.Id).ToList()));
    }

    /// <summary>A new booking form: every bookable service unticked at its catalogue price.</summary>
    public static AppointmentForm NewForm(BookingOptions options, Guid vehicleId, DateTime? start, Guid? assignee) => new()
    {
        VehicleId = vehicleId,
        Start = start,
        AssignedToId = assignee is { } id && options.Staff.Any(s => s.Id == id) ? id : null,
        Services = options.Services.Select(s => new ServiceLineForm { CannedServiceId = s.Id, Price = s.Price }).ToList(),
    };

    public async Task<ServiceResult<Guid>> CreateAsync(AppointmentForm form, bool mayOverride)
    {
        if (db.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        var vehicle = await db.Vehicles.Where(v => v.Id == form.VehicleId).Select(v => new { v.Id, v.CustomerId }).FirstOrDefaultAsync();
        if (vehicle is null) return ServiceResult.Fail("", "Choose the customer's vehicle first: that vehicle was not found.");

        var options = (await OptionsAsync())!;
        var check = await CheckAsync(form, options, mayOverride, except: null);
        if (!check.Result.Succeeded) return check.Result;

        var now = clock.GetUtcNow().UtcDateTime;
        var appointment = new Appointment
        {
            DealerId = dealerId,
            CustomerId = vehicle.CustomerId,
            VehicleId = vehicle.Id,
            RequestedAt = now,
            Status = AppointmentStatus.Pending,
            StatusChangedAt = now,
            StatusChangedById = db.CurrentUser.UserId,
        };
        Apply(form, check, appointment);
        db.Appointments.Add(appointment);
        db.AppointmentStatusChanges.Add(new AppointmentStatusChange
        {
            DealerId = dealerId,
            AppointmentId = appointment.Id,
            ToStatus = AppointmentStatus.Pending,
            ChangedById = db.CurrentUser.UserId,
            ChangedAt = now,
            Note = check.OverrideNote is null ? "Booked" : "Booked past the shop's rules by a manager",
        });
        await db.SaveChangesAsync();
        return new ServiceResult<Guid>(appointment.Id, ServiceResult.Ok);
    }

    public Task<bool> ExistsAsync(Guid id) => db.Appointments.AnyAsync(a => a.Id == id);

    /// <summary>The edit form of a booking that can still change, or null when there is none to edit.</summary>
    public async Task<(AppointmentForm Form, BookingOptions Options, AppointmentStatus Status)?> EditFormAsync(Guid id)
    {
        var stored = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.VehicleId, a.StartTime, a.EndTime, a.Priority, a.Notes, a.AssignedToId, a.Status, a.Version, a.CapacityOverrideNote,
                Services = a.Services.Select(s => new { s.CannedServiceId, s.Quantity, s.Price }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (stored is null) return null;
        var options = (await OptionsAsync(stored.Services.Select(s => s.CannedServiceId).ToList()))!;
        var form = new AppointmentForm
        {
            VehicleId = stored.VehicleId,
            Start = zone.ToLocal(stored.StartTime),
            DurationMinutes = (int)(stored.EndTime - stored.StartTime).TotalMinutes,
            Priority = stored.Priority,
            Notes = stored.Notes,
            AssignedToId = stored.AssignedToId,
            OverrideNote = stored.CapacityOverrideNote,
            Version = stored.Version,
            Services = options.Services.Select(s => stored.Services.FirstOrDefault(b => b.CannedServiceId == s.Id) is { } booked
                    ? new ServiceLineForm { CannedServiceId = s.Id, Selected = true, Quantity = booked.Quantity, Price = booked.Price }
                    : new ServiceLineForm { CannedServiceId = s.Id, Price = s.Price })
                .ToList(),
        };
        return (form, options, stored.Status);
    }

    /// <summary>Changes time, services, priority, notes or assignee of a pending or confirmed booking. A new time is checked again.</summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, AppointmentForm form, bool mayOverride)
    {
        if (db.DealerScope is null) return ServiceResult.NoDealerChosen;
        var appointment = await db.Appointments.Include(a => a.Services).FirstOrDefaultAsync(a => a.Id == id);
        if (appointment is null) return ServiceResult.Fail("", "This appointment no longer exists.");
        if (!AppointmentStatusFlow.CanEdit(appointment.Status))
            return ServiceResult.Fail("", $"A {AppointmentStatusFlow.Label(appointment.Status).ToLowerInvariant()} appointment can no longer be changed.");
        if (form.VehicleId != appointment.VehicleId)
            return ServiceResult.Fail("", "The vehicle of a booking cannot change: cancel it and book the other vehicle.");

        var options = (await OptionsAsync(appointment.Services.Select(s => s.CannedServiceId).ToList()))!;
        var check = await CheckAsync(form, options, mayOverride, except: appointment);
        if (!check.Result.Succeeded) return check.Result;

        db.Entry(appointment).Property(a => a.Version).OriginalValue = form.Version;
        var timeChanged = appointment.StartTime != check.StartUtc || appointment.EndTime != check.EndUtc;
        var keptNote = appointment.CapacityOverrideNote;
        Apply(form, check, appointment);
        // The note explains why this time was allowed: it stays while the time stays.
        if (!timeChanged) appointment.CapacityOverrideNote = keptNote;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("appointment");
        }
        return ServiceResult.Ok;
    }

    private sealed record CheckedBooking(ServiceResult Result, DateTime StartUtc, DateTime EndUtc, string? OverrideNote, IReadOnlyList<(BookableService Service, ServiceLineForm Line)> Lines);

    /// <summary>
    /// Every rule of a booking form: lines, assignee, override, then the shop's booking rules for the
    /// time (only re-checked on an edit when the time changes, so a past override stays valid).
    /// </summary>
    private async Task<CheckedBooking> CheckAsync(AppointmentForm form, BookingOptions options, bool mayOverride, Appointment? except)
    {
        var errors = new List<(string, string)>();
        var lines = new List<(BookableService, ServiceLineForm)>();
        for (var i = 0; i < form.Services.Count; i++)
        {
            var line = form.Services[i];
            if (!line.Selected) continue;
            var service = options.Services.FirstOrDefault(s => s.Id == line.CannedServiceId);
            var alreadyBooked = except?.Services.Any(s => s.CannedServiceId == line.CannedServiceId) == true;
            if (service is null || (!service.Bookable && !alreadyBooked))
            {
                errors.Add(($"Services[{i}].Selected", "This service is no longer offered. Untick it or reload the page."));
                continue;
            }
            if (line.Quantity is < 1 or > MaxQuantity) errors.Add(($"Services[{i}].Quantity", $"Enter a quantity from 1 to {MaxQuantity}."));
            if (line.Price < 0 || line.Price > MaxPrice || decimal.Round(line.Price, 2) != line.Price)
                errors.Add(($"Services[{i}].Price", "Enter a price of 0 or more, with at most two decimals."));
            lines.Add((service, line));
        }
        if (form.AssignedToId is { } assignee && options.Staff.All(s => s.Id != assignee))
            errors.Add((nameof(AppointmentForm.AssignedToId), "Choose an advisor or technician of this dealer."));
        if (form.Override && !mayOverride)
            errors.Add(("", "Only a manager can book past the shop's hours and capacity."));
        if (form.Override && mayOverride && string.IsNullOrWhiteSpace(form.OverrideNote))
            errors.Add((nameof(AppointmentForm.OverrideNote), "Say why this booking goes past the shop's rules."));
        if (form.Start is not { } start)
        {
            errors.Add((nameof(AppointmentForm.Start), "Choose the date and time."));
            return new(new ServiceResult { Errors = errors }, default, default, null, lines);
        }

        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified);
        var minutes = form.DurationMinutes ?? BookingRules.Duration(lines.Select(l => (l.Item1.Duration, l.Item2.Quantity)), options.Rules.BlockMinutes);
        var startUtc = zone.ToUtc(start);
        var endUtc = startUtc.AddMinutes(minutes);
        string? overrideNote = null;

        var unchangedTime = except is not null && except.StartTime == startUtc && except.EndTime == endUtc;
        if (!unchangedTime)
        {
            var problems = rules.Check(options.Rules, zone.Zone, start, minutes, await LoadAsync(options.Rules, start, except?.Id));
            var overriding = form.Override && mayOverride && !string.IsNullOrWhiteSpace(form.OverrideNote);
            foreach (var problem in problems.Where(p => !p.CanOverride || !overriding))
                errors.Add((nameof(AppointmentForm.Start), problem.Message));
            if (overriding && problems.Count > 0) overrideNote = form.OverrideNote!.Trim();
        }
        return new(errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors }, startUtc, endUtc, overrideNote, lines);
    }

    /// <summary>Live bookings already starting on that local day and in that time block.</summary>
    private async Task<BookingLoad> LoadAsync(ShopRules shop, DateTime start, Guid? except)
    {
        var (dayStart, dayEnd) = zone.DayInUtc(DateOnly.FromDateTime(start));
        var starts = await db.Appointments.AsNoTracking()
            .Where(a => a.StartTime >= dayStart && a.StartTime < dayEnd && a.Id != except
                && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => a.StartTime).ToListAsync();
        var block = BookingRules.BlockStart(start, shop.BlockMinutes);
        return new BookingLoad(starts.Count, starts.Count(s => BookingRules.BlockStart(zone.ToLocal(s), shop.BlockMinutes) == block));
    }

    private void Apply(AppointmentForm form, CheckedBooking check, Appointment appointment)
    {
        appointment.StartTime = check.StartUtc;
        appointment.EndTime = check.EndUtc;
        appointment.Priority = Enum.IsDefined(form.Priority) ? form.Priority : AppointmentPriority.Normal;
        appointment.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
        appointment.AssignedToId = form.AssignedToId;
        appointment.CapacityOverrideNote = check.OverrideNote;

        var wanted = check.Lines.ToDictionary(l => l.Service.Id, l => l.Line);
        foreach (var booked in appointment.Services.Where(s => !wanted.ContainsKey(s.CannedServiceId)).ToList())
        {
            appointment.Services.Remove(booked);
            db.Remove(booked);
        }
        foreach (var (serviceId, line) in wanted)
        {
            var booked = appointment.Services.FirstOrDefault(s => s.CannedServiceId == serviceId);
            if (booked is null)
            {
                booked = new AppointmentCannedService { DealerId = appointment.DealerId, AppointmentId = appointment.Id, CannedServiceId = serviceId };
                appointment.Services.Add(booked);
            }
            booked.Quantity = line.Quantity;
            booked.Price = line.Price;
        }
    }

    /// <summary>
    /// A new customer and their car from the booking page, both or neither: the duplicate rule of
    /// <see cref="CustomerService"/> applies, and a refused vehicle leaves no customer behind.
    /// </summary>
    public async Task<NewVisitResult> CreateCustomerWithVehicleAsync(NewVisitForm form)
    {
        if (db.DealerScope is null) return new(null, ServiceResult.NoDealerChosen, []);
        var errors = FormAnnotations.Errors(form.Customer, nameof(NewVisitForm.Customer))
            .Concat(FormAnnotations.Errors(form.Vehicle, nameof(NewVisitForm.Vehicle))).ToList();
        errors.AddRange(CustomerService.Validate(form.Customer).Under(nameof(NewVisitForm.Customer)));
        errors.AddRange((await vehicles.ValidateAsync(form.Vehicle)).Under(nameof(NewVisitForm.Vehicle)));
        if (errors.Count > 0) return new(null, new ServiceResult { Errors = errors.Distinct().ToList() }, []);

        if (!form.Customer.ConfirmedNotDuplicate)
        {
            var duplicates = await customers.FindDuplicatesAsync(form.Customer.Phone, form.Customer.Email);
            if (duplicates.Count > 0)
                return new(null, ServiceResult.Fail("Customer.ConfirmedNotDuplicate",
                    "We already have customers with this phone or email (below). Book one of them, or tick the box if this is someone else."), duplicates);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var customer = await customers.CreateAsync(db, form.Customer);
        if (!customer.Succeeded) return await RolledBack(customer.Result.Under(nameof(NewVisitForm.Customer)));
        var vehicle = await vehicles.CreateAsync(db, customer.Value, form.Vehicle);
        if (!vehicle.Succeeded) return await RolledBack(vehicle.Result.Under(nameof(NewVisitForm.Vehicle)));
        await transaction.CommitAsync();
        return new(vehicle.Value, ServiceResult.Ok, []);

        async Task<NewVisitResult> RolledBack(IEnumerable<(string, string)> failure)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return new(null, new ServiceResult { Errors = failure.ToList() }, []);
        }
    }

    /// <summary>A car added to a customer who is already on file, from the booking page.</summary>
    public async Task<ServiceResult<Guid>> AddVehicleAsync(Guid customerId, VehicleForm form)
    {
        if (db.DealerScope is null) return ServiceResult.NoDealerChosen;
        var annotations = FormAnnotations.Errors(form, "").ToList();
        return annotations.Count > 0 ? new ServiceResult { Errors = annotations } : await vehicles.CreateAsync(customerId, form);
    }

    public async Task<AppointmentDetail?> DetailAsync(Guid id)
    {
        var row = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Status, a.Priority, a.StartTime, a.EndTime, a.RequestedAt, a.CustomerId, CustomerName = a.Customer.Name,
                CustomerPhone = a.Customer.Phone, a.VehicleId, a.Vehicle.Year, a.Vehicle.Make, a.Vehicle.Model, a.Vehicle.LicensePlate, a.Vehicle.Vin,
                Mileage = a.Vehicle.Mileage == null ? (int?)null : a.Vehicle.Mileage.CurrentMileage, AssignedTo = a.AssignedTo == null ? null : a.AssignedTo.FullName, a.Notes,
                a.CancellationReason, a.CapacityOverrideNote, a.Version, a.DealerId,
                Services = a.Services.OrderBy(s => s.CannedService.Name)
                    .Select(s => new AppointmentServiceRow(s.CannedService.Code, s.CannedService.Name, s.Quantity, s.Price)).ToList(),
            })
            .FirstOrDefaultAsync();
        if (row is null) return null;
        var history = await (
                from change in db.AppointmentStatusChanges.AsNoTracking()
                where change.AppointmentId == id
                join user in db.Users on change.ChangedById equals user.Id into users
                from user in users.DefaultIfEmpty()
                orderby change.ChangedAt, change.Id
                select new StatusChangeRow(change.FromStatus, change.ToStatus, user == null ? null : user.FullName, change.ChangedAt, change.Note))
            .ToListAsync();
        var workOrder = await db.WorkOrders.AsNoTracking().Where(w => w.AppointmentId == id)
            .Select(w => new { w.Id, w.WorkOrderNumber }).FirstOrDefaultAsync();
        return new AppointmentDetail(row.Id, row.Status, row.Priority, row.StartTime, row.EndTime, row.RequestedAt, row.CustomerId,
            row.CustomerName, row.CustomerPhone, row.VehicleId, $"{row.Year} {row.Make} {row.Model}", row.LicensePlate, row.Vin, row.Mileage, row.AssignedTo, row.Notes,
            row.CancellationReason, row.CapacityOverrideNote, row.Version, row.Services, history, workOrder?.Id, workOrder?.WorkOrderNumber,
            await settings.CurrencyAsync(row.DealerId));
    }

    /// <summary>Confirm, cancel (reason required), mark a no-show (only once the start time has passed) or complete.</summary>
    public async Task<ServiceResult> ChangeStatusAsync(Guid id, StatusChangeForm form)
    {
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id);
        if (appointment is null) return ServiceResult.Fail("", "This appointment no longer exists.");
        if (appointment.Version != form.Version) return ServiceResult.Conflict("appointment");
        if (!AppointmentStatusFlow.Next(appointment.Status).Contains(form.To))
            return ServiceResult.Fail("", form.To == AppointmentStatus.InProgress && AppointmentStatusFlow.CanCheckIn(appointment.Status)
                ? "An appointment starts by checking the car in."
                : $"A {AppointmentStatusFlow.Label(appointment.Status).ToLowerInvariant()} appointment cannot become {AppointmentStatusFlow.Label(form.To).ToLowerInvariant()}.");

        var now = clock.GetUtcNow().UtcDateTime;
        var note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        if (form.To == AppointmentStatus.Cancelled)
        {
            if (note is null) return ServiceResult.Fail(nameof(StatusChangeForm.Note), "Give the reason for cancelling.");
            appointment.CancellationReason = note;
        }
        if (form.To == AppointmentStatus.NoShow && now < appointment.StartTime)
            return ServiceResult.Fail("", $"A no-show can be recorded only after the start time ({zone.ToLocal(appointment.StartTime):d MMM HH:mm}).");

        db.Entry(appointment).Property(a => a.Version).OriginalValue = form.Version;
        AppointmentStatusFlow.Apply(db, appointment, form.To, note, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult.Conflict("appointment");
        }
        return ServiceResult.Ok;
    }
}
