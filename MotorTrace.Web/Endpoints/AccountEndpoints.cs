using Microsoft.AspNetCore.Mvc;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Endpoints;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").RequireAntiforgeryToken();

        account.MapPost("/logout", async (HttpContext http, AccountService accounts) =>
        {
            await accounts.SignOutAsync(http);
            return Results.LocalRedirect("/account/login");
        });

        // A manufacturer user picks the dealer to work in ("all" for every dealer).
        account.MapPost("/dealer", (HttpContext http, [FromForm] string dealer, [FromForm] string? returnUrl) =>
        {
            if (dealer == "all") http.Response.Cookies.Delete(HttpCurrentUser.DealerCookie);
            else if (Guid.TryParse(dealer, out var id))
                http.Response.Cookies.Append(HttpCurrentUser.DealerCookie, id.ToString(),
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            else return Results.BadRequest();
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).RequireAuthorization(p => p.RequireClaim(MotorTraceClaims.UserType, nameof(Data.Entities.Identity.UserType.Manufacturer)));
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
