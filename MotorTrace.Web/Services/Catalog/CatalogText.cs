using System.Globalization;
using System.Text.RegularExpressions;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>How catalogue values are stored and shown: one place, so the labor and service pages agree.</summary>
public static partial class CatalogText
{
    /// <summary>A dealer that never saved its settings works with their defaults, currency included.</summary>
    public static readonly string DefaultCurrency = new Data.Entities.Network.DealerSettings().CurrencyCode;

    /// <summary>Codes are stored trimmed and upper case ("brk-fp " is BRK-FP), so uniqueness ignores case.</summary>
    public static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();

    public static bool IsValidCode(string? code) => code is not null && CodeRegex().IsMatch(code);

    /// <summary>Optional text as stored: trimmed, null when empty.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Money is entered with at most two decimals (the column's precision); more would be rounded silently.</summary>
    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, 2) == amount;

    /// <summary>The same amount with exactly two decimals, so a form shows 4500.50 rather than 4500.5.</summary>
    public static decimal TwoDecimals(decimal amount) =>
        decimal.Parse(amount.ToString("F2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>"1 h 45 min", "45 min".</summary>
    public static string Minutes(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };

    /// <summary>Whole minutes typed into a text box; null with a message when it is not one.</summary>
    public static (int? Value, string? Error) ParseMinutes(string? text, bool optional)
    {
        if (string.IsNullOrWhiteSpace(text))
            return optional ? (null, null) : (null, "Enter the minutes.");
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes is >= 1 and <= CatalogLimits.MaxMinutes
            ? (minutes, null)
            : (null, "Enter whole minutes, from 1 to 1,440.");
    }

    [GeneratedRegex(CatalogLimits.CodePattern)]
    private static partial Regex CodeRegex();
}
