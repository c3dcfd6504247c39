using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace MotorTrace.Web.Components.Pages.Appointments;

/// <summary>
/// Addresses of the booking page's steps. The time picked on the calendar (<c>start</c>) and the calendar's
/// "assigned to" filter travel along, so choosing or creating the customer never loses them.
/// </summary>
public sealed record BookingLinks(DateTime? Start, Guid? Assignee)
{
    public const string Path = "/appointments/new";

    public static string FormatStart(DateTime start) => start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ParseStart(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : null;

    public string Search(string? q = null) => Href(("q", q));
    public string Vehicle(Guid vehicleId) => Href(("vehicleId", vehicleId.ToString()));
    public string Customer(Guid customerId) => Href(("customerId", customerId.ToString()));
    public string NewCustomer(string? q = null) => Href(("new", "1"), ("q", q));

    /// <summary>
    /// The fragment endpoint behind the live customer search. The search form's hidden fields send start and
    /// assignee; in this address as well, they came twice and the doubled start no longer parsed.
    /// </summary>
    public const string SearchFragmentPath = Path + "/customers";

    public string Href(params (string Name, string? Value)[] extra) => Href(Path, extra);

    private string Href(string path, params (string Name, string? Value)[] extra)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var (name, value) in extra)
            if (!string.IsNullOrEmpty(value)) parameters.Add(new(name, value));
        if (Start is { } start) parameters.Add(new("start", FormatStart(start)));
        if (Assignee is { } assignee) parameters.Add(new("assignee", assignee.ToString()));
        return QueryHelpers.AddQueryString(path, parameters);
    }
}
