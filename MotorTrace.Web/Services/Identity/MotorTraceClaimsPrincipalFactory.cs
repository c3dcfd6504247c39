using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Services.Identity;

/// <summary>Puts the user type, dealer and display name into the cookie so tenancy needs no query per request.</summary>
public sealed class MotorTraceClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager, RoleManager<ApplicationRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, ApplicationRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(MotorTraceClaims.FullName, user.FullName));
        identity.AddClaim(new Claim(MotorTraceClaims.UserType, user.UserType.ToString()));
        if (user.DealerId is { } dealerId) identity.AddClaim(new Claim(MotorTraceClaims.DealerId, dealerId.ToString()));
        return identity;
    }
}
