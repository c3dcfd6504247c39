using System.Text;
using AngleSharp.Html.Parser;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>One message the app wrote as an .eml file (Email:Mode=File).</summary>
public sealed record SentMail(string To, string Subject, string HtmlBody)
{
    /// <summary>The href of the link whose text is <paramref name="linkText"/>.</summary>
    public Uri Link(string linkText)
    {
        var document = new HtmlParser().ParseDocument(HtmlBody);
        var anchor = document.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == linkText)
            ?? throw new InvalidOperationException($"The mail '{Subject}' to {To} has no link '{linkText}'.");
        return new Uri(anchor.GetAttribute("href")!);
    }
}

/// <summary>Reads the .eml files of the data folder's mail/ folder.</summary>
public static class Mailbox
{
    public static IReadOnlyList<SentMail> Read(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(file => Parse(File.ReadAllText(file))).ToList()
            : [];

    public static IReadOnlyList<SentMail> To(string folder, string address) =>
        Read(folder).Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    public static SentMail Parse(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (split < 0) throw new FormatException("The message has no blank line between headers and body.");
        var headers = eml[..split].Split("\r\n")
            .Where(line => line.Contains(':'))
            .Select(line => (Name: line[..line.IndexOf(':')].Trim(), Value: line[(line.IndexOf(':') + 1)..].Trim()))
            .GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
        var body = eml[(split + 4)..];
        body = headers.GetValueOrDefault("Content-Transfer-Encoding")?.ToLowerInvariant() switch
        {
            "quoted-printable" => DecodeQuotedPrintable(body),
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", ""))),
            _ => body,
        };
        return new SentMail(headers.GetValueOrDefault("To") ?? "", headers.GetValueOrDefault("Subject") ?? "", body);
    }

    private static string DecodeQuotedPrintable(string text)
    {
        text = text.Replace("=\r\n", "");
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.Add((byte)text[i]);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
