using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Admin;

public sealed record StaffUserOption(Guid Id, string FullName, string? Email, UserType UserType, string? DealerCode, bool IsActive, List<string> Roles);

/// <summary>One module's rights for one user: what applies, what the roles would give, and whether an admin stored a row.</summary>
public sealed record ModuleRightsState(ProgrammeModule Module, ModuleRights Effective, ModuleRights Defaults, bool Stored,
    DateTime? GrantedAt, string? GrantedBy);

public sealed record PermissionMatrix(StaffUserOption User, IReadOnlyList<ModuleRightsState> Modules);

/// <summary>Seed 003 view v_active_users, with the module count taken from effective rights.</summary>
public sealed record ActiveUserSummary(Guid Id, string FullName, string? Email, UserType UserType, List<string> Roles,
    string? DealerCode, string? DealerName, DateTime? LastLoginAt, int ViewableModules);

/// <summary>Seed 003 view v_module_statistics over effective rights of active users.</summary>
public sealed record ModuleStatistics(ProgrammeModule Module, int CanView, int CanCreate, int CanEdit, int CanDelete, int CanApprove);

public sealed class PermissionMatrixForm
{
    public List<ModuleRightsRow> Rows { get; set; } = [];

    public static PermissionMatrixForm From(PermissionMatrix matrix) => new()
    {
        Rows = matrix.Modules.Select(m => new ModuleRightsRow
        {
            Module = m.Module, View = m.Effective.View, Create = m.Effective.Create, Edit = m.Effective.Edit,
            Delete = m.Effective.Delete, Approve = m.Effective.Approve,
        }).ToList(),
    };
}

public sealed class ModuleRightsRow
{
    public ProgrammeModule Module { get; set; }
    public bool View { get; set; }
    public bool Create { get; set; }
    public bool Edit { get; set; }
    public bool Delete { get; set; }
    public bool Approve { get; set; }

    public ModuleRights Rights => new(View, Create, Edit, Delete, Approve);
}

