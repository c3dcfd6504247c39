using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>What every service writing a record of a vehicle checks first, and how it tidies typed text.</summary>
internal static class VehicleLookup
{
    public static readonly ServiceResult Gone = ServiceResult.Fail("", "This vehicle no longer exists.");

    /// <summary>The dealer of a vehicle visible to the user; null when it is missing or another dealer's.</summary>
    public static Task<Guid?> DealerOfVehicleAsync(this MotorTraceDbContext db, Guid vehicleId) =>
        db.Vehicles.Where(v => v.Id == vehicleId).Select(v => (Guid?)v.DealerId).FirstOrDefaultAsync();

    /// <summary>
    /// A stale save of a vehicle refused, saying who changed it and when ("changed by Priya Nair at 14:05"), so the
    /// person whose input is kept on screen knows what to look at.
    /// </summary>
    public static async Task<ServiceResult> StaleAsync(this MotorTraceDbContext db, Guid vehicleId, DealerContext dealer)
    {
        db.ChangeTracker.Clear();
        var change = await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId)
            .Select(v => new { v.UpdatedAt, By = db.Users.Where(u => u.Id == v.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (change is null) return Gone;
        await dealer.LoadAsync();
        var at = dealer.ToLocal(change.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        return ServiceResult.Fail("",
            $"This vehicle was changed by {change.By ?? "someone else"} at {at} while you were working on it. Your input is kept: reload to see their change, then save again.");
    }

    /// <summary>Trimmed text, or null for nothing but blanks (optional fields are stored as null, not "").</summary>
    public static string? TrimToNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
