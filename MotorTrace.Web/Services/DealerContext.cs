using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services;

public sealed record DealerChoice(Guid Id, string DealerCode, string Name);

/// <summary>A dealer's code and currency, for rows of a list that spans every dealer.</summary>
public sealed record DealerLabel(string Code, string Currency);

/// <summary>
/// The dealer being worked in, read once per scope (a request or a whole circuit) instead of on every page: code,
/// name, currency and time zone. A manufacturer user in "All dealers" has no dealer: times show in UTC and money in
/// the network's default currency unless a row brings its own.
/// </summary>
public sealed class DealerContext(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public static readonly string DefaultCurrency = new DealerSettings().CurrencyCode;

    private Guid? _loadedFor;
    private bool _loaded;

    public Guid? DealerId => user.DealerScope is { } id && id != Guid.Empty ? id : null;
    public string? Code { get; private set; }
    public string? Name { get; private set; }
    public string Currency { get; private set; } = DefaultCurrency;
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>Dealers a manufacturer user can switch between; empty for everyone else.</summary>
    public IReadOnlyList<DealerChoice> Dealers { get; private set; } = [];

    /// <summary>The layout calls this before it renders a page, so components below read the properties synchronously.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_loaded && _loadedFor == DealerId) return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (DealerId is { } dealerId)
        {
            var profile = await db.Dealers.AsNoTracking()
                .Where(d => d.Id == dealerId)
                .Select(d => new
                {
                    d.DealerCode, d.Name, d.TimeZoneId,
                    Currency = db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.CurrencyCode).FirstOrDefault(),
                })
                .FirstOrDefaultAsync(cancellationToken);
            Code = profile?.DealerCode;
            Name = profile?.Name;
            Currency = profile?.Currency ?? DefaultCurrency;
            TimeZone = profile is not null && TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;
        }
        if (user.IsManufacturer)
            Dealers = await db.Dealers.AsNoTracking().OrderBy(d => d.DealerCode).Select(d => new DealerChoice(d.Id, d.DealerCode, d.Name)).ToListAsync(cancellationToken);
        _loadedFor = DealerId;
        _loaded = true;
    }

    /// <summary>Reads the profile again, after the dealer's settings changed in this scope.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        _loaded = false;
        return LoadAsync(cancellationToken);
    }

    /// <summary>Every dealer's code and currency by id, read once for a list that spans dealers.</summary>
    public static Task<Dictionary<Guid, DealerLabel>> LabelsAsync(MotorTraceDbContext db, CancellationToken cancellationToken = default) =>
        db.Dealers.AsNoTracking()
            .Select(d => new
            {
                d.Id, d.DealerCode, Currency = db.DealerSettings.Where(s => s.DealerId == d.Id).Select(s => s.CurrencyCode).FirstOrDefault(),
            })
            .ToDictionaryAsync(d => d.Id, d => new DealerLabel(d.DealerCode, d.Currency ?? DefaultCurrency), cancellationToken);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instants at which a local day starts and ends.</summary>
    public (DateTime Start, DateTime End) DayInUtc(DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue)), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
}
