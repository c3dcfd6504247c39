namespace MotorTrace.Data.Entities.Customers;

/// <summary>
/// The one definition of how typed-in phone numbers, emails, plates and VINs are compared. Entities use it
/// to fill their indexed search columns; search code must use it on the query text, or nothing matches.
/// </summary>
public static class SearchNormalization
{
    /// <summary>Digits only, so "+91 98450-12345" and "9845012345" share a prefix-searchable form.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Upper case without spaces or dashes: plates are read aloud and typed in every format.</summary>
    public static string? LicensePlate(string? plate)
    {
        if (string.IsNullOrWhiteSpace(plate)) return null;
        var compact = new string([.. plate.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        return compact.Length == 0 ? null : compact;
    }

    /// <summary>VINs are upper-case by standard; normalising keeps the per-dealer unique index honest.</summary>
    public static string Vin(string? vin) =>
        vin is null ? "" : new string([.. vin.Where(c => !char.IsWhiteSpace(c))]).ToUpperInvariant();
}
