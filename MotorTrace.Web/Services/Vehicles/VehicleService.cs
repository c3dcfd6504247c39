using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>What the front desk types in for a vehicle (create and edit forms, inline booking).</summary>
public sealed class VehicleForm
{
    [Required(ErrorMessage = "Enter the VIN.")]
    [Vin]
    public string Vin { get; set; } = "";

    [StringLength(20, ErrorMessage = "A licence plate has at most 20 characters.")]
    public string? LicensePlate { get; set; }

    [Required(ErrorMessage = "Enter the make.")]
    [StringLength(100)]
    public string Make { get; set; } = "";

    [Required(ErrorMessage = "Enter the model.")]
    [StringLength(100)]
    public string Model { get; set; } = "";

    [Range(1950, 2100, ErrorMessage = "Enter the model year, e.g. 2021.")]
    public int Year { get; set; } = DateTime.UtcNow.Year;

    [StringLength(50)]
    public string? Color { get; set; }

    /// <summary>The odometer reading when the vehicle is first entered (optional).</summary>
    [Range(0, 2_000_000, ErrorMessage = "Enter the odometer reading in km (0 to 2,000,000).")]
    public int? Odometer { get; set; }

    public VehicleStatus Status { get; set; } = VehicleStatus.Active;

    /// <summary>
    /// The advisor has seen the check-digit warning of a North-American VIN and confirms the VIN as typed
    /// (grey imports carry VINs that fail the check).
    /// </summary>
    public bool VinWarningConfirmed { get; set; }

    /// <summary>Edit form: the vehicle's <c>Version</c> when the form was loaded (optimistic concurrency).</summary>
    public Guid Version { get; set; }
}

/// <summary>A vehicle of this dealer that already carries a VIN, named so the advisor can recognise it.</summary>
public sealed record VinOwner(Guid VehicleId, string CustomerName, int Year, string Make, string Model, string? LicensePlate)
{
    public string Description => $"{CustomerName}'s {Year} {Make} {Model}{(LicensePlate is null ? "" : $" ({LicensePlate})")}";
}

/// <summary>What the VIN field says while the advisor types: an error, a duplicate, a warning, or fine.</summary>
public sealed record VinCheck(string Vin, string? Error, VinOwner? Duplicate, string? Warning)
{
    public bool IsEmpty => Vin.Length == 0;
    public bool IsValid => Error is null && Duplicate is null;
    public bool IsNorthAmerican => Vin.Length > 0 && Vin[0] is >= '1' and <= '5';
}

/// <summary>The header every vehicle page shows, and what its tabs need to know about the vehicle.</summary>
public sealed record VehicleHeader(
    Guid Id, Guid DealerId, int Year, string Make, string Model, string Vin, string? LicensePlate, string? Color,
    VehicleStatus Status, Guid CustomerId, string CustomerName, int? CurrentMileage, string CurrencyCode, DateTime CreatedAt, Guid Version)
{
    public string Title => $"{Year} {Make} {Model}";

    /// <summary>The edit form as stored.</summary>
    public VehicleForm ToForm() => new()
    {
        Vin = Vin,
        LicensePlate = LicensePlate,
        Make = Make,
        Model = Model,
        Year = Year,
        Color = Color,
        Status = Status,
        Version = Version,
    };
}

/// <summary>
/// Vehicles of the dealer being worked in: the shared rules for entering one (VIN format and per-dealer
/// uniqueness, normalised plate, plausible year), and the vehicle page's header and edit form.
/// </summary>
public sealed class VehicleService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, TimeProvider clock)
{
    private static readonly string DefaultCurrency = new Data.Entities.Network.DealerSettings().CurrencyCode;

    /// <summary>New vehicles belong to one dealer, so a manufacturer user must be working in one.</summary>
    public bool DealerChosen => user.DealerScope is not null;

    /// <summary>
    /// Checks a form against the VIN rules, the year and the dealer's other vehicles. <paramref name="dealerId"/>
    /// names the dealer whose vehicles the VIN must not repeat; without it, every dealer in scope counts.
    /// </summary>
    public async Task<ServiceResult> ValidateAsync(VehicleForm form, Guid? exceptVehicleId = null, Guid? dealerId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await ValidateAsync(db, form, exceptVehicleId, dealerId);
    }

