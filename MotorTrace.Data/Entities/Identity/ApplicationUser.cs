using Microsoft.AspNetCore.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Data.Entities.Identity;

/// <summary>
/// One person who can sign in: seed 000 UserProfile and seed 003 users, fused. Staff details of the
/// six seed role tables live in <see cref="StaffProfile"/>; the role itself is an Identity role.
/// </summary>
public class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser() => Id = Guid.CreateVersion7();

    public string FullName { get; set; } = "";
    public UserType UserType { get; set; }
    public Guid? DealerId { get; set; }
    public Dealer? Dealer { get; set; }
    public string? Designation { get; set; }
    public string? ProfileImage { get; set; }
    public bool IsActive { get; set; } = true;
    public bool IsRegistrationComplete { get; set; } = true;
    public DateTime? LastLoginAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? CreatedById { get; set; }

    public StaffProfile? StaffProfile { get; set; }
}

public class ApplicationRole : IdentityRole<Guid>
{
    public ApplicationRole() => Id = Guid.CreateVersion7();
    public ApplicationRole(string name) : this() { Name = name; NormalizedName = name.ToUpperInvariant(); }
}

/// <summary>Manufacturer users see every dealer; dealer users see their own; customers see their own records.</summary>
public enum UserType
{
    Manufacturer,
    Dealer,
    Customer,
}

/// <summary>The role names, as Identity stores them. Seed roles map onto these (see docs/domain.md).</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string ServiceAdvisor = "ServiceAdvisor";
    public const string Technician = "Technician";
    public const string InventoryManager = "InventoryManager";
    public const string WarrantyManager = "WarrantyManager";
    public const string Customer = "Customer";

    public static readonly IReadOnlyList<string> Staff = [Admin, Manager, ServiceAdvisor, Technician, InventoryManager, WarrantyManager];
    public static readonly IReadOnlyList<string> All = [.. Staff, Customer];

    public static string DisplayName(string role) => role switch
    {
        ServiceAdvisor => "Service advisor",
        InventoryManager => "Inventory manager",
        WarrantyManager => "Warranty manager",
        _ => role,
    };
}
