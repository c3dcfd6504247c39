namespace MotorTrace.Web.Services.Admin;

/// <summary>
/// Patterns for optional fields. [Phone] and [EmailAddress] reject the empty string a browser posts for an
/// empty box; [RegularExpression] accepts it, so "optional" stays optional.
/// </summary>
public static class FormPatterns
{
    public const string Phone = @"^\+?[0-9][0-9 ()\-./]{3,30}$";
    public const string Email = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";
}
