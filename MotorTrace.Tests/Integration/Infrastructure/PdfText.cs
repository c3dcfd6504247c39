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
