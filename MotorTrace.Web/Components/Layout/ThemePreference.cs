namespace MotorTrace.Web.Components.Layout;

/// <summary>
/// Light or dark, the user's choice, remembered in a cookie so the first (prerendered) paint is already right.
/// One per circuit: <c>Routes</c> sets it from the cookie, the user menu toggles it.
/// </summary>
public sealed class ThemePreference
{
    public const string Cookie = "MotorTrace.Theme";
    public const string Dark = "dark";

    public bool IsDark { get; set; }
}
