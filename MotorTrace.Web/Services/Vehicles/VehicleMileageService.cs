using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>An odometer reading as the desk enters it; it is recorded now.</summary>
public sealed class MileageEntryForm
{
    [Required(ErrorMessage = "Enter the odometer reading.")]
    [Range(0, 2_000_000, ErrorMessage = "Enter the odometer reading in km (0 to 2,000,000).")]
    public int? Mileage { get; set; }

    [Range(typeof(decimal), "0.01", "500", ErrorMessage = "Enter the fuel used in litres (up to 500).")]
    public decimal? FuelUsed { get; set; }

    /// <summary>Left empty, it is the difference to the previous reading.</summary>
    [Range(0, 100_000, ErrorMessage = "Enter the distance in km (0 to 100,000).")]
    public int? Distance { get; set; }

    [StringLength(200, ErrorMessage = "Keep the location under 200 characters.")]
    public string? LocationName { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }

    /// <summary>A manager records a reading lower than the last one as an odometer correction.</summary>
    public bool IsOdometerCorrection { get; set; }
}

/// <summary>The reading every new one is compared with.</summary>
public sealed record LastReading(int Mileage, DateTime At);

/// <summary>The running totals of a vehicle (<see cref="VehicleMileage"/>), or the log's newest reading when there are none.</summary>
public sealed record MileageSummary(LastReading? Last, int TotalDistance, decimal? TotalFuelUsed, decimal? AverageEfficiency, int Entries);

public sealed record MileageEntryRow(
    Guid Id, DateTime RecordedAt, int Mileage, decimal? FuelUsed, int? Distance, decimal? Efficiency, string? LocationName,
    string? Notes, string? RecordedBy, bool IsOdometerCorrection, string? CorrectionApprovedBy);

/// <summary>
/// The mileage log of a vehicle: readings never go backwards unless a manager records an odometer correction,
/// and the running totals (<see cref="VehicleMileage"/>) are recomputed from the log in the same save.
/// </summary>
public sealed class VehicleMileageService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext zone, TimeProvider clock)
{
    public static readonly GridSortMap<MileageEntry> Sorts = CreateSorts();

    private static GridSortMap<MileageEntry> CreateSorts()
    {
        var sorts = new GridSortMap<MileageEntry>("date", SortOrder.Desc);
        sorts.Add("date", e => e.RecordedAt);
        sorts.Add("mileage", e => e.Mileage);
        sorts.ThenBy(e => e.Id);
        return sorts;
    }

    public async Task<MileageSummary> GetSummaryAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var totals = await db.VehicleMileages.AsNoTracking().Where(m => m.VehicleId == vehicleId)
            .Select(m => new { m.CurrentMileage, m.LastUpdated, m.TotalDistance, m.TotalFuelUsed, m.AverageEfficiency })
            .FirstOrDefaultAsync();
        if (totals is not null)
        {
            var newest = await db.MileageEntries.AsNoTracking().Where(e => e.VehicleId == vehicleId)
                .OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
                .Select(e => new { e.Mileage, e.RecordedAt, Count = db.MileageEntries.Count(x => x.VehicleId == vehicleId) })
                .FirstOrDefaultAsync();
            var last = Newer(
                totals.CurrentMileage == 0 && newest is null ? null : new LastReading(totals.CurrentMileage, totals.LastUpdated),
                newest is null ? null : new LastReading(newest.Mileage, newest.RecordedAt));
            return new MileageSummary(last, totals.TotalDistance, totals.TotalFuelUsed, totals.AverageEfficiency, newest?.Count ?? 0);
        }

