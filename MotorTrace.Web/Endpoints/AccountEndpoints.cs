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

        // A manufacturer user picks the dealer to work in ("all" for every dealer): a form post from a static page, or a GET
        // from the interactive header, which sends the browser here to get a fresh circuit under the new choice.
        account.MapPost("/dealer", (HttpContext http, [FromForm] string dealer, [FromForm] string? returnUrl) => ChooseDealer(http, dealer, returnUrl))
            .RequireAuthorization(ManufacturerOnly);
        app.MapGet("/account/dealer", (HttpContext http, string dealer, string? returnUrl) => ChooseDealer(http, dealer, returnUrl))
            .RequireAuthorization(ManufacturerOnly);
    }

    private static void ManufacturerOnly(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) =>
        policy.RequireClaim(MotorTraceClaims.UserType, nameof(Data.Entities.Identity.UserType.Manufacturer));

    private static IResult ChooseDealer(HttpContext http, string dealer, string? returnUrl)
    {
        if (dealer == "all") http.Response.Cookies.Delete(CurrentUser.DealerCookie);
        else if (Guid.TryParse(dealer, out var id))
            http.Response.Cookies.Append(CurrentUser.DealerCookie, id.ToString(),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
        else return Results.BadRequest();
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
