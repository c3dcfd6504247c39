using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using MotorTrace.Web.Services.Settings;

namespace MotorTrace.Web.Services.Documents;

/// <summary>The dealer as printed at the top of every document.</summary>
public sealed record Letterhead(string Name, IReadOnlyList<string> AddressLines, string? Phone, string? Email, string? TaxRegistrationNumber);

/// <summary>A labelled block of lines (bill to, vehicle, customer).</summary>
public sealed record PdfBox(string Heading, IReadOnlyList<string> Lines);

/// <summary>A table column: its header, its share of the width, and whether its text is right-aligned (amounts).</summary>
public sealed record PdfColumn(string Header, double Share, bool Right = false);

public enum PdfRowStyle
{
    Normal,

    /// <summary>A group heading (Services, Labour, Parts): its first cell across the table, bold.</summary>
    Group,

    /// <summary>A subtotal: bold, with a rule above.</summary>
    Subtotal,

    /// <summary>A note under the row above (approval evidence): its first cell across the table, indented, small and grey.</summary>
    Note,
}

public sealed record PdfRow(IReadOnlyList<string> Cells, PdfRowStyle Style = PdfRowStyle.Normal)
{
    public static PdfRow Group(string heading) => new([heading], PdfRowStyle.Group);
    public static PdfRow Note(string text) => new([text], PdfRowStyle.Note);
}

/// <summary>A line of a totals block.</summary>
public sealed record PdfTotal(string Label, string Value, bool Strong = false);

/// <summary>
/// The one page layout of every MotorTrace document (invoice, estimate, receipt, statement): A4 portrait, the dealer's
/// letterhead on the first page and a running header on the next ones, tables whose rows flow onto further pages with
/// their header row repeated, and "Page N of M" with the document's name at the foot of every page (written when the
/// page count is known). It only places text the caller formatted: no document computes money here.
/// </summary>
public sealed class PdfLayout : IDisposable
{
    private const double Margin = 40;
    private const double FooterHeight = 28;
    private const double CellPadding = 3;
    private const double NoteIndent = 14;

    private static readonly XColor Ink = XColor.FromArgb(33, 33, 33);
    private static readonly XColor Muted = XColor.FromArgb(97, 97, 97);
    private static readonly XColor Rule = XColor.FromArgb(189, 189, 189);
    private static readonly XColor Shade = XColor.FromArgb(238, 238, 238);

    private readonly PdfDocument _document = new();
    private readonly string _runningTitle;
    private readonly string _dealerName;
    private readonly XFont _text;
    private readonly XFont _bold;
    private readonly XFont _small;
    private readonly XFont _smallBold;
    private readonly XFont _heading;
    private readonly XFont _title;
    private readonly XSolidBrush _ink = new(Ink);
    private readonly XSolidBrush _muted = new(Muted);
    private readonly XPen _rule = new(Rule, 0.5);
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _gfx;
    private double _y;
    private Action? _continueTable;

