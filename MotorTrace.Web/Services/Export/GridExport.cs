using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;

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
/// Any list of the app as an Excel workbook, the way a person would build it by hand (ADR-022, ADR-024): a heading
/// (title, generated at, filters), a bold header row that stays put, typed cells (numbers, dates, money with two
/// places), an auto-filter, column widths that fit, and a totals row that sums each money column with a formula. A list
/// page declares its columns once and hands over the same rows its grid's filters select, all pages of them.
/// </summary>
/// <remarks>
/// The workbook is streamed: its parts are written as XML straight into the zip on the response while the rows are read
/// from the database, so a list of any length costs a few megabytes of memory and the download starts at once (the
/// browser's download bar shows it growing). Column widths are measured on the header and the first
/// <see cref="WidthSampleRows"/> rows, which are held back until the widths are known. Report workbooks with formulas
/// and several sheets stay on ClosedXML (ADR-022).
/// </remarks>
public static class GridExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string MoneyFormat = "#,##0.00";
    public const string DateFormat = "yyyy-mm-dd";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";

    /// <summary>The row of the column headers (1-based); the heading sits above it.</summary>
    public const int HeaderRow = 5;

    /// <summary>The rows the column widths are measured on.</summary>
    public const int WidthSampleRows = 1000;

    private const double MinWidth = 6, MaxWidth = 60;

    /// <summary>The workbook in memory, for small lists and tests.</summary>
    public static byte[] Write<T>(ExportHeading heading, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows, string sheetName = "List")
    {
        using var stream = new MemoryStream();
        WriteAsync(stream, heading, columns, rows.ToAsyncEnumerable(), sheetName).GetAwaiter().GetResult();
        return stream.ToArray();
    }

    /// <summary>
    /// A file result that streams the workbook to the response as the rows arrive. The zip writer makes some of its writes
    /// synchronously, which the server refuses on a response; so it writes into a pipe (64 KB, it waits while the pipe is
    /// full) on its own task, and the response copies from the pipe asynchronously.
    /// </summary>
    public static IResult File<T>(ExportHeading heading, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, string fileName, string sheetName = "List") =>
        Results.Stream(async body =>
        {
            var pipe = new Pipe();
            var writing = Task.Run(async () =>
            {
                try
                {
                    await using var stream = pipe.Writer.AsStream();
                    await WriteAsync(stream, heading, columns, rows, sheetName);
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                    throw;
                }
            });
            try
            {
                await pipe.Reader.CopyToAsync(body);
            }
            finally
            {
                // A download the browser gave up on: the writer's next flush sees the reader gone and stops waiting.
                await pipe.Reader.CompleteAsync();
            }
            await writing;
        }, ContentType, fileName);

    public static async Task WriteAsync<T>(Stream output, ExportHeading heading, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows,
        string sheetName = "List", CancellationToken ct = default)
    {
        sheetName = SheetName(sheetName);
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await WritePartAsync(zip, "[Content_Types].xml", ContentTypes, ct);
        await WritePartAsync(zip, "_rels/.rels", PackageRelationships, ct);
        await WritePartAsync(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships, ct);
        await WritePartAsync(zip, "xl/styles.xml", Styles, ct);

        var sheet = new SheetWriter<T>(columns);
        await using (var stream = await zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).OpenAsync(ct))
        await using (var writer = new StreamWriter(stream, Utf8, 1 << 16))
        {
            await sheet.WriteAsync(writer, heading, rows, ct);
        }
        await WritePartAsync(zip, "xl/workbook.xml", Workbook(sheetName, sheet.FilterRange), ct);
    }

    /// <summary>Writes one worksheet: heading, header, rows, totals, in the order the format wants them.</summary>
    private sealed class SheetWriter<T>(IReadOnlyList<ExportColumn<T>> columns)
    {
        private readonly decimal[] totals = new decimal[columns.Count];
        private readonly string[] letters = [.. Enumerable.Range(0, columns.Count).Select(Column)];
        private readonly StringBuilder row = new();
        private int lastRow = HeaderRow;

        /// <summary>The auto-filter's range in absolute A1 form, for the workbook's defined name.</summary>
        public string FilterRange => $"${Column(0)}${HeaderRow}:${Column(columns.Count - 1)}${lastRow}";

        public async Task WriteAsync(StreamWriter writer, ExportHeading heading, IAsyncEnumerable<T> rows, CancellationToken ct)
        {
            // The widths come first in the file, so the first rows are read before anything is written.
            var widths = columns.Select(c => (double)c.Header.Length).ToArray();
            var sample = new List<T>();
            await using var source = rows.GetAsyncEnumerator(ct);
            var more = await source.MoveNextAsync();
            while (more && sample.Count < WidthSampleRows)
            {
                sample.Add(source.Current);
                for (var c = 0; c < columns.Count; c++) widths[c] = Math.Max(widths[c], Shown(columns[c].Value(source.Current), columns[c].Format).Length);
                more = await source.MoveNextAsync();
            }

            await writer.WriteAsync(
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
            await writer.WriteAsync(
                $"""<sheetViews><sheetView workbookViewId="0"><pane ySplit="{HeaderRow}" topLeftCell="A{HeaderRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
            await writer.WriteAsync("<cols>");
            for (var c = 0; c < columns.Count; c++)
                await writer.WriteAsync($"""<col min="{c + 1}" max="{c + 1}" width="{Math.Clamp(widths[c] + 2, MinWidth, MaxWidth).ToString(CultureInfo.InvariantCulture)}" customWidth="1"/>""");
            await writer.WriteAsync("</cols><sheetData>");

            await WriteTextRowAsync(writer, 1, heading.Title, Style.Title);
            await WriteTextRowAsync(writer, 2, $"Generated {heading.GeneratedAtLocal:yyyy-MM-dd HH:mm} ({heading.TimeZone})"
                                               + (heading.GeneratedBy is null ? "" : $" by {heading.GeneratedBy}"), Style.Default);
            await WriteTextRowAsync(writer, 3, heading.Filters.Count == 0
                ? "No filters"
                : "Filters: " + string.Join("; ", heading.Filters.Select(f => $"{f.Name}: {f.Value}")), Style.Default);

            row.Clear().Append($"""<row r="{HeaderRow}">""");
            for (var c = 0; c < columns.Count; c++) AppendText(c, HeaderRow, columns[c].Header, Style.Header);
            await writer.WriteAsync(row.Append("</row>"));

            foreach (var item in sample) await WriteItemAsync(writer, item);
            while (more)
            {
                await WriteItemAsync(writer, source.Current);
                more = await source.MoveNextAsync();
            }

            if (columns.Any(c => c.Format == ExportFormat.Money)) await WriteTotalsAsync(writer);
            await writer.WriteAsync($"""</sheetData><autoFilter ref="{Column(0)}{HeaderRow}:{Column(columns.Count - 1)}{lastRow}"/></worksheet>""");
        }

        private async Task WriteItemAsync(StreamWriter writer, T item)
        {
            var r = ++lastRow;
            row.Clear().Append("<row r=\"").Append(r).Append("\">");
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(item);
                if (columns[c].Format == ExportFormat.Money && value is decimal amount) totals[c] += amount;
                AppendValue(c, r, value, columns[c].Format);
            }
            await writer.WriteAsync(row.Append("</row>"));
        }

        /// <summary>"Total" and a SUM formula under each money column, with its value cached for readers that do not calculate.</summary>
        private async Task WriteTotalsAsync(StreamWriter writer)
        {
            var r = lastRow + 1;
            row.Clear().Append($"""<row r="{r}">""");
            for (var c = 0; c < columns.Count; c++)
            {
                if (columns[c].Format != ExportFormat.Money)
                {
                    if (c == 0) AppendText(c, r, "Total", Style.TotalLabel);
                    else row.Append($"""<c r="{Column(c)}{r}" s="{(int)Style.TotalBlank}"/>""");
                    continue;
                }
                var formula = lastRow > HeaderRow ? $"SUM({Column(c)}{HeaderRow + 1}:{Column(c)}{lastRow})" : "0";
                row.Append($"""<c r="{Column(c)}{r}" s="{(int)Style.TotalMoney}"><f>{formula}</f><v>{Number(totals[c])}</v></c>""");
            }
            await writer.WriteAsync(row.Append("</row>"));
        }

        private async Task WriteTextRowAsync(StreamWriter writer, int r, string text, Style style)
        {
            row.Clear().Append($"""<row r="{r}">""");
            AppendText(0, r, text, style);
            await writer.WriteAsync(row.Append("</row>"));
        }

        private void AppendValue(int c, int r, object? value, ExportFormat format)
        {
            switch (value)
            {
                case null:
                    return;
                case DateOnly date:
                    AppendNumber(c, r, (decimal)(date.ToDateTime(TimeOnly.MinValue) - Epoch).TotalDays, Style.Date);
                    return;
                case DateTime time:
                    AppendNumber(c, r, format == ExportFormat.Date ? (decimal)(time.Date - Epoch).TotalDays : (decimal)(time - Epoch).TotalDays,
                        format == ExportFormat.Date ? Style.Date : Style.DateTime);
                    return;
                case decimal or int or long or double:
                    AppendNumber(c, r, Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                        format is ExportFormat.Money or ExportFormat.Decimal ? Style.Money : format == ExportFormat.Integer ? Style.Integer : Style.Default);
                    return;
                default:
                    // An inline string is text to every reader: a customer's name that starts with "=" is never a formula.
                    AppendText(c, r, value.ToString() ?? "", Style.Default);
                    return;
            }
        }

        private void AppendNumber(int c, int r, decimal number, Style style) =>
            row.Append("<c r=\"").Append(letters[c]).Append(r).Append("\" s=\"").Append((int)style).Append("\"><v>")
                .Append(number.ToString("0.############", CultureInfo.InvariantCulture)).Append("</v></c>");

        private void AppendText(int c, int r, string text, Style style)
        {
            row.Append("<c r=\"").Append(letters[c]).Append(r).Append("\" s=\"").Append((int)style)
                .Append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            AppendEscaped(row, text);
            row.Append("</t></is></c>");
        }
    }

    /// <summary>The text a value shows in its cell, for the column width.</summary>
    private static string Shown(object? value, ExportFormat format) => value switch
    {
        null => "",
        DateOnly => "0000-00-00",
        DateTime => format == ExportFormat.Date ? "0000-00-00" : "0000-00-00 00:00",
        decimal or int or long or double => Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            .ToString(format == ExportFormat.Integer ? "N0" : "N2", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The cell styles of <see cref="Styles"/>, by their index there.</summary>
    private enum Style
    {
        Default,
        Header,
        Money,
        Integer,
        Date,
        DateTime,
        Title,
        TotalMoney,
        TotalLabel,
        TotalBlank,
    }

    private static readonly SearchValues<char> NeedsEscaping = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(i => (char)i), '&', '<', '>', '\uFFFE', '\uFFFF']);

    private static readonly DateTime Epoch = new(1899, 12, 30);
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A1 column letters of a zero-based column index.</summary>
    private static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>XML text: markup characters escaped, characters XML cannot hold (control characters) dropped.</summary>
    private static void AppendEscaped(StringBuilder builder, string text)
    {
        if (!text.AsSpan().ContainsAny(NeedsEscaping))
        {
            builder.Append(text);
            return;
        }
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case < ' ' when ch is not ('\t' or '\n' or '\r'): break;
                case '\uFFFE' or '\uFFFF': break;
                default: builder.Append(ch); break;
            }
        }
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']'))]).Trim();
        return clean.Length == 0 ? "List" : clean[..Math.Min(31, clean.Length)];
    }

    private static async Task WritePartAsync(ZipArchive zip, string name, string content, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);
        await stream.WriteAsync(Utf8.GetBytes(content), ct);
    }

    private static string Workbook(string sheetName, string filterRange)
    {
        var escaped = new StringBuilder();
        AppendEscaped(escaped, sheetName);
        var quoted = escaped.ToString().Replace("'", "''");
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{escaped.ToString().Replace("\"", "&quot;")}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'{quoted}'!{filterRange}</definedName></definedNames></workbook>""";
    }

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""";

    private const string WorkbookRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    /// <summary>The cell formats, in the order of <see cref="Style"/>.</summary>
    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"""
        + """<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm"/></numFmts>"""
        + """<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>"""
        + """<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE8EAF6"/><bgColor indexed="64"/></patternFill></fill></fills>"""
        + """<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border></borders>"""
        + """<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"""
        + """<cellXfs count="10">"""
        + """<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""
        + """<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"""
        + """<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""
        + """<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"""
        + """<xf numFmtId="164" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>"""
        + """<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>"""
        + """<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>"""
        + """</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";
}
