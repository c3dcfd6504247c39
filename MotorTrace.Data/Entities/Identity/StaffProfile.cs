using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Data.Entities.Identity;

/// <summary>
/// The staff details of seed 000's ServiceAdvisor, Technician, InventoryManager, Manager and Admin
/// tables in one row per staff user (each seed table had the same 1:1 shape; Admin.permissions
/// became <see cref="Network.ModuleAccess"/>).
/// </summary>
public class StaffProfile : AuditableEntity
{
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public string EmployeeId { get; set; } = "";
    public string? Department { get; set; }
    public string? Mobile { get; set; }
    public string? Specialization { get; set; }
    public List<string> Certifications { get; set; } = [];
}
