using MudBlazor;

namespace MotorTrace.Web.Components.Layout;

/// <summary>
/// The one theme of the app, light and dark. Colours are MudBlazor's defaults except where those fail WCAG AA contrast
/// (4.5:1 for text) on their own background or with their contrast text: checked with axe on every page.
/// Fonts are the system's: a workshop may have no internet, and nothing is fetched from a CDN.
/// </summary>
public static class MotorTraceTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1e5aa8",
            Secondary = "#c2185b",
            Success = "#1b5e20",
            Info = "#01579b",
            Warning = "#8a4b00",
            Error = "#b3261e",
            AppbarBackground = "#16243a",
            TextSecondary = "rgba(0,0,0,0.68)",
            DrawerText = "rgba(0,0,0,0.87)",
            DrawerIcon = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a5c8ff",
            PrimaryContrastText = "#000000",
            Secondary = "#ff80ab",
            SecondaryContrastText = "#000000",
            Success = "#81c784",
            SuccessContrastText = "#000000",
            Info = "#81d4fa",
            InfoContrastText = "#000000",
            Warning = "#ffb74d",
            WarningContrastText = "#000000",
            Error = "#ff8a80",
            ErrorContrastText = "#000000",
            TextSecondary = "rgba(255,255,255,0.70)",
            DrawerText = "rgba(255,255,255,0.87)",
            DrawerIcon = "rgba(255,255,255,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
