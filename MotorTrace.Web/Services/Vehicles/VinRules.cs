using System.ComponentModel.DataAnnotations;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>
/// What a VIN must look like (ISO 3779): 17 characters, letters and digits without I, O and Q (they are
/// too easily read as 1 and 0). North-American VINs (first character 1–5) carry a check digit in
/// position 9; a wrong one is most often a typo, but grey imports exist, so it is a warning, not an error.
/// </summary>
public static class VinRules
{
    public static string Normalize(string? vin) => MotorTrace.Data.Entities.Customers.SearchNormalization.Vin(vin);

    /// <summary>An error that refuses the VIN, or null.</summary>
    public static string? Error(string? vin)
    {
        var v = Normalize(vin);
        if (v.Length == 0) return "Enter the VIN (17 characters, on the windscreen or the registration papers).";
        if (v.Length != 17) return $"A VIN has 17 characters; this one has {v.Length}.";
        if (v.IndexOfAny(['I', 'O', 'Q']) >= 0) return "A VIN never contains the letters I, O or Q: check for 1 and 0.";
        if (!v.All(char.IsAsciiLetterOrDigit)) return "A VIN has only letters and digits.";
        return null;
    }

    /// <summary>A warning to show but not block on, or null.</summary>
    public static string? Warning(string? vin)
    {
        var v = Normalize(vin);
        if (Error(v) is not null || v[0] is < '1' or > '5') return null;
        return CheckDigit(v) == v[8] ? null
            : $"The check digit (9th character) should be '{CheckDigit(v)}' for a North-American VIN. Check the VIN for a typo.";
    }

    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    public static char CheckDigit(string vin)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Transliterate(vin[i]) * Weights[i];
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => 0,
    };
}

/// <summary>
/// The VIN format rules of <see cref="VinRules.Error"/> as a DataAnnotations attribute, so a form shows a malformed
/// VIN together with its other field errors instead of only after they are fixed. Empty is left to [Required].
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class VinAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string vin && VinRules.Normalize(vin).Length > 0 && VinRules.Error(vin) is { } error
            ? new ValidationResult(error, validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
