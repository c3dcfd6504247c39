namespace MotorTrace.Web.Services.Customers;

/// <summary>
/// The one format a customer's phone number is stored and shown in: "+91 98450 12345" for an Indian mobile in
/// international form, "98450 12345" for ten digits without a country code, otherwise "+" and the digits, or the
/// digits alone. Saving writes this format; display formats again, so rows saved before the rule read the same.
/// </summary>
public static class PhoneNumbers
{
    public static string? Format(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0) return phone.Trim();
        var international = phone.TrimStart().StartsWith('+');
        if (international && digits.Length == 12 && digits.StartsWith("91", StringComparison.Ordinal))
            return $"+91 {digits[2..7]} {digits[7..]}";
        if (!international && digits.Length == 10) return $"{digits[..5]} {digits[5..]}";
        return (international ? "+" : "") + digits;
    }

    /// <summary>The <c>tel:</c> link of a number: digits and a leading + only.</summary>
    public static string? TelHref(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return "tel:" + (phone.TrimStart().StartsWith('+') ? "+" : "") + digits;
    }
}
