using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Identity;
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
    string Currency,
    Guid DealerId)
{
    public decimal Total => Services.Sum(s => s.Subtotal);
}

/// <summary>
/// Booking, changing and moving appointments through their life cycle at the dealer being worked in.
/// Every booking and every change of time goes through <see cref="BookingRules"/>; a manager may book
/// past them with a note. A context per operation (circuits outlive requests); every save tells the open
/// front-desk screens of the dealer (<see cref="LiveUpdate.AppointmentsChanged"/>).
/// </summary>
public sealed class AppointmentService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    CurrentUser user,
    DealerContext dealer,
    BookingRules rules,
    TimeProvider clock,
    LiveUpdates live,
    CustomerService customers,
    VehicleService vehicles)
{
    public const int MaxQuantity = 99;
    public const decimal MaxPrice = 10_000_000m;

    /// <summary>
    /// Booking and changing need one dealer's calendar, hours and time zone; a manufacturer user in "All dealers"
    /// must pick the dealer first.
    /// </summary>
    public bool DealerChosen => user.DealerScope is not null;

    /// <summary>The services, staff and rules of the booking form; <paramref name="alsoInclude"/> keeps withdrawn services an appointment already has.</summary>
    public async Task<BookingOptions?> OptionsAsync(IReadOnlyCollection<Guid>? alsoInclude = null, CancellationToken ct = default)
    {
        if (user.DealerScope is not { } dealerId) return null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OptionsAsync(db, dealerId, alsoInclude, ct);
    }

    private static async Task<BookingOptions> OptionsAsync(MotorTraceDbContext db, Guid dealerId, IReadOnlyCollection<Guid>? alsoInclude, CancellationToken ct = default)
    {
        var keep = alsoInclude ?? [];
        var services = await db.CannedServices.AsNoTracking()
            .Where(s => (s.IsAvailable && !s.IsArchived) || keep.Contains(s.Id))
            .OrderBy(s => s.Name).ThenBy(s => s.Code)
            .Select(s => new BookableService(s.Id, s.Code, s.Name, s.Duration, s.Price, s.IsAvailable && !s.IsArchived))
            .ToListAsync(ct);
        return new BookingOptions(services, await StaffAsync(db, dealerId, ct), await ShopRulesAsync(db, dealerId, ct), await CurrencyAsync(db, dealerId, ct));
    }

    /// <summary>The dealer's booking rules (defaults where the manager never saved them).</summary>
    public static async Task<ShopRules> ShopRulesAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct = default)
    {
        var settings = await db.DealerSettings.AsNoTracking().Where(s => s.DealerId == dealerId).FirstOrDefaultAsync(ct) ?? new Data.Entities.Network.DealerSettings();
        var stored = await db.DealerShopHours.AsNoTracking().Where(h => h.DealerId == dealerId)
            .Select(h => new ShopDay(h.DayOfWeek, h.IsOpen, h.OpensAt, h.ClosesAt)).ToListAsync(ct);
        var defaults = DealerSettingsService.DefaultHours();
        return ShopRules.From(settings, DealerSettingsService.Week.Select(day => stored.FirstOrDefault(h => h.Day == day) ?? defaults.First(h => h.Day == day)));
    }

    private static async Task<string> CurrencyAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct = default) =>
        await db.DealerSettings.Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync(ct) ?? DealerContext.DefaultCurrency;

    /// <summary>The dealer's active advisors and technicians, by name.</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffAsync(Guid dealerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await StaffAsync(db, dealerId);
    }

    public static async Task<IReadOnlyList<StaffOption>> StaffAsync(MotorTraceDbContext db, Guid dealerId, CancellationToken ct = default)
    {
        var rows = await (
            from person in db.Users
            join userRole in db.UserRoles on person.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where person.DealerId == dealerId && person.IsActive && (role.Name == Roles.ServiceAdvisor || role.Name == Roles.Technician)
            orderby person.FullName
            select new { person.Id, person.FullName, role.Name }).AsNoTracking().ToListAsync(ct);
        return rows.DistinctBy(r => r.Id).Select(r => new StaffOption(r.Id, r.FullName, Roles.DisplayName(r.Name!))).ToList();
    }

    public async Task<VehicleChoice?> VehicleAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId)
            .Select(v => new VehicleChoice(v.Id, v.CustomerId, v.Customer.Name, v.Customer.Phone, v.Year, v.Make, v.Model, v.LicensePlate, v.Vin))
            .FirstOrDefaultAsync();
    }

    public async Task<CustomerVehicles?> CustomerAsync(Guid customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.Id, c.Name, c.Phone, c.Email }).FirstOrDefaultAsync();
        if (customer is null) return null;
        var cars = await VehiclesOfAsync(db, [customerId]);
        return new CustomerVehicles(customer.Id, customer.Name, customer.Phone, customer.Email, cars);
    }

    /// <summary>The vehicles of several customers at once (one query), for the booking page's search results.</summary>
    private static async Task<IReadOnlyList<VehicleChoice>> VehiclesOfAsync(MotorTraceDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct = default) =>
        await db.Vehicles.AsNoTracking().Where(v => customerIds.Contains(v.CustomerId))
            .OrderBy(v => v.LicensePlate).ThenBy(v => v.Vin)
            .Select(v => new VehicleChoice(v.Id, v.CustomerId, v.Customer.Name, v.Customer.Phone, v.Year, v.Make, v.Model, v.LicensePlate, v.Vin))
            .ToListAsync(ct);

    /// <summary>
    /// The booking page's search (customer name, phone, email, plate or VIN, as the front desk's customer search
    /// reads it), answered as cars: a result is the car to book, with its owner. Two queries whatever the hits.
    /// </summary>
    public async Task<IReadOnlyList<VehicleChoice>> SearchVehiclesAsync(string? text, CancellationToken ct = default)
    {
        if (user.DealerScope is null || string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        var matches = await customers.SearchAsync(text.Trim()[..Math.Min(text.Trim().Length, 100)], cancellationToken: ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (matches.Count == 0) return [];
        var cars = await VehiclesOfAsync(db, matches.Select(m => m.Id).ToList(), ct);
        // The customers in the search's order; a car whose plate or VIN matched first within its owner.
        var term = Compact(text);
        return matches.SelectMany(m => cars.Where(c => c.CustomerId == m.Id)
                .OrderByDescending(c => term.Length > 0 && (Compact(c.Plate).Contains(term) || Compact(c.Vin).Contains(term))))
            .Take(20).ToList();

        static string Compact(string? value) => new((value ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
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
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var vehicle = await db.Vehicles.Where(v => v.Id == form.VehicleId).Select(v => new { v.Id, v.CustomerId }).FirstOrDefaultAsync();
        if (vehicle is null) return ServiceResult.Fail("", "Choose the customer's vehicle first: that vehicle was not found.");

        var options = await OptionsAsync(db, dealerId, null);
        var check = await CheckAsync(db, form, options, mayOverride, except: null);
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
            StatusChangedById = user.UserId,
        };
        Apply(db, form, check, appointment);
        db.Appointments.Add(appointment);
        db.AppointmentStatusChanges.Add(new AppointmentStatusChange
        {
            DealerId = dealerId,
            AppointmentId = appointment.Id,
            ToStatus = AppointmentStatus.Pending,
            ChangedById = user.UserId,
            ChangedAt = now,
            Note = check.OverrideNote is null ? "Booked" : "Booked past the shop's rules by a manager",
        });
        await db.SaveChangesAsync();
        await live.PublishAsync(new LiveUpdate.AppointmentsChanged(dealerId));
        return new ServiceResult<Guid>(appointment.Id, ServiceResult.Ok);
    }

    public async Task<bool> ExistsAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Appointments.AnyAsync(a => a.Id == id);
    }

    /// <summary>The edit form of a booking that can still change, or null when there is none to edit.</summary>
    public async Task<(AppointmentForm Form, BookingOptions Options, AppointmentStatus Status)?> EditFormAsync(Guid id)
    {
        if (user.DealerScope is not { } dealerId) return null;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.VehicleId, a.StartTime, a.EndTime, a.Priority, a.Notes, a.AssignedToId, a.Status, a.Version, a.CapacityOverrideNote,
                Services = a.Services.Select(s => new { s.CannedServiceId, s.Quantity, s.Price }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (stored is null) return null;
        var options = await OptionsAsync(db, dealerId, stored.Services.Select(s => s.CannedServiceId).ToList());
        var form = new AppointmentForm
        {
            VehicleId = stored.VehicleId,
            Start = dealer.ToLocal(stored.StartTime),
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
        if (user.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var appointment = await db.Appointments.Include(a => a.Services).FirstOrDefaultAsync(a => a.Id == id);
        if (appointment is null) return ServiceResult.Fail("", "This appointment no longer exists.");
        if (!AppointmentStatusFlow.CanEdit(appointment.Status))
            return ServiceResult.Fail("", $"A {AppointmentStatusFlow.Label(appointment.Status).ToLowerInvariant()} appointment can no longer be changed.");
        if (form.VehicleId != appointment.VehicleId)
            return ServiceResult.Fail("", "The vehicle of a booking cannot change: cancel it and book the other vehicle.");
        if (appointment.Version != form.Version) return await ConflictAsync(db, appointment);

        var options = await OptionsAsync(db, dealerId, appointment.Services.Select(s => s.CannedServiceId).ToList());
        var check = await CheckAsync(db, form, options, mayOverride, except: appointment);
        if (!check.Result.Succeeded) return check.Result;

        db.Entry(appointment).Property(a => a.Version).OriginalValue = form.Version;
        var timeChanged = appointment.StartTime != check.StartUtc || appointment.EndTime != check.EndUtc;
        var keptNote = appointment.CapacityOverrideNote;
        Apply(db, form, check, appointment);
        // The note explains why this time was allowed: it stays while the time stays.
        if (!timeChanged) appointment.CapacityOverrideNote = keptNote;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, null, id);
        }
        await live.PublishAsync(new LiveUpdate.AppointmentsChanged(dealerId));
        return ServiceResult.Ok;
    }

    /// <summary>"Changed by X at HH:MM": who saved the appointment last, read fresh.</summary>
    private async Task<ServiceResult> ConflictAsync(MotorTraceDbContext db, Appointment? stale, Guid? id = null)
    {
        var appointmentId = stale?.Id ?? id!.Value;
        db.ChangeTracker.Clear();
        var last = await db.Appointments.AsNoTracking().Where(a => a.Id == appointmentId)
            .Select(a => new { a.UpdatedAt, By = db.Users.Where(u => u.Id == a.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (last?.By is not { } by) return ServiceResult.Conflict("appointment");
        await dealer.LoadAsync();
        return ServiceResult.Fail("", $"This appointment was changed by {by} at {dealer.ToLocal(last.UpdatedAt):HH:mm} while you were editing. Your input is kept: reload to see their change, then save again.");
    }

    private sealed record CheckedBooking(ServiceResult Result, DateTime StartUtc, DateTime EndUtc, string? OverrideNote, IReadOnlyList<(BookableService Service, ServiceLineForm Line)> Lines);

    /// <summary>
    /// Every rule of a booking form: lines, assignee, override, then the shop's booking rules for the
    /// time (only re-checked on an edit when the time changes, so a past override stays valid).
    /// </summary>
    private async Task<CheckedBooking> CheckAsync(MotorTraceDbContext db, AppointmentForm form, BookingOptions options, bool mayOverride, Appointment? except)
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
        var startUtc = dealer.ToUtc(start);
        var endUtc = startUtc.AddMinutes(minutes);
        string? overrideNote = null;

        var unchangedTime = except is not null && except.StartTime == startUtc && except.EndTime == endUtc;
        if (!unchangedTime)
        {
            var problems = rules.Check(options.Rules, dealer.TimeZone, start, minutes, await LoadAsync(db, options.Rules, start, minutes, except?.Id));
            var overriding = form.Override && mayOverride && !string.IsNullOrWhiteSpace(form.OverrideNote);
            foreach (var problem in problems.Where(p => !p.CanOverride || !overriding))
                errors.Add((nameof(AppointmentForm.Start), problem.Message));
            if (overriding && problems.Count > 0) overrideNote = form.OverrideNote!.Trim();
        }
        return new(errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors }, startUtc, endUtc, overrideNote, lines);
    }

    /// <summary>Live bookings starting on that local day, and the most of them in any time block the booking covers.</summary>
    private async Task<BookingLoad> LoadAsync(MotorTraceDbContext db, ShopRules shop, DateTime start, int minutes, Guid? except)
    {
        var (dayStart, dayEnd) = dealer.DayInUtc(DateOnly.FromDateTime(start));
        var endUtc = dealer.ToUtc(start.AddMinutes(minutes));
        // Bookings of that day, and any from an earlier day that run into it.
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.StartTime < dayEnd && a.EndTime > dayStart.AddDays(-1) && a.Id != except
                && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow)
            .Select(a => new { a.StartTime, a.EndTime }).ToListAsync();
        var thatDay = booked.Count(b => b.StartTime >= dayStart);
        var local = booked.Where(b => b.StartTime < endUtc).Select(b => (dealer.ToLocal(b.StartTime), dealer.ToLocal(b.EndTime)));
        var (inBlock, block) = BookingRules.BusiestBlock(local, start, start.AddMinutes(minutes), shop.BlockMinutes);
        return new BookingLoad(thatDay, inBlock, block);
    }

    private static void Apply(MotorTraceDbContext db, AppointmentForm form, CheckedBooking check, Appointment appointment)
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
        if (user.DealerScope is null) return new(null, ServiceResult.NoDealerChosen, []);
        await using var db = await dbFactory.CreateDbContextAsync();
        // The customer and vehicle saves run on this operation's context, so they share one transaction.
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
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        var annotations = FormAnnotations.Errors(form, "").ToList();
        if (annotations.Count > 0) return new ServiceResult { Errors = annotations };
        return await vehicles.CreateAsync(customerId, form);
    }

    public async Task<AppointmentDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var history = await (
                from change in db.AppointmentStatusChanges.AsNoTracking()
                where change.AppointmentId == id
                join person in db.Users on change.ChangedById equals person.Id into people
                from person in people.DefaultIfEmpty()
                orderby change.ChangedAt, change.Id
                select new StatusChangeRow(change.FromStatus, change.ToStatus, person == null ? null : person.FullName, change.ChangedAt, change.Note))
            .ToListAsync(ct);
        var workOrder = await db.WorkOrders.AsNoTracking().Where(w => w.AppointmentId == id)
            .Select(w => new { w.Id, w.WorkOrderNumber }).FirstOrDefaultAsync(ct);
        return new AppointmentDetail(row.Id, row.Status, row.Priority, row.StartTime, row.EndTime, row.RequestedAt, row.CustomerId,
            row.CustomerName, row.CustomerPhone, row.VehicleId, $"{row.Year} {row.Make} {row.Model}", row.LicensePlate, row.Vin, row.Mileage, row.AssignedTo, row.Notes,
            row.CancellationReason, row.CapacityOverrideNote, row.Version, row.Services, history, workOrder?.Id, workOrder?.WorkOrderNumber,
            await CurrencyAsync(db, row.DealerId, ct), row.DealerId);
    }

    /// <summary>Confirm, cancel (reason required), mark a no-show (only once the start time has passed) or complete.</summary>
    public async Task<ServiceResult> ChangeStatusAsync(Guid id, StatusChangeForm form)
    {
        await dealer.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == id);
        if (appointment is null) return ServiceResult.Fail("", "This appointment no longer exists.");
        if (appointment.Version != form.Version) return await ConflictAsync(db, appointment);
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
            return ServiceResult.Fail("", $"A no-show can be recorded only after the start time ({dealer.ToLocal(appointment.StartTime):d MMM HH:mm}).");

        db.Entry(appointment).Property(a => a.Version).OriginalValue = form.Version;
        AppointmentStatusFlow.Apply(db, appointment, form.To, note, now, user.UserId);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(db, null, id);
        }
        await live.PublishAsync(new LiveUpdate.AppointmentsChanged(appointment.DealerId));
        return ServiceResult.Ok;
    }
}