    /// <param name="runningTitle">The document's name on every page, e.g. "Invoice INV-D001-2026-000123".</param>
    public PdfLayout(string runningTitle, string dealerName)
    {
        PdfFonts.EnsureRegistered();
        _runningTitle = runningTitle;
        _dealerName = dealerName;
        _document.Info.Title = runningTitle;
        _document.Info.Author = dealerName;
        _document.Info.Creator = "MotorTrace";
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        _text = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Regular, unicode);
        _bold = new XFont(PdfFonts.Family, 8.5, XFontStyleEx.Bold, unicode);
        _small = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Regular, unicode);
        _smallBold = new XFont(PdfFonts.Family, 7.5, XFontStyleEx.Bold, unicode);
        _heading = new XFont(PdfFonts.Family, 10.5, XFontStyleEx.Bold, unicode);
        _title = new XFont(PdfFonts.Family, 16, XFontStyleEx.Bold, unicode);
        NewPage(first: true);
    }

    private double PageWidth => _pages[0].Width.Point;
    private double PageHeight => _pages[0].Height.Point;
    private double ContentWidth => PageWidth - 2 * Margin;
    private double ContentBottom => PageHeight - Margin - FooterHeight;
    private XGraphics Gfx => _gfx!;

    // ---- the common formats of every document ----------------------------------------------------------------

    public static string Money(decimal amount, string currency) => Currencies.Format(amount, currency);

    public static string Date(DateOnly date) => date.ToString("dd MMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public static string DateTime(DateTime local) => local.ToString("dd MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // ---- blocks ----------------------------------------------------------------------------------------------

    /// <summary>The first page's top: the dealer on the left, the document's title and facts (number, dates) on the right.</summary>
    public void Letterhead(Letterhead dealer, string title, IReadOnlyList<(string Label, string Value)> facts)
    {
        var top = _y;
        var leftWidth = ContentWidth * 0.5;
        var y = top;
        y = Write(dealer.Name, _heading, Margin, y, leftWidth);
        foreach (var line in dealer.AddressLines) y = Write(line, _text, Margin, y, leftWidth, _muted);
        var contact = string.Join("  ·  ", new[] { dealer.Phone, dealer.Email }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (contact.Length > 0) y = Write(contact, _text, Margin, y, leftWidth, _muted);
        if (!string.IsNullOrWhiteSpace(dealer.TaxRegistrationNumber)) y = Write($"Tax registration: {dealer.TaxRegistrationNumber}", _text, Margin, y, leftWidth, _muted);

        var rightX = Margin + leftWidth + 10;
        var rightWidth = ContentWidth - leftWidth - 10;
        var ry = Write(title, _title, rightX, top, rightWidth, align: XStringAlignment.Far);
        ry += 2;
        foreach (var (label, value) in facts)
        {
            Gfx.DrawString(label, _text, _muted, new XRect(rightX, ry, rightWidth * 0.35, LineHeight(_text)), XStringFormats.TopLeft);
            ry = Write(value, _bold, rightX + rightWidth * 0.35, ry, rightWidth * 0.65, align: XStringAlignment.Far);
        }
        _y = Math.Max(y, ry) + 8;
        Gfx.DrawLine(new XPen(Ink, 1), Margin, _y, Margin + ContentWidth, _y);
        _y += 10;
    }

    /// <summary>A coloured band across the page: DRAFT, VOID with its reason, what a credit note corrects.</summary>
    public void Notice(string text, XColor color)
    {
        var lines = Wrap(text, _bold, ContentWidth - 12);
        var height = lines.Count * LineHeight(_bold) + 8;
        EnsureSpace(height + 6);
        Gfx.DrawRectangle(new XPen(color, 1), new XSolidBrush(XColor.FromArgb(28, color.R, color.G, color.B)), Margin, _y, ContentWidth, height);
        var y = _y + 4;
        foreach (var line in lines)
        {
            Gfx.DrawString(line, _bold, new XSolidBrush(color), new XRect(Margin + 6, y, ContentWidth - 12, LineHeight(_bold)), XStringFormats.TopLeft);
            y += LineHeight(_bold);
        }
        _y += height + 8;
    }

    /// <summary>Side-by-side boxes (bill to, vehicle), each with a small heading.</summary>
    public void Boxes(params PdfBox[] boxes)
    {
        const double gap = 12;
        var width = (ContentWidth - gap * (boxes.Length - 1)) / boxes.Length;
        var wrapped = boxes.Select(b => b.Lines.Where(l => !string.IsNullOrWhiteSpace(l)).SelectMany(l => Wrap(l, _text, width)).ToList()).ToList();
        var height = LineHeight(_small) + 2 + wrapped.Max(w => w.Count) * LineHeight(_text);
        EnsureSpace(height + 10);
        for (var i = 0; i < boxes.Length; i++)
        {
            var x = Margin + i * (width + gap);
            Gfx.DrawString(boxes[i].Heading.ToUpperInvariant(), _small, _muted, new XRect(x, _y, width, LineHeight(_small)), XStringFormats.TopLeft);
            var y = _y + LineHeight(_small) + 2;
            for (var j = 0; j < wrapped[i].Count; j++)
            {
                Gfx.DrawString(wrapped[i][j], j == 0 ? _bold : _text, _ink, new XRect(x, y, width, LineHeight(_text)), XStringFormats.TopLeft);
                y += LineHeight(_text);
            }
        }
        _y += height + 12;
    }

    /// <summary>A section heading, kept with at least a few lines of what follows.</summary>
    public void Heading(string text)
    {
        EnsureSpace(LineHeight(_heading) + 4 * LineHeight(_text));
        _y = Write(text, _heading, Margin, _y, ContentWidth) + 4;
    }

    /// <summary>A heading and wrapped text (terms, notes).</summary>
    public void Paragraph(string heading, string text)
    {
        EnsureSpace(LineHeight(_small) + 2 * LineHeight(_text));
        _y = Write(heading.ToUpperInvariant(), _small, Margin, _y, ContentWidth, _muted) + 1;
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            foreach (var line in Wrap(paragraph, _text, ContentWidth))
            {
                EnsureSpace(LineHeight(_text));
                Gfx.DrawString(line, _text, _ink, new XRect(Margin, _y, ContentWidth, LineHeight(_text)), XStringFormats.TopLeft);
                _y += LineHeight(_text);
            }
        _y += 8;
    }

    /// <summary>
    /// A table. A row that does not fit goes to the next page, which starts with the header row again; a Note row is kept
    /// with the row above it only as far as it fits. Cells wrap within their column. A dense table (many columns of
    /// amounts, the statement's) is set a size smaller.
    /// </summary>
    public void Table(IReadOnlyList<PdfColumn> columns, IEnumerable<PdfRow> rows, bool dense = false)
    {
        var (text, bold) = dense ? (_small, _smallBold) : (_text, _bold);
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => ContentWidth * c.Share / total).ToArray();
        var lefts = new double[columns.Count];
        for (var i = 1; i < columns.Count; i++) lefts[i] = lefts[i - 1] + widths[i - 1];

        void Header()
        {
            var height = LineHeight(bold) + 2 * CellPadding;
            Gfx.DrawRectangle(new XSolidBrush(Shade), Margin, _y, ContentWidth, height);
            for (var i = 0; i < columns.Count; i++)
                Cell(columns[i].Header, bold, _ink, Margin + lefts[i], _y + CellPadding, widths[i], columns[i].Right);
            _y += height;
        }

        EnsureSpace(3 * (LineHeight(bold) + 2 * CellPadding));
        Header();
        _continueTable = Header;
        foreach (var row in rows)
        {
            var (font, brush) = row.Style switch
            {
                PdfRowStyle.Group or PdfRowStyle.Subtotal => (bold, _ink),
                PdfRowStyle.Note => (_small, _muted),
                _ => (text, _ink),
            };
            var cells = row.Style switch
            {
                PdfRowStyle.Group => [(Text: row.Cells[0], Left: 0.0, Width: ContentWidth, Right: false)],
                PdfRowStyle.Note => [(Text: row.Cells[0], Left: NoteIndent, Width: ContentWidth - NoteIndent, Right: false)],
                _ => row.Cells.Select((text, i) => (Text: text, Left: lefts[i], Width: widths[i], Right: columns[i].Right)).ToArray(),
            };
            var wrapped = cells.Select(c => Wrap(c.Text, font, c.Width - 2 * CellPadding)).ToArray();
            var lineHeight = LineHeight(font);
            var padding = row.Style == PdfRowStyle.Note ? 1 : CellPadding;
            var height = wrapped.Max(w => w.Count) * lineHeight + 2 * padding;
            // A group heading never ends a page on its own.
            EnsureSpace(row.Style == PdfRowStyle.Group ? height + 2 * (LineHeight(text) + 2 * CellPadding) : height);
            if (row.Style == PdfRowStyle.Subtotal) Gfx.DrawLine(_rule, Margin, _y, Margin + ContentWidth, _y);
            if (row.Style == PdfRowStyle.Group) _y += 3;
            for (var i = 0; i < cells.Length; i++)
            {
                var y = _y + padding;
                foreach (var line in wrapped[i])
                {
                    Cell(line, font, brush, Margin + cells[i].Left, y, cells[i].Width, cells[i].Right);
                    y += lineHeight;
                }
            }
            _y += height;
            if (row.Style is PdfRowStyle.Normal or PdfRowStyle.Subtotal) Gfx.DrawLine(_rule, Margin, _y, Margin + ContentWidth, _y);
        }
        _continueTable = null;
        _y += 10;
    }

    /// <summary>The totals block, right-aligned, kept together on one page.</summary>
    public void Totals(IReadOnlyList<PdfTotal> totals)
    {
        var height = totals.Sum(t => LineHeight(t.Strong ? _heading : _text) + 3) + 6;
        EnsureSpace(height);
        var labelX = Margin + ContentWidth * 0.45;
        var labelWidth = ContentWidth * 0.33;
        var valueX = labelX + labelWidth;
        var valueWidth = Margin + ContentWidth - valueX;
        foreach (var total in totals)
        {
            var font = total.Strong ? _heading : _text;
            if (total.Strong) Gfx.DrawLine(_rule, labelX, _y, Margin + ContentWidth, _y);
            var y = _y + (total.Strong ? 2 : 0);
            Gfx.DrawString(total.Label, total.Strong ? _heading : _text, _ink, new XRect(labelX, y, labelWidth, LineHeight(font)), XStringFormats.TopLeft);
            Gfx.DrawString(total.Value, total.Strong ? _heading : _bold, _ink, new XRect(valueX, y, valueWidth, LineHeight(font)), XStringFormats.TopRight);
            _y += LineHeight(font) + 3 + (total.Strong ? 2 : 0);
        }
        _y += 8;
    }

    /// <summary>The finished file: a running footer on every page ("Page N of M") and, when given, a large stamp (DRAFT, VOID).</summary>
    public byte[] Finish(string? stamp = null, XColor? stampColor = null)
    {
        _gfx?.Dispose();
        _gfx = null;
        var color = stampColor ?? XColor.FromArgb(198, 40, 40);
        for (var i = 0; i < _pages.Count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_pages[i], XGraphicsPdfPageOptions.Append);
            var footerY = PageHeight - Margin - LineHeight(_small);
            gfx.DrawLine(_rule, Margin, footerY - 4, Margin + ContentWidth, footerY - 4);
            gfx.DrawString($"{_dealerName}  ·  {_runningTitle}", _small, _muted, new XRect(Margin, footerY, ContentWidth * 0.75, LineHeight(_small)), XStringFormats.TopLeft);
            gfx.DrawString($"Page {i + 1} of {_pages.Count}", _small, _muted, new XRect(Margin, footerY, ContentWidth, LineHeight(_small)), XStringFormats.TopRight);
            if (stamp is not null)
            {
                var font = new XFont(PdfFonts.Family, 96, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
                var state = gfx.Save();
                gfx.RotateAtTransform(-35, new XPoint(PageWidth / 2, PageHeight / 2));
                gfx.DrawString(stamp, font, new XSolidBrush(XColor.FromArgb(40, color.R, color.G, color.B)),
                    new XRect(0, PageHeight / 2 - 60, PageWidth, 120), XStringFormats.Center);
                gfx.Restore(state);
            }
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    // ---- pages and text --------------------------------------------------------------------------------------

    private void EnsureSpace(double height)
    {
        if (_y + height <= ContentBottom) return;
        NewPage(first: false);
        _continueTable?.Invoke();
    }

    private void NewPage(bool first)
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        if (first) return;
        // The running header of a continuation page: whose document this is.
        Gfx.DrawString(_dealerName, _bold, _ink, new XRect(Margin, _y, ContentWidth / 2, LineHeight(_bold)), XStringFormats.TopLeft);
        Gfx.DrawString($"{_runningTitle} (continued)", _text, _muted, new XRect(Margin, _y, ContentWidth, LineHeight(_text)), XStringFormats.TopRight);
        _y += LineHeight(_bold) + 4;
        Gfx.DrawLine(_rule, Margin, _y, Margin + ContentWidth, _y);
        _y += 8;
    }

    private static double LineHeight(XFont font) => font.Size * 1.3;

    private void Cell(string text, XFont font, XBrush brush, double x, double y, double width, bool right) =>
        Gfx.DrawString(text, font, brush, new XRect(x + CellPadding, y, width - 2 * CellPadding, LineHeight(font)), right ? XStringFormats.TopRight : XStringFormats.TopLeft);

    /// <summary>Draws wrapped text and returns the y below it.</summary>
    private double Write(string text, XFont font, double x, double y, double width, XBrush? brush = null, XStringAlignment align = XStringAlignment.Near)
    {
        var format = align == XStringAlignment.Far ? XStringFormats.TopRight : XStringFormats.TopLeft;
        foreach (var line in Wrap(text, font, width))
        {
            Gfx.DrawString(line, font, brush ?? _ink, new XRect(x, y, width, LineHeight(font)), format);
            y += LineHeight(font);
        }
        return y;
    }

    /// <summary>Greedy word wrap by measured width; a word longer than the line (a VIN, a long reference) is cut.</summary>
    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text) || Gfx.MeasureString(text, font).Width <= width)
        {
            lines.Add(text ?? "");
            return lines;
        }
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (Gfx.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }
            if (current.Length > 0) lines.Add(current);
            current = word;
            while (current.Length > 1 && Gfx.MeasureString(current, font).Width > width)
            {
                var cut = current.Length - 1;
                while (cut > 1 && Gfx.MeasureString(current[..cut], font).Width > width) cut--;
                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }
}
