using System.Net;
using MotorTrace.Data.Seeding;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>The account pages as a person uses them: the real forms, with their antiforgery tokens.</summary>
public static class AccountFlow
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>
    /// GET /account/login, then POST Input.Email, Input.Password, _handler=login and the
    /// __RequestVerificationToken of the page. The client must not follow redirects.
    /// </summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = DemoSeeder.Password, string loginUrl = LoginPath) =>
        Forms.SubmitAsync(client, loginUrl, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>
    /// What the user menu's sign-out button posts (the menu's form renders only when the menu opens in the circuit, so
    /// it is not in the prerendered page).
    /// </summary>
    public static Task<HttpResponseMessage> SignOutAsync(HttpClient client) =>
        Forms.PostWithTokenAsync(client, "/account/logout");

    /// <summary>A successful sign-in answers with a redirect away from the login page.</summary>
    public static bool IsSignedInRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
        && response.Headers.Location is { } location
        && !PathOf(location).StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase);

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        (int)response.StatusCode is >= 300 and < 400
        && response.Headers.Location is { } location
        && PathOf(location).Equals(path, StringComparison.OrdinalIgnoreCase);

    /// <summary>The path of a Location header, absolute or relative.</summary>
    public static string PathOf(Uri location) =>
        (location.IsAbsoluteUri ? location : new Uri(MotorTraceFactory.BaseAddress, location)).AbsolutePath;
}
