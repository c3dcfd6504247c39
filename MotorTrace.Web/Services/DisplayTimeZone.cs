using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;

namespace MotorTrace.Web.Services;

/// <summary>
/// The time zone pages show times in: the dealer being worked in, or UTC when a manufacturer user looks
/// at all dealers. Looked up once per request.
/// </summary>
public sealed class DisplayTimeZone(MotorTraceDbContext db, TimeProvider clock)
{
    private TimeZoneInfo? _zone;

    public TimeZoneInfo Zone => _zone ??= Resolve();

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instants at which a local day starts and ends.</summary>
    public (DateTime Start, DateTime End) DayInUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));

    /// <summary>
    /// Looks the zone up ahead of rendering. The layout calls it before the page renders, because the lazy lookup
    /// is a synchronous query that must not run while the page's own query is still under way.
    /// </summary>
    public async Task LoadAsync()
    {
        if (_zone is not null) return;
        var id = db.DealerScope is { } dealerId
            ? await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.TimeZoneId).FirstOrDefaultAsync()
            : null;
        _zone = Find(id);
    }

    private TimeZoneInfo Resolve() =>
        Find(db.DealerScope is { } dealerId ? db.Dealers.Where(d => d.Id == dealerId).Select(d => d.TimeZoneId).FirstOrDefault() : null);

    private static TimeZoneInfo Find(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
