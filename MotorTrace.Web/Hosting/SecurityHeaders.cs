using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace MotorTrace.Web.Hosting;

/// <summary>
/// Security headers on every response, the account pages and files included. The Content-Security-Policy allows no
/// inline script: the one inline block Blazor writes (the import map) carries a per-request nonce that
/// <c>App.razor</c> reads from <see cref="NonceKey"/>. MudBlazor needs <c>style-src 'unsafe-inline'</c> (ADR-021).
/// </summary>
public static class SecurityHeaders
{
    public const string NonceKey = "csp-nonce";

    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // Pages still on the old static stack carry inline confirm() handlers until they move (LegacyUi).
            var scripts = LegacyUi.IsLegacyPage(http) ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}

/// <summary>
/// The move to Blazor Server + MudBlazor goes feature by feature (ADR-020). A page not moved yet is marked
/// <c>[ExcludeFromInteractiveRouting]</c> (from its folder's <c>_Imports.razor</c>) and so gets <c>LegacyLayout</c>; it renders statically with Bootstrap and htmx
/// as before. The account pages are static too, but by design (they set the sign-in cookie). This goes when the
/// last page has moved.
/// </summary>
public static class LegacyUi
{
    public static bool IsLegacyPage(HttpContext http)
    {
        return http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is { } page && IsLegacyPage(page);
    }

    public static bool IsLegacyPage(Type page) =>
        Attribute.IsDefined(page, typeof(Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute))
        && page.Namespace?.StartsWith("MotorTrace.Web.Components.Account", StringComparison.Ordinal) != true
        && page != typeof(Components.Pages.Error);
}
