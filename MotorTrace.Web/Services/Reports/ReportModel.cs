using System.Globalization;

namespace MotorTrace.Web.Services.Reports;

/// <summary>How a figure or a column's values read: on screen and as the number format of the workbook's cells.</summary>
public enum ValueFormat
{
    Count,

    /// <summary>A plain number with two decimals (stock turns).</summary>
    Number,
    Money,
    Hours,
    Percent,
    Days,
    Text,
    Date,
}

/// <summary>
/// One KPI of a report: its value (null when it cannot be worked out, e.g. nothing to divide by; <see cref="Missing"/> says
/// why), the formula it is computed with (docs/kpis.md has the same words) and the records behind it.
/// </summary>
public sealed record Figure(string Key, string Label, decimal? Value, ValueFormat Format, string Formula, string? Href = null, string? Missing = null);

/// <summary>
/// How a column is totalled: summed, or a ratio of two other columns' totals (× <see cref="ReportColumn.Factor"/>), which the
/// workbook writes as a formula over the totals row so a manager can check it.
/// </summary>
public enum TotalKind
{
    None,
    Sum,
    Ratio,
    Label,
}

/// <summary>A column of a report table; for a <see cref="TotalKind.Ratio"/> the numerator and denominator column indexes.</summary>
public sealed record ReportColumn(string Title, ValueFormat Format, TotalKind Total = TotalKind.None, int Numerator = -1, int Denominator = -1,
    decimal Factor = 1m)
{
    public static ReportColumn Text(string title) => new(title, ValueFormat.Text);
    public static ReportColumn Sum(string title, ValueFormat format) => new(title, format, TotalKind.Sum);
    public static ReportColumn Ratio(string title, ValueFormat format, int numerator, int denominator, decimal factor = 1m) =>
        new(title, format, TotalKind.Ratio, numerator, denominator, factor);
}

/// <summary>A row: its cells (string, decimal, int, DateOnly or null) and, for the first cell, the page of the record behind it.</summary>
public sealed record ReportRow(IReadOnlyList<object?> Cells, string? Href = null);

/// <summary>
/// A table of a report. <see cref="Totals"/> adds a totals row (computed here for the screen; formulas in the workbook).
/// <see cref="Shown"/> caps what the page renders for long record lists (the workbook holds every row).
/// </summary>
/// <see cref="AverageRow"/> makes that row the mean of the rows instead (the network average of a dealer comparison).
public sealed record ReportTable(string Key, string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, bool Totals = false,
    string? Note = null, int? Shown = null, bool AverageRow = false)
{
    public string TotalsLabel => AverageRow ? "Network average" : "Total";

    /// <summary>The totals row as the screen shows it and as the workbook's formulas evaluate it.</summary>
    public IReadOnlyList<object?> TotalCells()
    {
        if (AverageRow)
            return [.. Columns.Select<ReportColumn, object?>((c, i) => i == 0 ? TotalsLabel
                : c.Total == TotalKind.None ? null
                : Rows.Select(r => Kpi.AsDecimal(r.Cells[i])).Where(v => v is not null).Select(v => v!.Value).ToList() is { Count: > 0 } values
                    ? values.Average() : null)];
        var sums = Columns.Select((c, i) => c.Total is TotalKind.Sum or TotalKind.Ratio
            ? Rows.Sum(r => Kpi.AsDecimal(r.Cells[i]) ?? 0m)
            : 0m).ToArray();
        return [.. Columns.Select<ReportColumn, object?>((c, i) => c.Total switch
        {
            TotalKind.Sum => sums[i],
            TotalKind.Ratio => Kpi.Ratio(sums[c.Numerator], sums[c.Denominator]) is { } ratio ? ratio * c.Factor : null,
            TotalKind.Label => TotalsLabel,
            _ when i == 0 => TotalsLabel,
            _ => null,
        })];
    }
}

/// <summary>A simple chart the page draws from one of the report's tables: a label column and value columns.</summary>
public sealed record ReportChart(string TableKey, int LabelColumn, IReadOnlyList<int> ValueColumns, bool Line = false);

/// <summary>A report as the page shows it and the workbook writes it: headline figures, then tables.</summary>
public sealed record Report(string Name, string Title, ReportFilter Filter, string FilterText, IReadOnlyList<Figure> Figures,
    IReadOnlyList<ReportTable> Tables, ReportChart? Chart = null, string? Notice = null, string Currency = "INR");

/// <summary>A value as the page prints it: the same rounding and pattern as the workbook's number format for that column.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(object? value, ValueFormat format) => value switch
    {
        null => "",
        string text => text,
        DateOnly date => date.ToString("yyyy-MM-dd", Invariant),
        _ when Kpi.AsDecimal(value) is { } number => format switch
        {
            ValueFormat.Money or ValueFormat.Hours or ValueFormat.Number => number.ToString("#,##0.00", Invariant),
            ValueFormat.Percent => (number * 100m).ToString("0.0", Invariant) + "%",
            _ => number.ToString("#,##0", Invariant),
        },
        _ => value.ToString() ?? "",
    };
}