    private async Task<ServiceResult> ValidateAsync(MotorTraceDbContext db, VehicleForm form, Guid? exceptVehicleId, Guid? dealerId)
    {
        var errors = new List<(string, string)>();
        if (VinRules.Error(form.Vin) is { } vinError) errors.Add((nameof(VehicleForm.Vin), vinError));
        else if (await FindVinOwnerAsync(db, form.Vin, exceptVehicleId, dealerId) is { } owner)
            errors.Add((nameof(VehicleForm.Vin), $"This VIN is already registered here, on {owner.Description}."));
        var latestYear = clock.GetUtcNow().Year + 1;
        if (form.Year < 1950 || form.Year > latestYear) errors.Add((nameof(VehicleForm.Year), $"Enter a model year between 1950 and {latestYear}."));
        if (string.IsNullOrWhiteSpace(form.Make)) errors.Add((nameof(VehicleForm.Make), "Enter the make."));
        if (string.IsNullOrWhiteSpace(form.Model)) errors.Add((nameof(VehicleForm.Model), "Enter the model."));
        if (SearchNormalization.LicensePlate(form.LicensePlate) is { } plate && !plate.All(char.IsAsciiLetterOrDigit))
            errors.Add((nameof(VehicleForm.LicensePlate), "A licence plate has only letters, digits, spaces and dashes."));
        if (!Enum.IsDefined(form.Status)) errors.Add((nameof(VehicleForm.Status), "Choose a status."));
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    /// <summary>The other vehicle that already has this VIN at the dealer, if any.</summary>
    public async Task<VinOwner?> FindVinOwnerAsync(string? vin, Guid? exceptVehicleId = null, Guid? dealerId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await FindVinOwnerAsync(db, vin, exceptVehicleId, dealerId);
    }

    private static Task<VinOwner?> FindVinOwnerAsync(MotorTraceDbContext db, string? vin, Guid? exceptVehicleId, Guid? dealerId)
    {
        var normalized = VinRules.Normalize(vin);
        return db.Vehicles.AsNoTracking()
            .Where(v => v.Vin == normalized && v.Id != exceptVehicleId && (dealerId == null || v.DealerId == dealerId))
            .Select(v => new VinOwner(v.Id, v.Customer.Name, v.Year, v.Make, v.Model, v.LicensePlate))
            .FirstOrDefaultAsync();
    }

    /// <summary>The live check of the VIN field: format, duplicate at the dealer, check-digit warning.</summary>
    public async Task<VinCheck> CheckVinAsync(string? vin, Guid? exceptVehicleId = null)
    {
        var normalized = VinRules.Normalize(vin);
        if (normalized.Length == 0) return new VinCheck("", null, null, null);
        if (VinRules.Error(normalized) is { } error) return new VinCheck(normalized, error, null, null);
        await using var db = await dbFactory.CreateDbContextAsync();
        // A manufacturer user looking at all dealers edits one dealer's vehicle: only that dealer's VINs count.
        var dealerId = user.DealerScope is null && exceptVehicleId is { } id
            ? await db.Vehicles.Where(v => v.Id == id).Select(v => (Guid?)v.DealerId).FirstOrDefaultAsync()
            : null;
        var owner = await FindVinOwnerAsync(db, normalized, exceptVehicleId, dealerId);
        return new VinCheck(normalized, null, owner, VinRules.Warning(normalized));
    }

    /// <summary>Adds a vehicle to one of this dealer's customers.</summary>
    public async Task<ServiceResult<Guid>> CreateAsync(Guid customerId, VehicleForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await CreateAsync(db, customerId, form);
    }

    /// <summary>
    /// Adds a vehicle in the caller's context, so a caller that also creates the customer (the booking page's new
    /// visit) keeps both in one transaction.
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateAsync(MotorTraceDbContext db, Guid customerId, VehicleForm form)
    {
        var customer = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.Id, c.DealerId }).FirstOrDefaultAsync();
        if (customer is null) return ServiceResult.Fail("", "That customer does not exist (any more).");
        var validation = await ValidateAsync(db, form, null, customer.DealerId);
        if (!validation.Succeeded) return validation;

