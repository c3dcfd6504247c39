using System.Security.Cryptography;
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
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}
