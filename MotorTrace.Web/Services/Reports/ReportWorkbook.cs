using System.Globalization;
using ClosedXML.Excel;

namespace MotorTrace.Web.Services.Reports;

/// <summary>
/// A report as a formatted workbook (ADR-022: ClosedXML for reports): a summary sheet with the figures and their formulas,
/// then a sheet per table with the filters and the generation time on top, a bold frozen header with an auto-filter, typed
/// cells with number formats, and the totals row as formulas (SUM, AVERAGE, the ratio of two totals) so a manager can check
/// them. What the page shows is exactly what the cells hold: the same values, the same formats.
/// </summary>
public static class ReportWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first row of a table's header and data (rows above hold the title, filters and generation time).</summary>
    public const int HeaderRow = 5;

    public static string FileName(Report report, DateTime generatedLocal) =>
        $"{report.Name}-{report.Filter.From:yyyyMMdd}-{report.Filter.To:yyyyMMdd}-{generatedLocal:yyyyMMddHHmm}.xlsx";

    public static void Write(Report report, DateTime generatedLocal, Stream output)
    {
        using var workbook = new XLWorkbook();
        var generated = $"Generated {generatedLocal.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture)}";

        var summary = workbook.Worksheets.Add("Summary");
        Heading(summary, report, generated);
        summary.Cell(HeaderRow, 1).Value = "Figure";
        summary.Cell(HeaderRow, 2).Value = "Value";
        summary.Cell(HeaderRow, 3).Value = "Formula";
        summary.Range(HeaderRow, 1, HeaderRow, 3).Style.Font.Bold = true;
        var row = HeaderRow + 1;
        foreach (var figure in report.Figures)
        {
            summary.Cell(row, 1).Value = figure.Label;
            Set(summary.Cell(row, 2), figure.Value, figure.Format);
            if (figure.Value is null) summary.Cell(row, 2).Value = figure.Missing ?? "";
            summary.Cell(row, 3).Value = figure.Formula;
            row++;
        }
        Widths(summary, [["Figure", .. report.Figures.Select(f => f.Label)], ["Value", .. report.Figures.Select(f => ReportText.Of(f.Value, f.Format))],
            ["Formula", .. report.Figures.Select(f => f.Formula)]]);

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary" };
        foreach (var table in report.Tables)
            Sheet(workbook.Worksheets.Add(SheetName(table.Title, names)), report, table, generated);
        workbook.SaveAs(output);
    }

    private static void Heading(IXLWorksheet sheet, Report report, string generated)
    {
        sheet.Cell(1, 1).Value = report.Title;
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).Value = report.FilterText;
        sheet.Cell(3, 1).Value = generated + (report.Currency.Length > 0 ? $"; amounts in {report.Currency}" : "");
    }

    private static void Sheet(IXLWorksheet sheet, Report report, ReportTable table, string generated)
    {
        Heading(sheet, report, generated);
        sheet.Cell(1, 1).Value = $"{report.Title}: {table.Title}";
        if (table.Note is not null) sheet.Cell(4, 1).Value = table.Note;
        for (var c = 0; c < table.Columns.Count; c++) sheet.Cell(HeaderRow, c + 1).Value = table.Columns[c].Title;
        var header = sheet.Range(HeaderRow, 1, HeaderRow, table.Columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E8EEF7");

        var first = HeaderRow + 1;
        var r = first;
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < table.Columns.Count; c++) Value(sheet.Cell(r, c + 1), row.Cells[c]);
            r++;
        }
        var last = r - 1;
        // One number format per column range: a style per cell makes a year of records many times slower to write.
        if (table.Rows.Count > 0)
            for (var c = 0; c < table.Columns.Count; c++)
                sheet.Range(first, c + 1, last, c + 1).Style.NumberFormat.Format = NumberFormat(table.Columns[c].Format);
        if (table.Rows.Count > 0) sheet.Range(HeaderRow, 1, last, table.Columns.Count).SetAutoFilter();
        if (table.Totals)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                var cell = sheet.Cell(r, c + 1);
                var range = table.Rows.Count == 0 ? null : $"{Letter(c)}{first}:{Letter(c)}{last}";
                if (c == 0) cell.Value = table.TotalsLabel;
                else if (table.AverageRow && column.Total != TotalKind.None)
                    cell.FormulaA1 = range is null ? "\"\"" : $"IFERROR(AVERAGE({range}),\"\")";
                else if (column.Total == TotalKind.Sum)
                    cell.FormulaA1 = range is null ? "0" : $"SUM({range})";
                else if (column.Total == TotalKind.Ratio)
                {
                    var factor = column.Factor == 1m ? "" : "*" + column.Factor.ToString(CultureInfo.InvariantCulture);
                    cell.FormulaA1 = $"IF({Letter(column.Denominator)}{r}=0,\"\",{Letter(column.Numerator)}{r}/{Letter(column.Denominator)}{r}{factor})";
                }
                Format(cell, column.Format);
            }
            sheet.Range(r, 1, r, table.Columns.Count).Style.Font.Bold = true;
            sheet.Range(r, 1, r, table.Columns.Count).Style.Border.TopBorder = XLBorderStyleValues.Thin;
        }
        sheet.SheetView.FreezeRows(HeaderRow);
        Widths(sheet, [.. table.Columns.Select((column, c) => (IEnumerable<string>)
            [column.Title, .. table.Rows.Take(500).Select(row => ReportText.Of(row.Cells[c], column.Format))])]);
    }

    /// <summary>
    /// Column widths from the longest text a column shows (ClosedXML's AdjustToContents measures fonts with libgdiplus,
    /// which a server need not have).
    /// </summary>
    private static void Widths(IXLWorksheet sheet, IReadOnlyList<IEnumerable<string>> columns)
    {
        for (var c = 0; c < columns.Count; c++)
            sheet.Column(c + 1).Width = Math.Clamp(columns[c].Max(text => text.Length) + 2, 10, 60);
    }

    private static string Letter(int zeroBasedColumn) => XLHelper.GetColumnLetterFromNumber(zeroBasedColumn + 1);

    private static void Set(IXLCell cell, object? value, ValueFormat format)
    {
        Value(cell, value);
        Format(cell, format);
    }

    private static void Value(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null: break;
            // ClosedXML 0.95 turns text that looks like a date or number ("Sun 6 Dec 2026", "31-60") into one: keep it text.
            case string text: cell.SetValue(text).SetDataType(XLDataType.Text); break;
            case DateOnly date: cell.Value = date.ToDateTime(TimeOnly.MinValue); break;
            case int i: cell.Value = i; break;
            case decimal d: cell.Value = d; break;
            default: cell.Value = value.ToString(); break;
        }
    }

    private static void Format(IXLCell cell, ValueFormat format) => cell.Style.NumberFormat.Format = NumberFormat(format);

    private static string NumberFormat(ValueFormat format) => format switch
    {
        ValueFormat.Money => "#,##0.00",
        ValueFormat.Hours => "#,##0.00",
        ValueFormat.Number => "#,##0.00",
        ValueFormat.Percent => "0.0%",
        ValueFormat.Count or ValueFormat.Days => "#,##0",
        ValueFormat.Date => "yyyy-mm-dd",
        _ => "@",
    };

    private static string SheetName(string title, HashSet<string> taken)
    {
        var clean = new string([.. title.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]);
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(name); n++) name = $"{(clean.Length > 27 ? clean[..27] : clean)} {n}";
        return name;
    }
}
