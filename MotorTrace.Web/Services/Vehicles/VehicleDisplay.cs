using System.Globalization;
using System.Text;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>How the vehicle pages write numbers, money and enum values.</summary>
public static class VehicleDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Km(int km) => km.ToString("N0", Invariant) + " km";

    public static string Km(int? km) => km is { } value ? Km(value) : "—";

    /// <summary>Fuel efficiency in km per litre, with one or two decimals.</summary>
    public static string Efficiency(decimal? kmPerLitre) => kmPerLitre is { } value ? value.ToString("0.0#", Invariant) + " km/L" : "—";

    public static string Litres(decimal? litres) => litres is { } value ? value.ToString("#,0.0#", Invariant) + " L" : "—";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", Invariant);

    /// <summary>"InService" → "In service", for enum values shown to people.</summary>
    public static string Humanize(Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1])) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.ToString();
    }
}