/// <summary>
/// Per-user rights on the six dealer-programme modules. A user has the defaults of their roles
/// (<see cref="ModulePermissionService.Defaults"/>) until an administrator stores a row for a module;
/// resetting deletes the stored rows, so the user follows role defaults again.
/// </summary>
/// <remarks>Each operation uses its own context (the service serves circuits); the granting administrator is <see cref="CurrentUser"/>.</remarks>
public sealed class ModulePermissionAdmin(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public static string DisplayName(ProgrammeModule module) => module switch
    {
        ProgrammeModule.DealerPcc => "Dealer PCC",
        ProgrammeModule.ApiRegistration => "API registration",
        ProgrammeModule.MtMeet => "MT meet",
        ProgrammeModule.WorkshopSurvey => "Workshop survey",
        ProgrammeModule.WarrantySurvey => "Warranty survey",
        ProgrammeModule.TechnicalSurvey => "Technical survey",
        _ => module.ToString(),
    };

    public static readonly string[] ActiveUserFilterNames = ["dealer", "type", "module", "right"];

    private static readonly GridSortMap<ApplicationUser> ActiveUserSorts = new GridSortMap<ApplicationUser>("name")
    {
        { "name", u => u.FullName },
        { "dealer", u => u.Dealer!.DealerCode },
        { "lastlogin", u => u.LastLoginAt },
    }.ThenBy(u => u.Id);

    private static IQueryable<ApplicationUser> StaffUsers(MotorTraceDbContext db)
    {
        var staff = Roles.Staff.Select(r => r.ToUpperInvariant()).ToList();
        return db.Users.AsNoTracking().Where(u =>
            db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staff.Contains(r.NormalizedName!))));
    }

    private static IQueryable<StaffUserOption> ToOption(MotorTraceDbContext db, IQueryable<ApplicationUser> users) => users.Select(u => new StaffUserOption(
        u.Id, u.FullName, u.Email, u.UserType, u.Dealer == null ? null : u.Dealer.DealerCode, u.IsActive,
        db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()));

    /// <summary>Staff users whose name or email contains <paramref name="search"/>, first <paramref name="take"/> by name, and how many matched.</summary>
    public async Task<(IReadOnlyList<StaffUserOption> Users, int Total)> SearchStaffAsync(string? search, int take)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var users = StaffUsers(db);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var lower = search.Trim().ToLowerInvariant();
            var upper = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.FullName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        var total = await users.CountAsync();
        var page = await ToOption(db, users.OrderBy(u => u.FullName).ThenBy(u => u.Id).Take(take)).ToListAsync();
        return (page, total);
    }

    /// <summary>The matrix of one staff user; null for a customer or an unknown id.</summary>
    public async Task<PermissionMatrix?> GetMatrixAsync(Guid userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await GetMatrixAsync(db, userId);
    }

    private static async Task<PermissionMatrix?> GetMatrixAsync(MotorTraceDbContext db, Guid userId)
    {
        var user = await ToOption(db, StaffUsers(db).Where(u => u.Id == userId)).FirstOrDefaultAsync();
        if (user is null) return null;
        var stored = await db.ModuleAccess.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { Row = m, GrantedBy = db.Users.Where(g => g.Id == m.GrantedById).Select(g => g.FullName).FirstOrDefault() })
            .ToDictionaryAsync(m => m.Row.Module);

        var modules = Enum.GetValues<ProgrammeModule>().Select(module =>
        {
            var defaults = ModulePermissionService.Defaults(user.Roles, user.UserType, module);
            return stored.TryGetValue(module, out var row)
                ? new ModuleRightsState(module, ModuleRights.From(row.Row), defaults, true, row.Row.GrantedAt, row.GrantedBy)
                : new ModuleRightsState(module, defaults, defaults, false, null, null);
        }).ToList();
        return new PermissionMatrix(user, modules);
    }

    /// <summary>
    /// Stores the rows an administrator changed. A module still on role defaults and left as the defaults
    /// stays on defaults, so later changes to a role's defaults still reach it; a stored row is updated.
    /// The value is the modules whose rights changed, for the page to confirm.
    /// </summary>
    public async Task<ServiceResult<IReadOnlyList<ProgrammeModule>>> SaveAsync(Guid userId, PermissionMatrixForm form)
    {
        if (currentUser.UserId is not { } actingUserId) return ServiceResult.Fail("", "Sign in again to change rights.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var matrix = await GetMatrixAsync(db, userId);
        if (matrix is null) return ServiceResult.Fail("", "This user no longer exists or is not a member of staff.");
        if (form.Rows.Count != matrix.Modules.Count || form.Rows.Select(r => r.Module).Distinct().Count() != matrix.Modules.Count
            || form.Rows.Any(r => !Enum.IsDefined(r.Module)))
            return ServiceResult.Fail("", "The form was incomplete. Reload the page and try again.");

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await db.ModuleAccess.Where(m => m.UserId == userId).ToDictionaryAsync(m => m.Module);
        var changed = new List<ProgrammeModule>();
        foreach (var row in form.Rows)
        {
            var rights = Consistent(row.Rights);
            var state = matrix.Modules.Single(m => m.Module == row.Module);
            if (stored.TryGetValue(row.Module, out var access))
            {
                if (ModuleRights.From(access) == rights) continue;
                Set(access, rights);
            }
            else
            {
                if (rights == state.Defaults) continue;
                access = new ModuleAccess { UserId = userId, Module = row.Module };
                Set(access, rights);
                db.ModuleAccess.Add(access);
            }
            access.GrantedAt = now;
            access.GrantedById = actingUserId;
            if (rights != state.Effective) changed.Add(row.Module);
        }
        await db.SaveChangesAsync();
        return new ServiceResult<IReadOnlyList<ProgrammeModule>>(changed, ServiceResult.Ok);
    }

    /// <summary>Deletes the user's stored rows (one by one, so each deletion is audited).</summary>
    public async Task<int> ResetAsync(Guid userId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db.ModuleAccess.Where(m => m.UserId == userId).ToListAsync();
        db.ModuleAccess.RemoveRange(rows);
        await db.SaveChangesAsync();
        return rows.Count;
    }

    public async Task<GridResult<ActiveUserSummary>> ActiveUsersAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (query.Search is { } search)
        {
            var lower = search.ToLowerInvariant();
            var upper = search.ToUpperInvariant();
            users = users.Where(u => u.FullName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        if (Guid.TryParse(query.Filter("dealer"), out var dealerId)) users = users.Where(u => u.DealerId == dealerId);
        if (Enum.TryParse<UserType>(query.Filter("type"), ignoreCase: true, out var type) && Enum.IsDefined(type))
            users = users.Where(u => u.UserType == type);
        if (Enum.TryParse<ProgrammeModule>(query.Filter("module"), ignoreCase: true, out var module) && Enum.IsDefined(module))
        {
            // The users behind a figure of the module statistics: effective rights come from code and stored rows.
            var action = Enum.TryParse<ModuleAction>(query.Filter("right"), ignoreCase: true, out var right) && Enum.IsDefined(right) ? right : ModuleAction.View;
            var holders = (await EffectiveRightsAsync(db, module, cancellationToken)).Where(r => r.Rights.Allows(action)).Select(r => r.UserId).ToList();
            users = users.Where(u => holders.Contains(u.Id));
        }

        var page = await users.ToGridResultAsync(query, ActiveUserSorts, u => new
        {
            u.Id, u.FullName, u.Email, u.UserType, u.LastLoginAt,
            DealerCode = u.Dealer == null ? null : u.Dealer.DealerCode,
            DealerName = u.Dealer == null ? null : u.Dealer.Name,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
        });
        var ids = page.Items.Select(u => u.Id).ToList();
        var stored = await StoredRightsAsync(db.ModuleAccess.Where(m => ids.Contains(m.UserId)));
        var rows = page.Items.Select(u => new ActiveUserSummary(u.Id, u.FullName, u.Email, u.UserType, u.Roles, u.DealerCode, u.DealerName,
                u.LastLoginAt, Enum.GetValues<ProgrammeModule>().Count(m => Effective(u.Roles, u.UserType, m, stored, u.Id).View)))
            .ToList();
        return new GridResult<ActiveUserSummary>(rows, page.Total, page.Query);
    }

    /// <summary>
    /// Counts over every active user. Role defaults live in code, not in the database, so the counting
    /// happens here: one row per user (id, type, roles) plus the stored rows, which a network of a few
    /// thousand users reads in milliseconds.
    /// </summary>
    public async Task<IReadOnlyList<ModuleStatistics>> ModuleStatisticsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new
        {
            u.Id, u.UserType,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
        }).ToListAsync();
        var stored = await StoredRightsAsync(db.ModuleAccess.Where(m => m.User.IsActive));

        return Enum.GetValues<ProgrammeModule>().Select(module =>
        {
            var rights = users.Select(u => Effective(u.Roles, u.UserType, module, stored, u.Id)).ToList();
            return new ModuleStatistics(module, rights.Count(r => r.View), rights.Count(r => r.Create), rights.Count(r => r.Edit),
                rights.Count(r => r.Delete), rights.Count(r => r.Approve));
        }).ToList();
    }

    /// <summary>Every active user's effective rights on one module.</summary>
    private static async Task<List<(Guid UserId, ModuleRights Rights)>> EffectiveRightsAsync(MotorTraceDbContext db, ProgrammeModule module,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).Select(u => new
        {
            u.Id, u.UserType,
            Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
        }).ToListAsync(cancellationToken);
        var stored = await StoredRightsAsync(db.ModuleAccess.Where(m => m.User.IsActive && m.Module == module));
        return users.Select(u => (u.Id, Effective(u.Roles, u.UserType, module, stored, u.Id))).ToList();
    }

    private static async Task<Dictionary<(Guid, ProgrammeModule), ModuleRights>> StoredRightsAsync(IQueryable<ModuleAccess> rows) =>
        (await rows.AsNoTracking().ToListAsync()).ToDictionary(m => (m.UserId, m.Module), ModuleRights.From);

    private static ModuleRights Effective(IReadOnlyCollection<string> roles, UserType type, ProgrammeModule module,
        Dictionary<(Guid, ProgrammeModule), ModuleRights> stored, Guid userId) =>
        stored.TryGetValue((userId, module), out var rights) ? rights : ModulePermissionService.Defaults(roles, type, module);

    /// <summary>Every other right implies seeing the module: a user who may approve but not view could not reach the page.</summary>
    private static ModuleRights Consistent(ModuleRights rights) =>
        rights with { View = rights.View || rights.Create || rights.Edit || rights.Delete || rights.Approve };

    private static void Set(ModuleAccess access, ModuleRights rights)
    {
        access.CanView = rights.View;
        access.CanCreate = rights.Create;
        access.CanEdit = rights.Edit;
        access.CanDelete = rights.Delete;
        access.CanApprove = rights.Approve;
    }
}
