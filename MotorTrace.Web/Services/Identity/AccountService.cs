using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Web.Services.Email;

namespace MotorTrace.Web.Services.Identity;

public enum SignInOutcome
{
    SignedIn,
    Failed,
    LockedOut,
    Deactivated,
}

/// <summary>
/// Sign-in, sign-out and password reset, each leaving a <see cref="LoginActivity"/> row with the address and browser
/// of <see cref="CurrentUser"/> (the request's, or in a circuit those of the request that opened it). Only sign-in and
/// sign-out take the request: they set and clear the cookie.
/// </summary>
public sealed class AccountService(
    MotorTraceDbContext db,
    CurrentUser currentUser,
    UserManager<ApplicationUser> userManager,
    SignInManager<ApplicationUser> signInManager,
    SessionService sessions,
    EmailSender email,
    TimeProvider clock)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool rememberMe, HttpContext http)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await LogAsync(null, email, LoginAction.SignInFailed, "Unknown email");
            return SignInOutcome.Failed;
        }

        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await LogAsync(user.Id, email, LoginAction.LockedOut, "Locked out after repeated failed attempts");
            return SignInOutcome.LockedOut;
        }
        if (!check.Succeeded)
        {
            await LogAsync(user.Id, email, LoginAction.SignInFailed, "Wrong password");
            return SignInOutcome.Failed;
        }
        if (!user.IsActive)
        {
            await LogAsync(user.Id, email, LoginAction.SignInFailed, "Account deactivated");
            return SignInOutcome.Deactivated;
        }

        var sessionId = await sessions.StartAsync(user, http);
        user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
        await userManager.UpdateAsync(user);
        await signInManager.SignInWithClaimsAsync(user, rememberMe, [new Claim(MotorTraceClaims.SessionId, sessionId)]);
        await LogAsync(user.Id, user.Email, LoginAction.SignedIn, null);
        return SignInOutcome.SignedIn;
    }

    public async Task SignOutAsync(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            await sessions.EndAsync(user.FindFirstValue(MotorTraceClaims.SessionId), SessionEndReason.SignedOut, user.UserId());
            await LogAsync(user.UserId(), user.Identity.Name, LoginAction.SignedOut, null);
        }
        await signInManager.SignOutAsync();
    }

    /// <summary>
    /// Mails a reset link when the address belongs to an active user. Says nothing either way, so the
    /// page cannot be used to find out who has an account.
    /// </summary>
    public async Task SendPasswordResetAsync(string emailAddress, string baseUri, string? reason = null)
    {
        // Read fresh, never the copy a circuit's context may still track: the link is built from the security stamp.
        var normalized = userManager.NormalizeEmail(emailAddress.Trim());
        var user = await userManager.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized);
        if (user is null || !user.IsActive) return;
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = $"{baseUri.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}";
        await email.SendAsync(user.Email!, "Set your MotorTrace password",
            $"""
            <p>Hello {HtmlEncoder.Default.Encode(user.FullName)},</p>
            <p>{HtmlEncoder.Default.Encode(reason ?? "Someone asked to reset the password of your MotorTrace account.")}</p>
            <p><a href="{HtmlEncoder.Default.Encode(link)}">Choose a new password</a>. The link works for two hours.</p>
            <p>If you did not ask for this, ignore this email: your password stays as it is.</p>
            """);
        await LogAsync(user.Id, user.Email, LoginAction.PasswordResetRequested, reason);
    }

    public async Task<IdentityResult> ResetPasswordAsync(string emailAddress, string code, string newPassword)
    {
        var user = await userManager.FindByEmailAsync(emailAddress.Trim());
        var invalid = IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This reset link is not valid any more. Ask for a new one." });
        if (user is null || !user.IsActive) return invalid;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return invalid;
        }
        var result = await userManager.ResetPasswordAsync(user, token, newPassword);
        if (result.Succeeded)
        {
            await userManager.SetLockoutEndDateAsync(user, null);
            await sessions.EndAllForUserAsync(user.Id, SessionEndReason.Expired, null);
            await LogAsync(user.Id, user.Email, LoginAction.PasswordReset, null);
        }
        return result.Errors.Any(e => e.Code == "InvalidToken") ? invalid : result;
    }

    private async Task LogAsync(Guid? userId, string? emailAddress, LoginAction action, string? reason)
    {
        var userAgent = currentUser.UserAgent ?? "";
        db.LoginActivities.Add(new LoginActivity
        {
            UserId = userId,
            Email = emailAddress?.Trim().ToLowerInvariant(),
            Action = action,
            Reason = reason,
            IpAddress = currentUser.IpAddress,
            UserAgent = userAgent,
            DeviceInfo = DeviceDescription.From(userAgent),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }
}
