using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Authorization;

public sealed record ModulePermissionRequirement(ProgrammeModule Module, ModuleAction Action) : IAuthorizationRequirement;

public readonly record struct ModuleRights(bool View, bool Create, bool Edit, bool Delete, bool Approve)
{
    public static readonly ModuleRights None = default;
    public static readonly ModuleRights All = new(true, true, true, true, true);

    public bool Allows(ModuleAction action) => action switch
    {
        ModuleAction.View => View,
        ModuleAction.Create => Create,
        ModuleAction.Edit => Edit,
        ModuleAction.Delete => Delete,
        ModuleAction.Approve => Approve,
        _ => false,
    };

    public static ModuleRights From(ModuleAccess row) => new(row.CanView, row.CanCreate, row.CanEdit, row.CanDelete, row.CanApprove);
}

/// <summary>
/// Rights on the dealer-programme modules: a user's stored <see cref="ModuleAccess"/> row where an
/// Admin has set one, otherwise the defaults of their roles (the most generous role wins). Each check reads on its own
/// context, so a circuit's authorization sees a change an administrator saved a moment ago.
/// </summary>
public sealed class ModulePermissionService(IDbContextFactory<MotorTraceDbContext> dbFactory)
{
    public static ModuleRights Defaults(IEnumerable<string> roles, UserType userType, ProgrammeModule module)
    {
        var rights = ModuleRights.None;
        foreach (var role in roles)
            rights = Union(rights, DefaultFor(role, userType, module));
        return rights;
    }

    private static ModuleRights DefaultFor(string role, UserType userType, ProgrammeModule module) => role switch
    {
        Roles.Admin => ModuleRights.All,
        // The manufacturer's network team reviews and approves what dealers submit.
        Roles.Manager when userType == UserType.Manufacturer => new(true, false, false, false, true),
        Roles.Manager => new(true, true, true, false, false),
        Roles.WarrantyManager when module == ProgrammeModule.WarrantySurvey => new(true, true, true, false, false),
        Roles.Technician when module is ProgrammeModule.TechnicalSurvey or ProgrammeModule.MtMeet => new(true, true, true, false, false),
        Roles.ServiceAdvisor when module == ProgrammeModule.WorkshopSurvey => new(true, true, true, false, false),
        Roles.WarrantyManager or Roles.Technician or Roles.ServiceAdvisor => new(true, false, false, false, false),
        _ => ModuleRights.None,
    };

    private static ModuleRights Union(ModuleRights a, ModuleRights b) =>
        new(a.View || b.View, a.Create || b.Create, a.Edit || b.Edit, a.Delete || b.Delete, a.Approve || b.Approve);

    /// <summary>Every module's effective rights for one user, and whether they come from a stored row.</summary>
    public async Task<IReadOnlyDictionary<ProgrammeModule, (ModuleRights Rights, bool Stored)>> GetAsync(
        Guid userId, IReadOnlyCollection<string> roles, UserType userType)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var stored = await db.ModuleAccess.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.Module);
        return Enum.GetValues<ProgrammeModule>().ToDictionary(
            module => module,
            module => stored.TryGetValue(module, out var row)
                ? (ModuleRights.From(row), true)
                : (Defaults(roles, userType, module), false));
    }
}

public sealed class ModulePermissionHandler(ModulePermissionService permissions) : AuthorizationHandler<ModulePermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ModulePermissionRequirement requirement)
    {
        if (context.User.UserId() is not { } userId || context.User.UserType() is not { } userType) return;
        var roles = Roles.All.Where(context.User.IsInRole).ToList();
        var rights = await permissions.GetAsync(userId, roles, userType);
        if (rights[requirement.Module].Rights.Allows(requirement.Action)) context.Succeed(requirement);
    }
}
