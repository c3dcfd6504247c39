using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Data.Entities.Network;

/// <summary>
/// A user's rights on one dealer-programme module (seed 003 module_access). A user without a row for a
/// module has the defaults of their role (see <c>ModulePermissionDefaults</c> in the web app).
/// </summary>
public class ModuleAccess : Entity
{
    public Guid UserId { get; set; }
    public ApplicationUser User { get; set; } = null!;
    public ProgrammeModule Module { get; set; }
    public bool CanView { get; set; }
    public bool CanCreate { get; set; }
    public bool CanEdit { get; set; }
    public bool CanDelete { get; set; }
    public bool CanApprove { get; set; }
    public DateTime GrantedAt { get; set; }
    public Guid? GrantedById { get; set; }
}

public enum ProgrammeModule
{
    DealerPcc,
    ApiRegistration,
    MtMeet,
    WorkshopSurvey,
    WarrantySurvey,
    TechnicalSurvey,
}

public enum ModuleAction
{
    View,
    Create,
    Edit,
    Delete,
    Approve,
}
