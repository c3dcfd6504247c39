using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Customers;

/// <summary>
/// Portal logins for customers. An invitation creates the login without a password (an
/// <see cref="ApplicationUser"/> of type Customer with the Customer role, at the customer's dealer, linked by
/// <c>Customer.UserId</c>) and emails a password-reset link, so the customer chooses their own password and
/// nobody at the front desk ever knows it. Each operation uses its own context (the service serves circuits);
/// UserManager only validates and normalises.
/// </summary>
public sealed class CustomerPortalService(
    IDbContextFactory<MotorTraceDbContext> dbFactory,
    UserManager<ApplicationUser> userManager,
    AccountService accounts,
    CurrentUser currentUser,
    ILogger<CustomerPortalService> logger)
{
    public const string EmailInUseMessage = "Another MotorTrace account already uses this email address. Use a different email for the portal login.";
    public const string EmailNeededMessage = "Enter the customer's email: the portal invitation is sent there, and it is their sign-in.";

    /// <summary>Whether <paramref name="email"/> can become a new portal login (present, and no account has it yet).</summary>
    public async Task<ServiceResult> CheckEmailAvailableAsync(string? email)
    {
        var (normalized, error) = CustomerService.NormalizeEmail(email);
        if (error is not null) return ServiceResult.Fail(nameof(CustomerForm.Email), error);
        if (normalized is null) return ServiceResult.Fail(nameof(CustomerForm.Email), EmailNeededMessage);
        var key = userManager.NormalizeEmail(normalized);
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Users.AnyAsync(u => u.NormalizedEmail == key)
            ? ServiceResult.Fail(nameof(CustomerForm.Email), EmailInUseMessage)
            : ServiceResult.Ok;
    }

    /// <summary>
    /// Gives an existing customer a portal login and emails the invitation. The value says whether the email
    /// went out: the login exists either way, and <see cref="ResendInvitationAsync"/> can try again.
    /// </summary>
    public async Task<ServiceResult<bool>> InviteAsync(Guid customerId, string baseUri)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId);
        if (customer is null) return ServiceResult.Fail("", "This customer no longer exists.");
        if (customer.UserId is not null) return ServiceResult.Fail("", "This customer already has a portal login.");
        var available = await CheckEmailAvailableAsync(customer.Email);
        if (!available.Succeeded) return available;

        var email = customer.Email!;
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = userManager.NormalizeName(email),
            Email = email,
            NormalizedEmail = userManager.NormalizeEmail(email),
            EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            LockoutEnabled = userManager.Options.Lockout.AllowedForNewUsers,
            FullName = customer.Name,
            PhoneNumber = customer.Phone,
            UserType = UserType.Customer,
            DealerId = customer.DealerId,
            CreatedById = currentUser.UserId,
        };
        // Identity's validators first (what UserManager.CreateAsync runs); then the user, its role and the
        // customer's link in one SaveChanges on this operation's context.
        foreach (var validator in userManager.UserValidators)
        {
            var validation = await validator.ValidateAsync(userManager, user);
            if (!validation.Succeeded)
                return validation.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                    ? ServiceResult.Fail(nameof(CustomerForm.Email), EmailInUseMessage)
                    : ServiceResult.Fail(nameof(CustomerForm.Email), string.Join(" ", validation.Errors.Select(e => e.Description)));
        }
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = await CustomerRoleIdAsync(db) });
        customer.UserId = user.Id;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another desk invited the same email, or this customer, a moment ago.
            return ServiceResult.Fail(nameof(CustomerForm.Email), EmailInUseMessage);
        }

        return new ServiceResult<bool>(await TrySendInvitationAsync(db, email, customer.DealerId, baseUri), ServiceResult.Ok);
    }

    /// <summary>Sends the invitation again, while the customer has not chosen a password yet.</summary>
    public async Task<ServiceResult> ResendInvitationAsync(Guid customerId, string baseUri)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var login = await db.Customers.AsNoTracking().Where(c => c.Id == customerId)
            .Select(c => new { c.DealerId, User = c.User == null ? null : new { c.User.Email, c.User.IsActive, HasPassword = c.User.PasswordHash != null } })
            .FirstOrDefaultAsync();
        if (login is null) return ServiceResult.Fail("", "This customer no longer exists.");
        if (login.User?.Email is null) return ServiceResult.Fail("", "This customer has no portal login yet: invite them first.");
        if (login.User.HasPassword) return ServiceResult.Fail("", "This customer has already chosen a password; they can use “Forgot password” on the sign-in page.");
        if (!login.User.IsActive) return ServiceResult.Fail("", "This portal login is deactivated.");
        return await TrySendInvitationAsync(db, login.User.Email, login.DealerId, baseUri)
            ? ServiceResult.Ok
            : ServiceResult.Fail("", "The invitation email could not be sent. Check the mail settings, then try again.");
    }

    private async Task<bool> TrySendInvitationAsync(MotorTraceDbContext db, string email, Guid dealerId, string baseUri)
    {
        var dealer = await db.Dealers.AsNoTracking().Where(d => d.Id == dealerId).Select(d => d.Name).FirstOrDefaultAsync() ?? "Your dealer";
        try
        {
            await accounts.SendPasswordResetAsync(email, baseUri,
                reason: $"{dealer} invited you to follow your vehicles in MotorTrace: service history, appointments, estimates and invoices. Choose a password to sign in.");
            return true;
        }
        catch (Exception ex) when (ex is SmtpException or InvalidOperationException or IOException)
        {
            // The login itself is fine; the detail page offers to send the invitation again.
            logger.LogError(ex, "Could not send the portal invitation to {Email}", email);
            return false;
        }
    }

    /// <summary>The Customer role's id; created with the first invitation when the database lacks it.</summary>
    private static async Task<Guid> CustomerRoleIdAsync(MotorTraceDbContext db)
    {
        var id = await db.Roles.Where(r => r.NormalizedName == Roles.Customer.ToUpperInvariant()).Select(r => (Guid?)r.Id).FirstOrDefaultAsync();
        if (id is { } existing) return existing;
        var role = new ApplicationRole(Roles.Customer);
        db.Roles.Add(role);
        return role.Id;
    }
}
