using System.Diagnostics;
using ClosedXML.Excel;
using MotorTrace.Web.Services.Export;

namespace MotorTrace.Tests.Unit;

/// <summary>
/// The list export's workbook as a manager opens it: read back with ClosedXML (typed cells, heading, frozen header,
/// filter, totals formula) and with LibreOffice (the figures a spreadsheet shows).
/// </summary>
public sealed class GridExportTests
{
    private sealed record Row(string Name, DateOnly Day, DateTime At, int Count, decimal Amount, string? Note);

    private static readonly IReadOnlyList<ExportColumn<Row>> Columns =
    [
        new("Name", r => r.Name), new("Day", r => r.Day, ExportFormat.Date), new("At", r => r.At, ExportFormat.DateTime),
        new("Count", r => r.Count, ExportFormat.Integer), new("Amount", r => r.Amount, ExportFormat.Money), new("Note", r => r.Note),
    ];

    private static readonly ExportHeading Heading = new("Parts · D001", new DateTime(2026, 12, 6, 9, 30, 0), "Asia/Kolkata", "Priya Shah",
        [("Search", "brake"), ("Stock", "At or below reorder point")]);

    private static readonly Row[] Rows =
    [
        new("Brake pad set", new DateOnly(2026, 11, 30), new DateTime(2026, 11, 30, 14, 5, 0), 4, 1234.50m, null),
        new("R&D <sample> \"quoted\"", new DateOnly(2026, 12, 1), new DateTime(2026, 12, 1, 8, 0, 0), 12_345, 0.01m, "=HYPERLINK(\"http://x\")"),
        new("Bell\u0007 and tab\tkept", new DateOnly(2026, 12, 2), new DateTime(2026, 12, 2, 23, 59, 0), 0, 99_999.99m, "₹ € é ü"),
    ];

    [Fact]
    public void The_workbook_holds_the_rows_typed_under_a_heading_with_a_frozen_filtered_header_and_a_total_formula()
    {
        using var workbook = new XLWorkbook(new MemoryStream(GridExport.Write(Heading, Columns, Rows, "Parts")));
        var sheet = workbook.Worksheet("Parts");

        Assert.Equal("Parts · D001", sheet.Cell(1, 1).GetString());
        Assert.Equal("Generated 2026-12-06 09:30 (Asia/Kolkata) by Priya Shah", sheet.Cell(2, 1).GetString());
        Assert.Equal("Filters: Search: brake; Stock: At or below reorder point", sheet.Cell(3, 1).GetString());
        Assert.Equal(["Name", "Day", "At", "Count", "Amount", "Note"], sheet.Row(GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()));
        Assert.True(sheet.Cell(GridExport.HeaderRow, 1).Style.Font.Bold);

        var first = GridExport.HeaderRow + 1;
        Assert.Equal(Rows.Select(r => r.Name.Replace("\u0007", "")), Enumerable.Range(first, 3).Select(r => sheet.Cell(r, 1).GetString()));
        Assert.Equal(XLDataType.DateTime, sheet.Cell(first, 2).DataType);
        Assert.Equal(new DateTime(2026, 11, 30), sheet.Cell(first, 2).GetDateTime());
        Assert.Equal(GridExport.DateFormat, sheet.Cell(first, 2).Style.DateFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 30, 14, 5, 0), sheet.Cell(first, 3).GetDateTime());
        Assert.Equal(XLDataType.Number, sheet.Cell(first + 1, 4).DataType);
        Assert.Equal(12_345, sheet.Cell(first + 1, 4).GetValue<int>());
        Assert.Equal(GridExport.MoneyFormat, sheet.Cell(first, 5).Style.NumberFormat.Format);
        Assert.Equal(Rows.Select(r => r.Amount), Enumerable.Range(first, 3).Select(r => sheet.Cell(r, 5).GetValue<decimal>()));

