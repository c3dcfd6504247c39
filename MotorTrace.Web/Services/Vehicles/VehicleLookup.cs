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

    /// <summary>Trimmed text, or null for nothing but blanks (optional fields are stored as null, not "").</summary>
    public static string? TrimToNull(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