        var now = clock.GetUtcNow().UtcDateTime;
        var vehicle = new Vehicle { DealerId = customer.DealerId, CustomerId = customer.Id };
        Apply(form, vehicle);
        vehicle.Mileage = new VehicleMileage { DealerId = customer.DealerId, CurrentMileage = form.Odometer ?? 0, LastUpdated = now };
        db.Vehicles.Add(vehicle);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Most likely another desk entered the same VIN between our check and our save.
            db.ChangeTracker.Clear();
            if (!await db.Vehicles.AnyAsync(v => v.Vin == vehicle.Vin && v.DealerId == vehicle.DealerId)) throw;
            return ServiceResult.Fail(nameof(VehicleForm.Vin), "This VIN was just registered here by someone else.");
        }
        return new ServiceResult<Guid>(vehicle.Id, ServiceResult.Ok);
    }

    /// <summary>
    /// The vehicle page's create: the dealer must be chosen, and a VIN that fails the North-American check digit
    /// is saved only once the advisor has confirmed it.
    /// </summary>
    public async Task<ServiceResult<Guid>> CreateConfirmedAsync(Guid customerId, VehicleForm form)
    {
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        if (UnconfirmedWarning(form) is { } warning) return warning;
        return await CreateAsync(customerId, form);
    }

    /// <summary>A refusal while the VIN has a check-digit warning the advisor has not confirmed.</summary>
    private static ServiceResult? UnconfirmedWarning(VehicleForm form) =>
        VinRules.Error(form.Vin) is null && VinRules.Warning(form.Vin) is not null && !form.VinWarningConfirmed
            ? ServiceResult.Fail(nameof(VehicleForm.VinWarningConfirmed), "The check digit does not match: correct the VIN, or tick the box to confirm it as typed.")
            : null;

    /// <summary>The customer a new vehicle is entered for; null when missing or another dealer's.</summary>
    public async Task<CustomerName?> GetCustomerAsync(Guid customerId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => new CustomerName(c.Id, c.Name)).FirstOrDefaultAsync();
    }

    /// <summary>Makes already used at the dealer, so the desk writes "Volkswagen" the same way every time.</summary>
    public async Task<IReadOnlyList<string>> KnownMakesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Vehicles.AsNoTracking().Select(v => v.Make).Distinct().OrderBy(m => m).Take(50).ToListAsync();
    }

    public async Task<VehicleHeader?> GetHeaderAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Vehicles.AsNoTracking().Where(v => v.Id == id).Select(v => new VehicleHeader(
            v.Id, v.DealerId, v.Year, v.Make, v.Model, v.Vin, v.LicensePlate, v.Color, v.Status, v.CustomerId, v.Customer.Name,
            // The newer of the running total and the log, in case a reading was logged without updating the total.
            v.MileageEntries.Where(e => v.Mileage == null || e.RecordedAt > v.Mileage.LastUpdated)
                .OrderByDescending(e => e.RecordedAt).Select(e => (int?)e.Mileage).FirstOrDefault()
                // A zero total is a vehicle entered without a reading (the create form stores 0 for "unknown").
                ?? (v.Mileage != null && v.Mileage.CurrentMileage > 0 ? v.Mileage.CurrentMileage : null),
            // A dealer that never saved its settings works with their defaults.
            db.DealerSettings.Where(s => s.DealerId == v.DealerId).Select(s => s.CurrencyCode).FirstOrDefault() ?? DefaultCurrency,
            v.CreatedAt, v.Version)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the edit form, refusing a stale <see cref="VehicleForm.Version"/>. A changed VIN goes through the
    /// same rules as a new one; an unchanged VIN with a check-digit warning needs no new confirmation.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, VehicleForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == id);
        if (vehicle is null) return VehicleLookup.Gone;
        var validation = await ValidateAsync(db, form, id, vehicle.DealerId);
        if (!validation.Succeeded) return validation;
        if (VinRules.Normalize(form.Vin) != vehicle.Vin && UnconfirmedWarning(form) is { } warning) return warning;

        db.Entry(vehicle).Property(v => v.Version).OriginalValue = form.Version;
        Apply(form, vehicle);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await db.StaleAsync(id, dealer);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await FindVinOwnerAsync(db, form.Vin, id, vehicle.DealerId) is null) throw;
            return ServiceResult.Fail(nameof(VehicleForm.Vin), "This VIN was just registered here by someone else.");
        }
        return ServiceResult.Ok;
    }

    /// <summary>Copies a validated form onto a vehicle (normalising VIN and plate).</summary>
    public static void Apply(VehicleForm form, Vehicle vehicle)
    {
        vehicle.Vin = form.Vin;
        vehicle.LicensePlate = string.IsNullOrWhiteSpace(form.LicensePlate) ? null : FormatPlate(form.LicensePlate);
        vehicle.Make = form.Make.Trim();
        vehicle.Model = form.Model.Trim();
        vehicle.Year = form.Year;
        vehicle.Color = string.IsNullOrWhiteSpace(form.Color) ? null : form.Color.Trim();
        vehicle.Status = form.Status;
    }

    /// <summary>Plates are stored upper case with single spaces ("MH 12 AB 1234"); search ignores spacing.</summary>
    public static string FormatPlate(string plate) =>
        string.Join(' ', plate.ToUpperInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

public sealed record CustomerName(Guid Id, string Name);
