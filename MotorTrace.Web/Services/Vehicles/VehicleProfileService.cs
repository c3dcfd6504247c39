using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>How the car is driven and how its owner wants to hear from the workshop.</summary>
public sealed class VehicleProfileForm
{
    public DrivingCondition DrivingCondition { get; set; } = DrivingCondition.Normal;

    [Range(0, 2000, ErrorMessage = "Enter the average daily distance in km (0 to 2,000).")]
    public int? AverageDailyMileage { get; set; }

    [StringLength(100, ErrorMessage = "Keep the primary use under 100 characters.")]
    public string? PrimaryUse { get; set; }

    [StringLength(50, ErrorMessage = "Keep the engine under 50 characters.")]
    public string? EngineType { get; set; }

    [StringLength(50, ErrorMessage = "Keep the transmission under 50 characters.")]
    public string? TransmissionType { get; set; }

    [StringLength(50, ErrorMessage = "Keep the fuel under 50 characters.")]
    public string? FuelType { get; set; }

    public ServiceInterval PreferredServiceInterval { get; set; } = ServiceInterval.Standard;

    public bool NotifyEmail { get; set; }
    public bool NotifySms { get; set; }
    public bool NotifyWhatsApp { get; set; }
    public bool NotifyPush { get; set; }

    /// <summary>
    /// The profile's last change (UTC ticks) when the form was loaded; null when the vehicle had no profile yet.
    /// The profile has no version column, so its update stamp stands in for one.
    /// </summary>
    public long? Stamp { get; set; }
}

/// <summary>The profile as the page shows it; <see cref="Exists"/> is false until it is first saved.</summary>
public sealed record VehicleProfileView(VehicleProfileForm Form, bool Exists, DateTime? UpdatedAt, string? UpdatedBy);

/// <summary>The driving profile of a vehicle (<see cref="VehicleProfile"/>, 1:1), created on its first save.</summary>
public sealed class VehicleProfileService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user)
{
    public static readonly IReadOnlyList<string> PrimaryUses =
        ["Daily commute", "City driving", "Family and weekend trips", "Business travel", "Company fleet", "Taxi / ride-hailing", "Delivery"];

    public static readonly IReadOnlyList<string> Transmissions = ["Manual", "Automatic", "DSG", "CVT", "AMT"];

    public static readonly IReadOnlyList<string> Fuels = ["Petrol", "Diesel", "CNG", "LPG", "Hybrid", "Electric"];

    public async Task<VehicleProfileView> GetAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.VehicleProfiles.AsNoTracking().Where(p => p.VehicleId == vehicleId)
            .Select(p => new
            {
                p.DrivingCondition,
                p.AverageDailyMileage,
                p.PrimaryUse,
                p.EngineType,
                p.TransmissionType,
                p.FuelType,
                p.PreferredServiceInterval,
                p.NotificationPreferences,
                p.UpdatedAt,
                UpdatedBy = db.Users.Where(u => u.Id == p.UpdatedById).Select(u => u.FullName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (stored is null) return new VehicleProfileView(new VehicleProfileForm(), false, null, null);
        bool Has(string channel) => stored.NotificationPreferences.Contains(channel, StringComparer.OrdinalIgnoreCase);
        return new VehicleProfileView(new VehicleProfileForm
        {
            DrivingCondition = stored.DrivingCondition,
            AverageDailyMileage = stored.AverageDailyMileage,
            PrimaryUse = stored.PrimaryUse,
            EngineType = stored.EngineType,
            TransmissionType = stored.TransmissionType,
            FuelType = stored.FuelType,
            PreferredServiceInterval = stored.PreferredServiceInterval,
            NotifyEmail = Has("email"),
            NotifySms = Has("sms"),
            NotifyWhatsApp = Has("whatsapp"),
            NotifyPush = Has("push"),
            Stamp = stored.UpdatedAt.Ticks,
        }, true, stored.UpdatedAt, stored.UpdatedBy);
    }

    /// <summary>Saves the profile, creating it on the first save; refuses when someone else saved it since the form was loaded.</summary>
    public async Task<ServiceResult> SaveAsync(Guid vehicleId, VehicleProfileForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.DealerOfVehicleAsync(vehicleId) is not { } dealerId) return VehicleLookup.Gone;
        if (!Enum.IsDefined(form.DrivingCondition)) return ServiceResult.Fail(nameof(form.DrivingCondition), "Choose a driving condition.");
        if (!Enum.IsDefined(form.PreferredServiceInterval)) return ServiceResult.Fail(nameof(form.PreferredServiceInterval), "Choose a service interval.");

        var profile = await db.VehicleProfiles.FirstOrDefaultAsync(p => p.VehicleId == vehicleId);
        if (profile is null)
        {
            if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
            profile = new VehicleProfile { DealerId = dealerId, VehicleId = vehicleId };
            db.VehicleProfiles.Add(profile);
        }
        else if (profile.UpdatedAt.Ticks != form.Stamp)
            return ServiceResult.Conflict("vehicle profile");

        profile.DrivingCondition = form.DrivingCondition;
        profile.AverageDailyMileage = form.AverageDailyMileage;
        profile.PrimaryUse = form.PrimaryUse.TrimToNull();
        profile.EngineType = form.EngineType.TrimToNull();
        profile.TransmissionType = form.TransmissionType.TrimToNull();
        profile.FuelType = form.FuelType.TrimToNull();
        profile.PreferredServiceInterval = form.PreferredServiceInterval;
        // Channels this form does not offer (set elsewhere, e.g. by the portal) are kept as they are.
        var chosen = new Dictionary<string, bool>
        {
            ["email"] = form.NotifyEmail,
            ["sms"] = form.NotifySms,
            ["whatsapp"] = form.NotifyWhatsApp,
            ["push"] = form.NotifyPush,
        };
        profile.NotificationPreferences =
        [
            .. profile.NotificationPreferences.Where(c => !chosen.ContainsKey(c.ToLowerInvariant())),
            .. chosen.Where(c => c.Value).Select(c => c.Key),
        ];
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two first saves at once: the unique VehicleId index keeps one.
            db.ChangeTracker.Clear();
            return ServiceResult.Conflict("vehicle profile");
        }
        return ServiceResult.Ok;
    }
}
