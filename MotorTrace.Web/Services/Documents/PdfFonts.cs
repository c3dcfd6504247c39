using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace MotorTrace.Web.Services.Documents;

/// <summary>
/// The fonts of every PDF: DejaVu Sans and DejaVu Sans Bold, embedded in this assembly (Fonts/, with their licence)
/// because PDFsharp has no font lookup on Linux and a document must look the same on any machine. DejaVu covers
/// ₹, €, accented Latin, Greek and Cyrillic. Every family name resolves to it: these are the only fonts we ship.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Faces = new();
    private static readonly Lazy<bool> Registration = new(() =>
    {
        GlobalFontSettings.FontResolver = new PdfFonts();
        return true;
    });

    private PdfFonts()
    {
    }

    /// <summary>Installs the resolver once per process (PDFsharp allows it to be set only before the first font is used).</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => Faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var name = $"MotorTrace.Fonts.{faceName}.ttf";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font {name} is not embedded in MotorTrace.Web.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
