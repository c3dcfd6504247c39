using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>One row of the vehicle list.</summary>
public sealed record VehicleRow(Guid Id, Guid DealerId, string? Plate, string Vin, int Year, string Make, string Model, string? Color,
    VehicleStatus Status, Guid CustomerId, string Owner, int? Odometer, DateOnly? LastService, DateTime CreatedAt)
{
    /// <summary>Filled when the list spans every dealer (a manufacturer user in "All dealers").</summary>
    public string? DealerCode { get; init; }
}

/// <summary>
/// The vehicle list (<c>/vehicles</c>) and its export: every vehicle of the dealer with its owner, odometer and last service,
/// searched by plate, VIN, make, model or owner, filtered by make and status.
/// </summary>
public sealed class VehicleListService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user)
{
    /// <summary><c>make</c> (exact make) and <c>status</c> (active, sold, scrapped …; default every status).</summary>
    public static readonly string[] FilterNames = ["make", "status"];

    private static readonly GridSortMap<Vehicle> Sorts = new GridSortMap<Vehicle>("plate")
    {
        { "plate", v => v.LicensePlateNormalized },
        { "vehicle", v => v.Make },
        { "year", v => v.Year },
        { "owner", v => v.Customer.Name },
        { "added", v => v.CreatedAt },
    }.ThenBy(v => v.Vin).ThenBy(v => v.Id);

    public bool AllDealers => user.IsManufacturer && user.DealerScope is null;

    public async Task<GridResult<VehicleRow>> ListAsync(GridQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await Filtered(db, query).ToGridResultAsync(query, Sorts, ToRow, ct);
        var codes = result.Items.Count > 0 ? await DealerCodesAsync(db, ct) : null;
        return result with { Items = [.. result.Items.Select(r => r with { DealerCode = codes?.GetValueOrDefault(r.DealerId) })] };
    }

    /// <summary>Every vehicle the list's search and filters select, in its order (all pages), as the export streams them.</summary>
    public async IAsyncEnumerable<VehicleRow> AllRowsAsync(GridQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var codes = await DealerCodesAsync(db, ct);
        var (key, direction) = Sorts.Resolve(query.Sort, query.Direction);
        await foreach (var row in Sorts.Apply(Filtered(db, query), key, direction).Select(ToRow).AsAsyncEnumerable().WithCancellation(ct))
            yield return row with { DealerCode = codes?.GetValueOrDefault(row.DealerId) };
    }

    /// <summary>The makes of the dealer's vehicles, for the filter.</summary>
    public async Task<IReadOnlyList<string>> MakesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Scoped(db).Select(v => v.Make).Distinct().OrderBy(m => m).ToListAsync(ct);
    }

    /// <summary>The list's filters in words, for the export's header.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(GridQuery query)
    {
        var parts = new List<(string, string)>();
        if (query.Search is { } search) parts.Add(("Search", search));
        if (query.Filter("make") is { } make) parts.Add(("Make", make));
        if (StatusOf(query) is { } status) parts.Add(("Status", status.ToString()));
        return parts;
    }

    private IQueryable<Vehicle> Scoped(MotorTraceDbContext db)
    {
        var vehicles = db.Vehicles.AsNoTracking();
        // The plain equality beside the tenancy filter lets the database seek the dealer's rows (as in CustomerService.Matching).
        return user.DealerScope is { } dealerId ? vehicles.Where(v => v.DealerId == dealerId) : vehicles;
    }

    private IQueryable<Vehicle> Filtered(MotorTraceDbContext db, GridQuery query)
    {
        var vehicles = Scoped(db);
        if (query.Filter("make") is { } make) vehicles = vehicles.Where(v => v.Make == make);
        if (StatusOf(query) is { } status) vehicles = vehicles.Where(v => v.Status == status);
        if (query.Search is { } search && search.Trim() is { Length: > 0 } term)
        {
            var text = term.ToLowerInvariant();
            var plate = SearchNormalization.LicensePlate(term);
            vehicles = plate is null
                ? vehicles.Where(v => v.Make.ToLower().Contains(text) || v.Model.ToLower().Contains(text) || v.Customer.Name.ToLower().Contains(text))
                : vehicles.Where(v => (v.LicensePlateNormalized != null && v.LicensePlateNormalized.Contains(plate)) || v.Vin.Contains(plate)
                                      || v.Make.ToLower().Contains(text) || v.Model.ToLower().Contains(text) || v.Customer.Name.ToLower().Contains(text));
        }
        return vehicles;
    }

    private static VehicleStatus? StatusOf(GridQuery query) =>
        Enum.TryParse<VehicleStatus>(query.Filter("status"), ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    private async Task<Dictionary<Guid, string>?> DealerCodesAsync(MotorTraceDbContext db, CancellationToken ct) => AllDealers
        ? await db.Dealers.AsNoTracking().Select(d => new { d.Id, d.DealerCode }).ToDictionaryAsync(d => d.Id, d => d.DealerCode, ct)
        : null;

    private static readonly Expression<Func<Vehicle, VehicleRow>> ToRow = v => new VehicleRow(
        v.Id, v.DealerId, v.LicensePlate, v.Vin, v.Year, v.Make, v.Model, v.Color, v.Status, v.CustomerId, v.Customer.Name,
        v.Mileage == null ? null : v.Mileage.CurrentMileage,
        v.ServiceHistory.Max(h => (DateOnly?)h.ServiceDate),
        v.CreatedAt);
}
