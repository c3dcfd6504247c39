using System.Text.RegularExpressions;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

/// <summary>Every response carries the security headers: app pages, an account page and the health check.</summary>
[Trait("Category", "Integration")]
public sealed partial class SecurityHeadersTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/notifications", true)]
    [InlineData("/catalog/services", true)]
    [InlineData("/account/login", false)]
    [InlineData("/healthz", false)]
    public async Task The_response_carries_CSP_with_a_nonce_nosniff_no_framing_and_a_referrer_policy(string path, bool signedIn)
    {
        var client = signedIn ? (await app.UserAsync("advisor@d1.motortrace.test")).Client : app.NewBrowser().Client;

        using var response = await client.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scripts = ScriptSource().Match(csp);
        Assert.True(scripts.Success, $"no script-src in {csp}");
        Assert.Matches("'nonce-[A-Za-z0-9+/=]{16,}'", scripts.Value);
        Assert.DoesNotContain("'unsafe-inline'", scripts.Value);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        if (path != "/healthz")
        {
            // The nonce in the header is the one the page's import map carries.
            var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()); // "+" arrives as &#x2B;
            var nonce = Regex.Match(scripts.Value, "'nonce-([^']+)'").Groups[1].Value;
            Assert.Contains($"nonce=\"{nonce}\"", html);
        }
    }

    [GeneratedRegex("script-src [^;]*")]
    private static partial Regex ScriptSource();
}