        // A log kept before the running totals existed (imported, or written elsewhere): total it here.
        var entries = await LogAsync(db, vehicleId);
        var (distance, fuel, efficiency) = Totals(entries);
        var latest = entries.OrderByDescending(e => e.At).FirstOrDefault();
        return new MileageSummary(latest is null ? null : new LastReading(latest.Mileage, latest.At), distance, fuel, efficiency, entries.Count);
    }

    public async Task<GridResult<MileageEntryRow>> ListAsync(Guid vehicleId, GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.MileageEntries.AsNoTracking().Where(e => e.VehicleId == vehicleId).ToGridResultAsync(query, Sorts, e => new MileageEntryRow(
            e.Id, e.RecordedAt, e.Mileage, e.FuelUsed, e.Distance, e.Efficiency, e.LocationName, e.Notes,
            db.Users.Where(u => u.Id == e.RecordedById).Select(u => u.FullName).FirstOrDefault(),
            e.IsOdometerCorrection,
            db.Users.Where(u => u.Id == e.CorrectionApprovedById).Select(u => u.FullName).FirstOrDefault()), cancellationToken);
    }

    /// <summary>
    /// Records a reading. One lower than the last reading is refused, unless <paramref name="mayApproveCorrection"/>
    /// (the DealerManagement policy) and the form marks it as an odometer correction.
    /// </summary>
    public async Task<ServiceResult> AddAsync(Guid vehicleId, MileageEntryForm form, bool mayApproveCorrection)
    {
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        if (user.UserId is not { } userId) return ServiceResult.Fail("", "Sign in again to record a reading.");
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.DealerOfVehicleAsync(vehicleId) is not { } dealerId) return VehicleLookup.Gone;
        if (form.Mileage is not { } reading || reading < 0) return ServiceResult.Fail(nameof(MileageEntryForm.Mileage), "Enter the odometer reading.");

        var totals = await db.VehicleMileages.FirstOrDefaultAsync(m => m.VehicleId == vehicleId);
        var entries = await LogAsync(db, vehicleId);
        var newest = entries.OrderByDescending(e => e.At).Select(e => new LastReading(e.Mileage, e.At)).FirstOrDefault();
        // A vehicle entered without an odometer reading has a zero total and no log: there is no previous reading.
        var last = Newer(totals is null || (totals.CurrentMileage == 0 && entries.Count == 0) ? null : new LastReading(totals.CurrentMileage, totals.LastUpdated), newest);

        var lower = last is not null && reading < last.Mileage;
        if (lower && !(form.IsOdometerCorrection && mayApproveCorrection))
        {
            await zone.LoadAsync();
            var message = $"The last reading was {VehicleDisplay.Km(last!.Mileage)} on {Day(last.At)}; a lower reading needs a manager's odometer correction.";
            if (mayApproveCorrection) message += " Tick “Odometer correction” to record it as one.";
            return ServiceResult.Fail(nameof(MileageEntryForm.Mileage), message);
        }
        if (form.IsOdometerCorrection && !mayApproveCorrection)
            return ServiceResult.Fail(nameof(MileageEntryForm.IsOdometerCorrection), "Only a manager can approve an odometer correction.");
        if (form.IsOdometerCorrection && !lower)
            return ServiceResult.Fail(nameof(MileageEntryForm.IsOdometerCorrection),
                $"This reading is not lower than the last one ({VehicleDisplay.Km(last?.Mileage ?? 0)}), so it is not a correction: untick the box.");

        var now = clock.GetUtcNow().UtcDateTime;
        // After a correction the difference to the wrong reading means nothing: distance unknown unless typed in.
        var distance = form.Distance ?? (last is null || lower ? null : reading - last.Mileage);
        var fuel = form.FuelUsed is > 0 ? Math.Round(form.FuelUsed.Value, 2) : (decimal?)null;
        var entry = new MileageEntry
        {
            DealerId = dealerId,
            VehicleId = vehicleId,
            RecordedById = userId,
            Mileage = reading,
            FuelUsed = fuel,
            Distance = distance,
            Efficiency = Efficiency(distance, fuel),
            LocationName = form.LocationName.TrimToNull(),
            Notes = form.Notes.TrimToNull(),
            RecordedAt = now,
            IsOdometerCorrection = lower,
            CorrectionApprovedById = lower ? userId : null,
        };
        db.MileageEntries.Add(entry);

        if (totals is null)
        {
            totals = new VehicleMileage { DealerId = dealerId, VehicleId = vehicleId };
            db.VehicleMileages.Add(totals);
        }
        entries.Add(new LoggedReading(entry.Mileage, entry.RecordedAt, entry.Distance, entry.FuelUsed));
        Recompute(totals, entries, entry, now);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two desks created the running totals of the same vehicle at once (unique VehicleId).
            db.ChangeTracker.Clear();
            return ServiceResult.Fail("", "Someone else recorded a reading for this vehicle at the same moment. Check the log and enter yours again.");
        }
        return ServiceResult.Ok;
    }

    /// <summary>Distance per litre, or null when either is unknown or zero.</summary>
    public static decimal? Efficiency(int? distance, decimal? fuel) =>
        distance is > 0 && fuel is > 0 ? Math.Round(distance.Value / fuel.Value, 3) : null;

    private sealed record LoggedReading(int Mileage, DateTime At, int? Distance, decimal? Fuel);

    private static async Task<List<LoggedReading>> LogAsync(MotorTraceDbContext db, Guid vehicleId) =>
        await db.MileageEntries.AsNoTracking().Where(e => e.VehicleId == vehicleId)
            .Select(e => new LoggedReading(e.Mileage, e.RecordedAt, e.Distance, e.FuelUsed)).ToListAsync();

    /// <summary>
    /// Totals from the whole log, so a correction or a reading logged elsewhere never leaves them adrift. The average
    /// efficiency counts only readings with both distance and fuel, or fill-ups without a distance would skew it.
    /// </summary>
    private static (int Distance, decimal? Fuel, decimal? Efficiency) Totals(IReadOnlyCollection<LoggedReading> entries)
    {
        var distance = entries.Sum(e => e.Distance is > 0 ? e.Distance.Value : 0);
        var fuelled = entries.Where(e => e.Fuel is > 0).ToList();
        var measured = fuelled.Where(e => e.Distance is > 0).ToList();
        return (distance,
            fuelled.Count == 0 ? null : fuelled.Sum(e => e.Fuel!.Value),
            measured.Count == 0 ? null : Math.Round(measured.Sum(e => e.Distance!.Value) / measured.Sum(e => e.Fuel!.Value), 3));
    }

    private static void Recompute(VehicleMileage totals, List<LoggedReading> entries, MileageEntry latest, DateTime now)
    {
        totals.CurrentMileage = latest.Mileage;
        (totals.TotalDistance, totals.TotalFuelUsed, totals.AverageEfficiency) = Totals(entries);
        totals.LastUpdated = now;
        if (latest.LocationName is not null) totals.LastLocationName = latest.LocationName;
    }

    private static LastReading? Newer(LastReading? a, LastReading? b) =>
        a is null ? b : b is null ? a : b.At > a.At ? b : a;

    private string Day(DateTime utc)
    {
        var local = zone.ToLocal(utc);
        return local.ToString(local.Year == zone.Today.Year ? "d MMM" : "d MMM yyyy", CultureInfo.InvariantCulture);
    }
}
