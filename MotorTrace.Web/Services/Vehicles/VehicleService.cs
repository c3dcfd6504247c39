using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Vehicles;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>What the front desk types in for a vehicle (create and edit forms, inline booking).</summary>
public sealed class VehicleForm
{
    [Required(ErrorMessage = "Enter the VIN.")]
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
}

/// <summary>
/// Vehicles of the dealer being worked in: the shared rules for entering one (VIN format and per-dealer
/// uniqueness, normalised plate, plausible year).
/// </summary>
public sealed class VehicleService(MotorTraceDbContext db, TimeProvider clock)
{
    /// <summary>Checks a form against the VIN rules, the year and this dealer's other vehicles.</summary>
    public async Task<ServiceResult> ValidateAsync(VehicleForm form, Guid? exceptVehicleId = null)
    {
        var errors = new List<(string, string)>();
        if (VinRules.Error(form.Vin) is { } vinError) errors.Add((nameof(VehicleForm.Vin), vinError));
        else
        {
            var vin = VinRules.Normalize(form.Vin);
            var owner = await db.Vehicles.AsNoTracking().Where(v => v.Vin == vin && v.Id != exceptVehicleId)
                .Select(v => new { v.Customer.Name, v.LicensePlate }).FirstOrDefaultAsync();
            if (owner is not null)
                errors.Add((nameof(VehicleForm.Vin), $"This VIN is already registered here, on {owner.Name}'s vehicle{(owner.LicensePlate is null ? "" : $" {owner.LicensePlate}")}."));
        }
        var latestYear = clock.GetUtcNow().Year + 1;
        if (form.Year < 1950 || form.Year > latestYear) errors.Add((nameof(VehicleForm.Year), $"Enter a model year between 1950 and {latestYear}."));
        if (string.IsNullOrWhiteSpace(form.Make)) errors.Add((nameof(VehicleForm.Make), "Enter the make."));
        if (string.IsNullOrWhiteSpace(form.Model)) errors.Add((nameof(VehicleForm.Model), "Enter the model."));
        if (SearchNormalization.LicensePlate(form.LicensePlate) is { } plate && !plate.All(char.IsAsciiLetterOrDigit))
            errors.Add((nameof(VehicleForm.LicensePlate), "A licence plate has only letters, digits, spaces and dashes."));
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    /// <summary>Adds a vehicle to one of this dealer's customers.</summary>
    public async Task<ServiceResult<Guid>> CreateAsync(Guid customerId, VehicleForm form)
    {
        var customer = await db.Customers.Where(c => c.Id == customerId).Select(c => new { c.Id, c.DealerId }).FirstOrDefaultAsync();
        if (customer is null) return ServiceResult.Fail("", "That customer does not exist (any more).");
        var validation = await ValidateAsync(form);
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
            if (!await db.Vehicles.AnyAsync(v => v.Vin == vehicle.Vin)) throw;
            return ServiceResult.Fail(nameof(VehicleForm.Vin), "This VIN was just registered here by someone else.");
        }
        return new ServiceResult<Guid>(vehicle.Id, ServiceResult.Ok);
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
    }

    /// <summary>Plates are stored upper case with single spaces ("MH 12 AB 1234"); search ignores spacing.</summary>
    public static string FormatPlate(string plate) =>
        string.Join(' ', plate.ToUpperInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
