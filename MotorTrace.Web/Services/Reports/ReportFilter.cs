using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace MotorTrace.Web.Services.Reports;

public enum Grouping
{
    Day,
    Week,
    Month,
}

/// <summary>
/// What a report covers, as it travels in the address (<c>from</c>, <c>to</c>, <c>group</c>, <c>days</c>, repeated <c>dealer</c>):
/// a period of the dealer's calendar days (both ends included), how the period is cut into rows, the comeback window and,
/// for the manufacturer's team, the dealers compared (none named: every dealer they see).
/// </summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, Grouping Group = Grouping.Month, int ComebackDays = Kpi.DefaultComebackDays)
{
    public const int MaxDays = 366;

    public IReadOnlyList<Guid> Dealers { get; init; } = [];

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    /// <summary>The month so far: what a report opens with.</summary>
    public static ReportFilter MonthToDate(DateOnly today) =>
        new(new DateOnly(today.Year, today.Month, 1), today, GroupingFor(new DateOnly(today.Year, today.Month, 1), today));

    /// <summary>Rows a manager can read at a glance: days up to a fortnight, weeks up to a quarter, then months.</summary>
    public static Grouping GroupingFor(DateOnly from, DateOnly to) =>
        (to.DayNumber - from.DayNumber) switch { < 14 => Grouping.Day, < 92 => Grouping.Week, _ => Grouping.Month };

    /// <summary>Reads the address; a value that does not parse is reported for its field and the default kept.</summary>
    public static (ReportFilter Filter, IReadOnlyList<(string Field, string Message)> Errors) Parse(IQueryCollection query, DateOnly today)
    {
        var errors = new List<(string, string)>();
        var fallback = MonthToDate(today);
        var from = Date(query["from"], "from", fallback.From, errors);
        var to = Date(query["to"], "to", fallback.To, errors);
        if (to < from) errors.Add(("to", "The end date must be on or after the start date."));
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays) errors.Add(("to", $"Choose at most {MaxDays} days; export a year at a time."));
        var group = Enum.TryParse<Grouping>(query["group"], true, out var g) ? g : GroupingFor(from, to);
        var days = Kpi.DefaultComebackDays;
        if (query["days"].ToString() is { Length: > 0 } text)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 365) days = n;
            else errors.Add(("days", "Enter a comeback window of 1 to 365 days."));
        }
        var dealers = query["dealer"].Select(d => Guid.TryParse(d, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (errors.Count > 0 && (to < from || to.DayNumber - from.DayNumber + 1 > MaxDays)) (from, to) = (fallback.From, fallback.To);
        return (new ReportFilter(from, to, group, days) { Dealers = dealers }, errors);
    }

    private static DateOnly Date(string? text, string field, DateOnly fallback, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add((field, "Enter a date as YYYY-MM-DD."));
        return fallback;
    }

    /// <summary>The query string of this filter (no leading ?), for links between reports and to the workbook.</summary>
    public string ToQuery()
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("from", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("to", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("group", Group.ToString().ToLowerInvariant()),
        };
        if (ComebackDays != Kpi.DefaultComebackDays) pairs.Add(new("days", ComebackDays.ToString(CultureInfo.InvariantCulture)));
        pairs.AddRange(Dealers.Select(d => new KeyValuePair<string, string?>("dealer", d.ToString())));
        return QueryString.Create(pairs).Value!.TrimStart('?');
    }

    /// <summary>The first day of the period row <paramref name="day"/> falls in (weeks start on Monday).</summary>
    public DateOnly PeriodOf(DateOnly day) => Group switch
    {
        Grouping.Month => new DateOnly(day.Year, day.Month, 1),
        Grouping.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => day,
    };

    /// <summary>Every period of the range in order, so a period with nothing in it still shows as a row of zeros.</summary>
    public IEnumerable<DateOnly> Periods()
    {
        for (var period = PeriodOf(From); period <= To; period = Group switch
             {
                 Grouping.Month => period.AddMonths(1),
                 Grouping.Week => period.AddDays(7),
                 _ => period.AddDays(1),
             })
            yield return period;
    }

    public string PeriodLabel(DateOnly period) => Group switch
    {
        Grouping.Month => period.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        Grouping.Week => "Week of " + period.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        _ => period.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture),
    };

    public string Describe() => $"{From.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}, by {Group.ToString().ToLowerInvariant()}";
}
