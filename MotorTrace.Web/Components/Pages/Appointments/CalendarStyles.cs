using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Web.Components.Shared;
using MudBlazor;

namespace MotorTrace.Web.Components.Pages.Appointments;

/// <summary>The calendar's colours come from the one status table (<see cref="StatusStyles"/>), as theme variables.</summary>
public static class CalendarStyles
{
    /// <summary>A style setting <c>--mt-status</c> to the status' palette colour, for the entry's left edge and tint.</summary>
    public static string StatusStyle(AppointmentStatus status) => $"--mt-status: {Palette(StatusStyles.Colour(status))}";

    private static string Palette(Color colour) => colour switch
    {
        Color.Default or Color.Inherit or Color.Surface or Color.Transparent => "var(--mud-palette-text-secondary)",
        _ => $"var(--mud-palette-{colour.ToString().ToLowerInvariant()})",
    };
}
