using System.ComponentModel.DataAnnotations;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Services.Admin;

/// <summary>The user create/edit form. Rules that need the database or several fields are checked by <see cref="UserAdminService"/>.</summary>
public sealed class UserForm
{
    [Required(ErrorMessage = "Enter the full name.")]
    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    public string FullName { get; set; } = "";

    [Required(ErrorMessage = "Enter the email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
    [StringLength(256, ErrorMessage = "Use at most 256 characters.")]
    public string Email { get; set; } = "";

    [RegularExpression(FormPatterns.Phone, ErrorMessage = "Enter a phone number, e.g. +91 20 5555 1234.")]
    [StringLength(32, ErrorMessage = "Use at most 32 characters.")]
    public string? PhoneNumber { get; set; }

    public UserType UserType { get; set; } = UserType.Dealer;

    public Guid? DealerId { get; set; }

    /// <summary>One entry per role, in <see cref="Data.Entities.Identity.Roles.All"/> order, so unticked boxes still post their row.</summary>
    public List<RoleChoice> Roles { get; set; } = [];

    [StringLength(50, ErrorMessage = "Use at most 50 characters.")]
    public string? Designation { get; set; }

    [StringLength(50, ErrorMessage = "Use at most 50 characters.")]
    public string? EmployeeId { get; set; }

    [StringLength(100, ErrorMessage = "Use at most 100 characters.")]
    public string? Department { get; set; }

    [StringLength(200, ErrorMessage = "Use at most 200 characters.")]
    public string? Specialization { get; set; }

    /// <summary>Comma-separated, e.g. "EV high-voltage level 2, Diagnostics".</summary>
    [StringLength(1000, ErrorMessage = "Use at most 1000 characters.")]
    public string? Certifications { get; set; }

    /// <summary>Identity's concurrency stamp of the user as the form was loaded; empty for a new user.</summary>
    public string? ConcurrencyStamp { get; set; }

    public IEnumerable<string> SelectedRoles => Roles.Where(r => r.Selected).Select(r => r.Name).Distinct(StringComparer.Ordinal);

    public static UserForm New() => new() { Roles = Choices([]) };

    /// <summary>A copy for the service: the form on screen keeps what was typed whatever the save does.</summary>
    public UserForm Copy() => new()
    {
        FullName = FullName, Email = Email, PhoneNumber = PhoneNumber, UserType = UserType, DealerId = DealerId,
        Roles = Roles.Select(r => new RoleChoice { Name = r.Name, Selected = r.Selected }).ToList(),
        Designation = Designation, EmployeeId = EmployeeId, Department = Department, Specialization = Specialization,
        Certifications = Certifications, ConcurrencyStamp = ConcurrencyStamp,
    };

    public static List<RoleChoice> Choices(IEnumerable<string> selected)
    {
        var set = selected.ToHashSet(StringComparer.Ordinal);
        return Data.Entities.Identity.Roles.All.Select(r => new RoleChoice { Name = r, Selected = set.Contains(r) }).ToList();
    }

    public static List<string> SplitCertifications(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

public sealed class RoleChoice
{
    public string Name { get; set; } = "";
    public bool Selected { get; set; }
}
