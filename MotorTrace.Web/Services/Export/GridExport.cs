using System.Globalization;
using ClosedXML.Excel;

namespace MotorTrace.Web.Services.Export;

/// <summary>How a column's cells are typed and formatted in the workbook.</summary>
public enum ExportFormat
{
    Text,
    Integer,
    Decimal,

    /// <summary>A decimal amount with two places and thousands separators; the workbook sums it in a totals row.</summary>
    Money,

    /// <summary>A date (the value is a <see cref="DateOnly"/> or a local <see cref="DateTime"/>).</summary>
    Date,

    /// <summary>A local date and time (already in the dealer's zone).</summary>
    DateTime,
}

/// <summary>One column of an export: its header, the typed value of a row, and its format.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value, ExportFormat Format = ExportFormat.Text);

/// <summary>What the workbook says above its table: a title, when and by whom it was made, and the filters it holds.</summary>
public sealed record ExportHeading(string Title, DateTime GeneratedAtLocal, string TimeZone, string? GeneratedBy, IReadOnlyList<(string Name, string Value)> Filters);

/// <summary>
/// Any list of the app as an Excel workbook, the way a person would build it by hand (ADR-022): a heading (title,
/// generated at, filters), a bold header row that stays put, typed cells (numbers, dates, money with two places),
/// an auto-filter, column widths that fit, and a totals row that sums each money column with a formula. A list page
/// declares its columns once and hands over the same rows its grid's filters select.
/// </summary>
/// <remarks>
/// Column widths are measured here from the text each cell shows rather than with ClosedXML's AdjustToContents(),
/// which needs libgdiplus on Linux. Lists are capped by the caller (ClosedXML holds the whole workbook in memory);
/// an unbounded list would stream with OpenXmlWriter behind the same signature.
/// </remarks>
public static class GridExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MoneyFormat = "#,##0.00";
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";

    /// <summary>The row of the column headers (1-based); the heading sits above it.</summary>
    public const int HeaderRow = 5;

    private const double MinWidth = 6, MaxWidth = 60;

    public static byte[] Write<T>(ExportHeading heading, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string sheetName = "List")
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(sheetName);
        sheet.Cell(1, 1).Value = heading.Title;
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).Value = $"Generated {heading.GeneratedAtLocal:yyyy-MM-dd HH:mm} ({heading.TimeZone})"
                                 + (heading.GeneratedBy is null ? "" : $" by {heading.GeneratedBy}");
        sheet.Cell(3, 1).Value = heading.Filters.Count == 0 ? "No filters" : "Filters: " + string.Join("; ", heading.Filters.Select(f => $"{f.Name}: {f.Value}"));

        var widths = columns.Select(c => (double)c.Header.Length).ToArray();
        for (var c = 0; c < columns.Count; c++) sheet.Cell(HeaderRow, c + 1).Value = columns[c].Header;
        var header = sheet.Range(HeaderRow, 1, HeaderRow, columns.Count);
        header.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#E8EAF6"));

        var row = HeaderRow;
        foreach (var item in rows)
        {
            row++;
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                var shown = SetValue(cell, columns[c].Value(item), columns[c].Format);
                widths[c] = Math.Max(widths[c], shown.Length);
            }
        }
        var lastDataRow = row;

        if (lastDataRow > HeaderRow) sheet.Range(HeaderRow, 1, lastDataRow, columns.Count).SetAutoFilter();
        else header.SetAutoFilter();

        if (columns.Any(c => c.Format == ExportFormat.Money))
        {
            var totals = lastDataRow + 1;
            sheet.Cell(totals, 1).Value = "Total";
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Format != ExportFormat.Money) continue;
                var cell = sheet.Cell(totals, c + 1);
                cell.FormulaA1 = lastDataRow > HeaderRow
                    ? $"SUM({sheet.Cell(HeaderRow + 1, c + 1).Address.ToStringRelative()}:{sheet.Cell(lastDataRow, c + 1).Address.ToStringRelative()})"
                    : "0";
                cell.Style.NumberFormat.Format = MoneyFormat;
            }
            var totalsRow = sheet.Range(totals, 1, totals, columns.Count);
            totalsRow.Style.Font.SetBold().Border.SetTopBorder(XLBorderStyleValues.Thin);
        }

        for (var c = 0; c < columns.Count; c++) sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, MinWidth, MaxWidth);
        sheet.SheetView.FreezeRows(HeaderRow);

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Writes a typed value and returns the text it shows (for the column width).</summary>
    private static string SetValue(IXLCell cell, object? value, ExportFormat format)
    {
        switch (value)
        {
            case null:
                return "";
            case DateOnly date:
                cell.Value = date.ToDateTime(TimeOnly.MinValue);
                cell.Style.DateFormat.Format = DateFormat;
                return "0000-00-00";
            case DateTime time:
                cell.Value = time;
                cell.Style.DateFormat.Format = format == ExportFormat.Date ? DateFormat : DateTimeFormat;
                return format == ExportFormat.Date ? "0000-00-00" : "0000-00-00 00:00";
            case decimal or int or long or double:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                cell.Value = number;
                if (format is ExportFormat.Money or ExportFormat.Decimal) cell.Style.NumberFormat.Format = MoneyFormat;
                else if (format == ExportFormat.Integer) cell.Style.NumberFormat.Format = "#,##0";
                return number.ToString(format == ExportFormat.Integer ? "N0" : "N2", CultureInfo.InvariantCulture);
            default:
                var text = value.ToString() ?? "";
                // Text that starts like a formula stays text (no formula injection from a customer's name).
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
                return text;
        }
    }
}
