using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Web.Services.Admin;

public sealed record AuditRow(Guid Id, DateTime CreatedAt, Guid? UserId, string? UserName, AuditAction Action, string EntityType,
    string? EntityId, string? DealerCode);

public sealed record AuditDetails(Guid Id, DateTime CreatedAt, Guid? UserId, string? UserName, string? UserEmail, AuditAction Action,
    string EntityType, string? EntityId, Guid? DealerId, string? DealerCode, string? DealerName, string? IpAddress, string? UserAgent,
    string? OldValues, string? NewValues)
{
    /// <summary>Every property named in either document, with its old and new value as display text.</summary>
    public IReadOnlyList<AuditChange> Changes()
    {
        var before = AuditService.ParseValues(OldValues);
        var after = AuditService.ParseValues(NewValues);
        return before.Keys.Union(after.Keys)
            .Select(name => new AuditChange(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name),
                before.GetValueOrDefault(name) != after.GetValueOrDefault(name)))
            .ToList();
    }
}

public sealed record AuditChange(string Property, string? Old, string? New, bool Changed);

public sealed record UserOption(Guid Id, string FullName, string? Email);

/// <summary>Reads the audit trail the auditing interceptor writes; nothing here changes it.</summary>
/// <remarks>Dates of the filters are days of the dealer being worked in (UTC in "All dealers"), as <see cref="DealerContext"/> shows times.</remarks>
public sealed class AuditService(IDbContextFactory<MotorTraceDbContext> dbFactory, DealerContext zone)
{
    public static readonly string[] FilterNames = ["entity", "action", "user", "from", "to"];

    private static readonly GridSortMap<AuditLog> Sorts = new GridSortMap<AuditLog>("time", SortOrder.Desc)
    {
        { "time", a => a.CreatedAt },
        { "entity", a => a.EntityType },
        { "action", a => a.Action },
    }.ThenBy(a => a.Id);

    public async Task<GridResult<AuditRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditLogs.AsNoTracking();
        if (query.Filter("entity") is { } entity) rows = rows.Where(a => a.EntityType == entity);
        if (Enum.TryParse<AuditAction>(query.Filter("action"), ignoreCase: true, out var action) && Enum.IsDefined(action))
            rows = rows.Where(a => a.Action == action);
        if (Guid.TryParse(query.Filter("user"), out var userId)) rows = rows.Where(a => a.UserId == userId);
        // Dates are days in the display time zone, "to" inclusive.
        if (ParseDate(query.Filter("from")) is { } from)
        {
            var start = zone.DayInUtc(from).Start;
            rows = rows.Where(a => a.CreatedAt >= start);
        }
        if (ParseDate(query.Filter("to")) is { } to)
        {
            var end = zone.DayInUtc(to).End;
            rows = rows.Where(a => a.CreatedAt < end);
        }
        if (query.Search is { } search)
            rows = rows.Where(a => a.EntityId == search);

        return await rows.ToGridResultAsync(query, Sorts, a => new AuditRow(
            a.Id, a.CreatedAt, a.UserId, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(),
            a.Action, a.EntityType, a.EntityId, db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.DealerCode).FirstOrDefault()));
    }

    public async Task<AuditDetails?> GetAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditLogs.AsNoTracking().Where(a => a.Id == id).Select(a => new AuditDetails(
            a.Id, a.CreatedAt, a.UserId,
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault(),
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            a.Action, a.EntityType, a.EntityId, a.DealerId,
            db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.DealerCode).FirstOrDefault(),
            db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Name).FirstOrDefault(),
            a.IpAddress, a.UserAgent, a.OldValues, a.NewValues)).FirstOrDefaultAsync();
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.AuditLogs.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync();
    }

    /// <summary>The people who appear in the audit trail, for the user filter.</summary>
    public async Task<IReadOnlyList<UserOption>> ActorsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AsNoTracking()
            .Where(u => db.AuditLogs.Any(a => a.UserId == u.Id))
            .OrderBy(u => u.FullName)
            .Select(u => new UserOption(u.Id, u.FullName, u.Email))
            .ToListAsync();
    }

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>An audit document (a JSON object of property → value) as display text per property; anything else as one "(value)" entry.</summary>
    public static Dictionary<string, string?> ParseValues(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return values;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                values["(value)"] = document.RootElement.GetRawText();
                return values;
            }
            foreach (var property in document.RootElement.EnumerateObject())
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => property.Value.GetString(),
                    _ => property.Value.GetRawText(),
                };
        }
        catch (JsonException)
        {
            values["(value)"] = json;
        }
        return values;
    }

    /// <summary>Indented JSON for the side-by-side view; text that is not JSON is shown as it is.</summary>
    public static string? Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, PrettyOptions);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions PrettyOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
