using System.Diagnostics;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// A PDF read back the way a person would read it: its text page by page, extracted by poppler's <c>pdftotext -layout</c>
/// (a table row stays on one line), and its pages' sizes by PDFsharp's own reader. CI installs poppler-utils (.ci/run);
/// without it these tests fail saying so, rather than passing without reading anything.
/// </summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<string> pages, IReadOnlyList<(double Width, double Height)> sizes) => (Pages, Sizes) = (pages, sizes);

    /// <summary>The text of each page.</summary>
    public IReadOnlyList<string> Pages { get; }

    /// <summary>Each page's size in points (A4 is 595 × 842).</summary>
    public IReadOnlyList<(double Width, double Height)> Sizes { get; }

    public string All => string.Join("\n", Pages);

    /// <summary>Reads the PDF; with MOTORTRACE_PDF_DUMP set to a folder, also keeps it there under the test's name, to look at.</summary>
    public static PdfText Read(byte[] pdf, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        if (Environment.GetEnvironmentVariable("MOTORTRACE_PDF_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, test + ".pdf"), pdf);
        }
        Assert.True(pdf.Length > 4 && pdf[0] == '%' && pdf[1] == 'P' && pdf[2] == 'D' && pdf[3] == 'F', "Not a PDF file.");
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var sizes = Enumerable.Range(0, document.PageCount).Select(i => (document.Pages[i].Width.Point, document.Pages[i].Height.Point)).ToList();

        var file = Path.Combine(Path.GetTempPath(), $"motortrace-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils; .ci/run does) to read PDFs back in tests.");
            }
            using (process)
            {
                var text = process.StandardOutput.ReadToEnd();
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"pdftotext failed: {error}");
                // pdftotext ends every page with a form feed.
                var pages = text.Split('\f').ToList();
                if (pages.Count > sizes.Count && string.IsNullOrWhiteSpace(pages[^1])) pages.RemoveAt(pages.Count - 1);
                return new PdfText(pages, sizes);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The page's text with runs of spaces (the layout's columns) made single, for phrases that cross columns.</summary>
    public static string Squeeze(string text) => System.Text.RegularExpressions.Regex.Replace(text, "[ \t]+", " ");
}

/// <summary>
/// A PDF's pages as grey images, drawn by poppler's <c>pdftoppm</c> the way a viewer draws them, to look at where the ink
/// is: a header on every page, a footer, nothing running off the paper.
/// </summary>
public sealed record PdfPageImage(int Width, int Height, byte[] Pixels)
{
    /// <summary>Inked pixels (darker than a light tint: the muted grey of a footer counts) in a band of the page, given as fractions of its width and height.</summary>
    public int Ink(double left, double top, double right, double bottom)
    {
        var count = 0;
        for (var y = (int)(top * Height); y < (int)(bottom * Height); y++)
            for (var x = (int)(left * Width); x < (int)(right * Width); x++)
                if (Pixels[y * Width + x] < 200) count++;
        return count;
    }

    public static IReadOnlyList<PdfPageImage> Render(byte[] pdf, int dpi = 50)
    {
        var folder = Directory.CreateTempSubdirectory("motortrace-pdf-").FullName;
        try
        {
            var file = Path.Combine(folder, "document.pdf");
            File.WriteAllBytes(file, pdf);
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo("pdftoppm", ["-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), file, Path.Combine(folder, "page")])
                {
                    RedirectStandardError = true,
                })!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("pdftoppm is missing: install poppler-utils (apt-get install -y poppler-utils; .ci/run does) to look at PDF pages in tests.");
            }
            using (process)
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"pdftoppm failed: {error}");
            }
            // page-1.pgm … page-12.pgm (padded to the page count's digits): in page order by length, then name.
            return [.. Directory.GetFiles(folder, "page-*.pgm").OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).Select(f => Parse(File.ReadAllBytes(f)))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A binary PGM (P5): a text header of magic, width, height and maximum value, then one byte per pixel.</summary>
    private static PdfPageImage Parse(byte[] pgm)
    {
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at])) at++;
            fields.Add(System.Text.Encoding.ASCII.GetString(pgm, start, at - start));
        }
        Assert.Equal("P5", fields[0]);
        var (width, height) = (int.Parse(fields[1]), int.Parse(fields[2]));
        return new PdfPageImage(width, height, pgm[(at + 1)..(at + 1 + width * height)]);
    }
}

