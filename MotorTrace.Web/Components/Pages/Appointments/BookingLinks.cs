using System.Globalization;

namespace MotorTrace.Web.Components.Pages.Appointments;

/// <summary>The <c>start</c> a free slot of the calendar hands to the booking page (<c>/appointments/new?start=…</c>), in the dealer's local time.</summary>
public static class BookingLinks
{
    public const string Path = "/appointments/new";

    public static string FormatStart(DateTime start) => start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ParseStart(string? value) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : null;
}
