using System.Net.Mail;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Admin;

public sealed record UserRow(Guid Id, string FullName, string Email, UserType UserType, string? DealerCode, string? DealerName,
    List<string> Roles, bool IsActive, DateTime? LastLoginAt, DateTimeOffset? LockoutEnd);

/// <summary>The edit page's view of one user: the form, and the account state shown beside it.</summary>
public sealed record UserDetails(Guid Id, UserForm Form, string Email, bool IsActive, DateTimeOffset? LockoutEnd, DateTime? LastLoginAt,
    DateTime CreatedAt, int ActiveSessions, bool HasPassword);

public sealed record CreatedUser(Guid Id, bool InvitationSent);

/// <summary>Whether an account can sign in: active, locked out after failed attempts, or deactivated by an administrator.</summary>
public enum AccountStatus
{
    Active,
    Locked,
    Inactive,
}

/// <summary>
/// Administration of user accounts: list, create with an emailed invitation, edit, deactivate, unlock. The acting
/// administrator is <see cref="CurrentUser"/>; each operation uses its own context (the service serves circuits), and
/// UserManager only validates, normalises and makes tokens.
/// </summary>
public sealed class UserAdminService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    SessionService sessions,
    AccountService accounts,
    CurrentUser currentUser,
    DealerContext dealerContext,
    TimeProvider clock,
    ILogger<UserAdminService> logger)
{
    public const string StaleEditMessage = "Someone else changed this user while you were editing. Reload to see their changes.";
    public const string InvitationReason = "An administrator created a MotorTrace account for you.";
    public const string ResetReason = "An administrator asked MotorTrace to send you a link to choose a new password.";

    public static readonly string[] FilterNames = ["role", "type", "dealer", "status"];

    private static readonly GridSortMap<ApplicationUser> Sorts = new GridSortMap<ApplicationUser>("name")
    {
        { "name", u => u.FullName },
        { "email", u => u.NormalizedEmail },
        { "lastlogin", u => u.LastLoginAt },
    }.ThenBy(u => u.Id);

    public async Task<GridResult<UserRow>> ListAsync(GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (query.Search is { } search)
        {
            // lower()/upper() on both sides: SQLite's instr and PostgreSQL's strpos are case-sensitive.
            var lower = search.ToLowerInvariant();
            var upper = search.ToUpperInvariant();
            users = users.Where(u => u.FullName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        if (Roles.All.FirstOrDefault(r => r.Equals(query.Filter("role"), StringComparison.OrdinalIgnoreCase)) is { } role)
        {
            var normalized = role.ToUpperInvariant();
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        if (Enum.TryParse<UserType>(query.Filter("type"), ignoreCase: true, out var type) && Enum.IsDefined(type))
            users = users.Where(u => u.UserType == type);
        if (Guid.TryParse(query.Filter("dealer"), out var dealerId))
            users = users.Where(u => u.DealerId == dealerId);
        switch (query.Filter("status")?.ToLowerInvariant())
        {
            case "active": users = users.Where(u => u.IsActive); break;
            case "inactive": users = users.Where(u => !u.IsActive); break;
        }

        return await users.ToGridResultAsync(query, Sorts, u => new UserRow(
            u.Id, u.FullName, u.Email!, u.UserType,
            u.Dealer == null ? null : u.Dealer.DealerCode,
            u.Dealer == null ? null : u.Dealer.Name,
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            u.IsActive, u.LastLoginAt, u.LockoutEnd));
    }

    public async Task<UserDetails?> GetAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.FullName, u.Email, u.PhoneNumber, u.UserType, u.DealerId, u.Designation, u.ConcurrencyStamp,
                u.IsActive, u.LockoutEnd, u.LastLoginAt, u.CreatedAt, HasPassword = u.PasswordHash != null,
                Profile = u.StaffProfile == null ? null : new
                {
                    u.StaffProfile.EmployeeId, u.StaffProfile.Department, u.StaffProfile.Specialization, u.StaffProfile.Certifications,
                },
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                ActiveSessions = db.UserSessions.Count(s => s.UserId == u.Id && s.IsActive),
            })
            .FirstOrDefaultAsync();
        if (user is null) return null;

        var form = new UserForm
        {
            FullName = user.FullName,
            Email = user.Email ?? "",
            PhoneNumber = user.PhoneNumber,
            UserType = user.UserType,
            DealerId = user.DealerId,
            Roles = UserForm.Choices(user.Roles),
            Designation = user.Designation,
            EmployeeId = user.Profile?.EmployeeId,
            Department = user.Profile?.Department,
            Specialization = user.Profile?.Specialization,
            Certifications = user.Profile is null ? null : string.Join(", ", user.Profile.Certifications),
            ConcurrencyStamp = user.ConcurrencyStamp,
        };
        return new UserDetails(user.Id, form, user.Email ?? "", user.IsActive, user.LockoutEnd, user.LastLoginAt, user.CreatedAt,
            user.ActiveSessions, user.HasPassword);
    }

    /// <summary>
    /// Creates the account without a password and emails the person a link to choose one, so no
    /// administrator ever knows (or types) another person's password. <paramref name="baseUri"/> is the app's
    /// address the link starts with (the page's <c>NavigationManager.BaseUri</c>).
    /// </summary>
    public async Task<ServiceResult<CreatedUser>> CreateAsync(UserForm form, string baseUri)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var errors = await ValidateAsync(db, null, form);
        if (errors.Count > 0) return ServiceResult.Fail(errors);

        var email = form.Email.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = userManager.NormalizeName(email),
            Email = email,
            NormalizedEmail = userManager.NormalizeEmail(email),
            EmailConfirmed = true,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            LockoutEnabled = userManager.Options.Lockout.AllowedForNewUsers,
            CreatedById = currentUser.UserId,
        };
        Apply(user, form);
        if (await FirstIdentityErrorAsync(user) is { } invalid) return ServiceResult.Fail(invalid);

        // The user, roles and profile go in one SaveChanges on this operation's context, as in UpdateAsync,
        // so a failure leaves nothing half-created and nothing depends on sharing a context with UserManager.
        db.Users.Add(user);
        var roles = await RoleIdsAsync(db);
        foreach (var role in form.SelectedRoles)
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
        if (form.UserType != UserType.Customer) db.StaffProfiles.Add(ApplyProfile(new StaffProfile { UserId = user.Id }, form));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another administrator created the same email or employee id a moment ago.
            return ServiceResult.Fail(await ValidateAsync(db, null, form) is { Count: > 0 } raced ? raced : [("", "The user could not be saved. Try again.")]);
        }

        var sent = await TrySendResetAsync(email, baseUri, InvitationReason);
        return new ServiceResult<CreatedUser>(new CreatedUser(user.Id, sent), ServiceResult.Ok);
    }

    /// <summary>
    /// Saves an edit. An edit from a form loaded before someone else's save is refused with who changed the user and
    /// when; the administrator cannot take their own Admin role away.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, UserForm form)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.Include(u => u.StaffProfile).FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ServiceResult.Fail("", "This user no longer exists.");
        if (user.ConcurrencyStamp != form.ConcurrencyStamp) return await ConflictAsync(db, id);

        var errors = await ValidateAsync(db, id, form);
        if (errors.Count > 0) return ServiceResult.Fail(errors);

        // The check above covers edits made before this request; the original value covers one racing it.
        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = form.ConcurrencyStamp;
        var email = form.Email.Trim();
        user.Email = email;
        user.UserName = email;
        Apply(user, form);

        var roles = await RoleIdsAsync(db);
        var current = await db.UserRoles.Where(ur => ur.UserId == id).ToListAsync();
        var wanted = form.SelectedRoles.Select(r => roles[r]).ToHashSet();
        db.UserRoles.RemoveRange(current.Where(ur => !wanted.Contains(ur.RoleId)));
        foreach (var roleId in wanted.Where(r => current.All(ur => ur.RoleId != r)))
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = id, RoleId = roleId });

        if (form.UserType == UserType.Customer)
        {
            if (user.StaffProfile is not null) db.StaffProfiles.Remove(user.StaffProfile);
        }
        else if (user.StaffProfile is null) db.StaffProfiles.Add(ApplyProfile(new StaffProfile { UserId = id }, form));
        else ApplyProfile(user.StaffProfile, form);

        // What UserManager.UpdateAsync would do, on this context's tracked graph: Identity's validators,
        // normalised names, a new concurrency stamp; then one SaveChanges for user, roles and profile.
        if (await FirstIdentityErrorAsync(user) is { } invalid) return ServiceResult.Fail(invalid);
        user.NormalizedEmail = userManager.NormalizeEmail(email);
        user.NormalizedUserName = userManager.NormalizeName(email);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        try
        {
            await db.SaveChangesAsync();
            return ServiceResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConflictAsync(db, id);
        }
    }

    /// <summary>
    /// Deactivating ends every session of the user and renews their security stamp, so open browsers are
    /// signed out within a minute; sign-in refuses them until an administrator reactivates the account.
    /// An administrator cannot deactivate their own account.
    /// </summary>
    public async Task<ServiceResult> SetActiveAsync(Guid id, bool active)
    {
        if (currentUser.UserId is not { } adminId) return ServiceResult.Fail("", "Sign in again to change accounts.");
        if (!active && id == adminId) return ServiceResult.Fail("", "You cannot deactivate your own account.");
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ServiceResult.Fail("", "This user no longer exists.");
        if (user.IsActive == active) return ServiceResult.Ok;

        // The concurrency stamp stays: an edit form open elsewhere is about the profile, which this does not change.
        user.IsActive = active;
        if (!active) user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        await db.SaveChangesAsync();
        if (!active) await sessions.EndAllForUserAsync(id, SessionEndReason.UserDeactivated, adminId);
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> UnlockAsync(Guid id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (user is null) return ServiceResult.Fail("", "This user no longer exists.");
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    public async Task<ServiceResult> SendPasswordResetAsync(Guid id, string baseUri)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Email, u.IsActive }).FirstOrDefaultAsync();
        if (user?.Email is null) return ServiceResult.Fail("", "This user no longer exists.");
        if (!user.IsActive) return ServiceResult.Fail("", "This account is deactivated: reactivate it before sending a password email.");
        return await TrySendResetAsync(user.Email, baseUri, ResetReason)
            ? ServiceResult.Ok
            : ServiceResult.Fail("", "The email could not be sent. Check the mail settings, then try again.");
    }

    public bool IsLockedOut(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end > clock.GetUtcNow();

    public AccountStatus StatusOf(bool isActive, DateTimeOffset? lockoutEnd) =>
        !isActive ? AccountStatus.Inactive : IsLockedOut(lockoutEnd) ? AccountStatus.Locked : AccountStatus.Active;

    private async Task<bool> TrySendResetAsync(string email, string baseUri, string reason)
    {
        try
        {
            await accounts.SendPasswordResetAsync(email, baseUri, reason);
            return true;
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or IOException)
        {
            // The account itself is fine; the page offers to send the email again.
            logger.LogError(ex, "Could not send the password email to {Email}", email);
            return false;
        }
    }

    /// <summary>The refusal of a stale edit, naming who saved the user meanwhile (from the audit trail) and when (dealer time).</summary>
    private async Task<ServiceResult> ConflictAsync(MotorTraceDbContext db, Guid id)
    {
        var key = id.ToString();
        var saved = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            u.UpdatedAt,
            By = db.AuditLogs.Where(a => a.EntityId == key && a.UserId != null).OrderByDescending(a => a.CreatedAt)
                .Select(a => db.Users.Where(x => x.Id == a.UserId).Select(x => x.FullName).FirstOrDefault()).FirstOrDefault(),
        }).FirstOrDefaultAsync();
        if (saved is null) return ServiceResult.Fail("", "This user no longer exists.");
        await dealerContext.LoadAsync();
        var at = dealerContext.ToLocal(saved.UpdatedAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return ServiceResult.Fail("", $"This user was changed by {saved.By ?? "someone else"} at {at} while you were editing. " +
            "Your changes are still in the form: reload to see theirs, then make yours again.");
    }

    private async Task<List<(string Field, string Message)>> ValidateAsync(MotorTraceDbContext db, Guid? id, UserForm form)
    {
        var actingUserId = currentUser.UserId;
        var errors = new List<(string Field, string Message)>();
        var selected = form.SelectedRoles.ToList();

        if (form.Roles.Any(r => !Roles.All.Contains(r.Name)))
            errors.Add(new(nameof(UserForm.Roles), "Choose roles from the list."));
        else if (form.UserType == UserType.Customer && (selected.Count != 1 || selected[0] != Roles.Customer))
            errors.Add(new(nameof(UserForm.Roles), "A customer account has exactly the Customer role."));
        else if (form.UserType != UserType.Customer && (selected.Contains(Roles.Customer) || !selected.Any(Roles.Staff.Contains)))
            errors.Add(new(nameof(UserForm.Roles), "A staff account needs at least one staff role, and not the Customer role."));
        else if (id is not null && id == actingUserId && !selected.Contains(Roles.Admin))
            errors.Add(new(nameof(UserForm.Roles), "You cannot remove your own Admin role."));

        if (form.UserType == UserType.Manufacturer && form.DealerId is not null)
            errors.Add(new(nameof(UserForm.DealerId), "Manufacturer users see every dealer: leave the dealer empty."));
        else if (form.UserType != UserType.Manufacturer && form.DealerId is null)
            errors.Add(new(nameof(UserForm.DealerId), $"Choose the dealer this {(form.UserType == UserType.Customer ? "customer" : "user")} belongs to."));
        else if (form.DealerId is { } dealerId && !await db.Dealers.AnyAsync(d => d.Id == dealerId))
            errors.Add(new(nameof(UserForm.DealerId), "That dealer no longer exists. Choose another."));

        var normalizedEmail = userManager.NormalizeEmail(form.Email.Trim());
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != id))
            errors.Add(new(nameof(UserForm.Email), "Another user already has this email address."));

        var employeeId = form.EmployeeId?.Trim();
        if (form.UserType == UserType.Customer)
        {
            if (!string.IsNullOrEmpty(employeeId) || !string.IsNullOrWhiteSpace(form.Department)
                || !string.IsNullOrWhiteSpace(form.Specialization) || !string.IsNullOrWhiteSpace(form.Certifications))
                errors.Add(new(nameof(UserForm.EmployeeId), "Customers have no staff profile: leave the staff profile empty."));
        }
        else if (string.IsNullOrEmpty(employeeId))
            errors.Add(new(nameof(UserForm.EmployeeId), "Enter the employee id."));
        else if (await db.StaffProfiles.AnyAsync(p => p.EmployeeId == employeeId && p.UserId != id))
            errors.Add(new(nameof(UserForm.EmployeeId), $"Another staff member already has employee id {employeeId}."));

        return errors;
    }

    private static void Apply(ApplicationUser user, UserForm form)
    {
        user.FullName = form.FullName.Trim();
        user.PhoneNumber = Blank(form.PhoneNumber);
        user.UserType = form.UserType;
        user.DealerId = form.DealerId;
        user.Designation = Blank(form.Designation);
    }

    private static StaffProfile ApplyProfile(StaffProfile profile, UserForm form)
    {
        profile.EmployeeId = form.EmployeeId!.Trim();
        profile.Department = Blank(form.Department);
        profile.Specialization = Blank(form.Specialization);
        var certifications = UserForm.SplitCertifications(form.Certifications);
        if (!certifications.SequenceEqual(profile.Certifications)) profile.Certifications = certifications;
        return profile;
    }

    /// <summary>Role ids by name; a role the database lacks (a network set up without demo data) is created with the user.</summary>
    private static async Task<Dictionary<string, Guid>> RoleIdsAsync(MotorTraceDbContext db)
    {
        var ids = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id);
        foreach (var name in Roles.All.Where(r => !ids.ContainsKey(r)))
        {
            var role = new ApplicationRole(name);
            db.Roles.Add(role);
            ids[name] = role.Id;
        }
        return ids;
    }

    /// <summary>Identity's user validators (user name characters, unique email), as UserManager runs them on create and update.</summary>
    private async Task<List<(string Field, string Message)>?> FirstIdentityErrorAsync(ApplicationUser user)
    {
        foreach (var validator in userManager.UserValidators)
        {
            var validation = await validator.ValidateAsync(userManager, user);
            if (!validation.Succeeded) return FromIdentity(validation);
        }
        return null;
    }

    private static List<(string Field, string Message)> FromIdentity(IdentityResult result) =>
        result.Errors.Select<IdentityError, (string Field, string Message)>(e => e.Code switch
        {
            "ConcurrencyFailure" => ("", StaleEditMessage),
            "DuplicateEmail" or "DuplicateUserName" => (nameof(UserForm.Email), "Another user already has this email address."),
            "InvalidEmail" or "InvalidUserName" => (nameof(UserForm.Email), e.Description),
            _ => ("", e.Description),
        }).DistinctBy(e => e.Field).ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