        // Text that looks like a formula stays text; markup and non-Latin text survive.
        var note = sheet.Cell(first + 1, 6);
        Assert.False(note.HasFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", note.GetString());
        Assert.Equal("₹ € é ü", sheet.Cell(first + 2, 6).GetString());

        var totals = sheet.Row(first + 3);
        Assert.Equal("Total", totals.Cell(1).GetString());
        Assert.Equal($"SUM(E{first}:E{first + 2})", totals.Cell(5).FormulaA1);
        Assert.Equal(Rows.Sum(r => r.Amount), totals.Cell(5).GetValue<decimal>());
        Assert.Equal(GridExport.HeaderRow, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.True(sheet.Column(1).Width >= "R&D <sample> \"quoted\"".Length);
    }

    [Fact]
    public void An_empty_list_has_its_heading_and_header_and_a_zero_total()
    {
        using var workbook = new XLWorkbook(new MemoryStream(GridExport.Write(Heading, Columns, [])));
        var sheet = workbook.Worksheet(1);

        Assert.Equal(["Name", "Day", "At", "Count", "Amount", "Note"], sheet.Row(GridExport.HeaderRow).CellsUsed().Select(c => c.GetString()));
        Assert.Equal("Total", sheet.Cell(GridExport.HeaderRow + 1, 1).GetString());
        Assert.Equal(0m, sheet.Cell(GridExport.HeaderRow + 1, 5).GetValue<decimal>());
    }

    private static decimal Money(string shown) =>
        decimal.Parse(shown, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_workbook_and_shows_the_same_rows_and_total()
    {
        var folder = Directory.CreateTempSubdirectory("mt-export-");
        try
        {
            var file = Path.Combine(folder.FullName, "parts.xlsx");
            await File.WriteAllBytesAsync(file, GridExport.Write(Heading, Columns, Rows, "Parts"));

            var csv = await LibreOffice.ToCsvAsync(file);

            Assert.Equal(["Name", "Day", "At", "Count", "Amount", "Note"], csv[GridExport.HeaderRow - 1]);
            var first = csv[GridExport.HeaderRow];
            Assert.Equal(["Brake pad set", "2026-11-30"], first[..2]);
            Assert.StartsWith("2026-11-30 14:05", first[2]);
            Assert.Equal("4", first[3]);
            Assert.Equal(1234.50m, Money(first[4]));
            Assert.Equal("R&D <sample> \"quoted\"", csv[GridExport.HeaderRow + 1][0]);
            Assert.Equal("₹ € é ü", csv[GridExport.HeaderRow + 2][5]);
            var total = csv[GridExport.HeaderRow + 3];
            Assert.Equal("Total", total[0]);
            Assert.Equal(Rows.Sum(r => r.Amount), Money(total[4]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>Converts a workbook to CSV with LibreOffice, as a manager's spreadsheet would read it.</summary>
public static class LibreOffice
{
    public const string Executable = "/usr/bin/soffice";

    public static string? SkipReason =>
        File.Exists(Executable) ? null : "LibreOffice is not installed (apt-get install -y libreoffice-calc-nogui); .ci/run installs it";

    /// <summary>The rows of the first sheet, each cell as LibreOffice shows it.</summary>
    public static async Task<string[][]> ToCsvAsync(string xlsx)
    {
        var folder = Path.GetDirectoryName(xlsx)!;
        // A profile of its own, so runs in parallel (or a desktop LibreOffice) do not lock each other out.
        var start = new ProcessStartInfo(Executable,
            ["--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder, xlsx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var csv = Path.ChangeExtension(xlsx, ".csv");
        Assert.True(File.Exists(csv), $"LibreOffice did not convert {xlsx}: {await process.StandardError.ReadToEndAsync()}");
        return [.. (await File.ReadAllLinesAsync(csv)).Select(Cells)];
    }

    /// <summary>One CSV line's cells: commas inside quotes and doubled quotes as LibreOffice writes them.</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}

public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute() => Skip = LibreOffice.SkipReason;
}
