using System.Net;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAuthorizationMatrixTests(SqliteFactory app) : AuthorizationMatrixTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAuthorizationMatrixTests(PostgresFactory app) : AuthorizationMatrixTests(app), IClassFixture<PostgresFactory>;

/// <summary>Runs <see cref="AuthorizationMatrix"/>: every row, as anonymous and as every demo sign-in.</summary>
public abstract class AuthorizationMatrixTests(MotorTraceFactory app)
{
    public static TheoryData<string, string, string> Cases => AuthorizationMatrix.Cases;

    [MatrixTheory]
    [MemberData(nameof(Cases))]
    public async Task Route_gives_the_visitor_the_expected_outcome(string route, string visitor, string expected)
    {
        var row = AuthorizationMatrix.Find(route);
        var who = Visitor.Find(visitor);
        var client = who.IsAnonymous ? app.NewBrowser().Client : (await app.UserAsync(who.Key)).Client;
        var path = await DemoIds.ResolveAsync(app, row.Path);

        using var response = row.Method switch
        {
            "GET" => await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "HX-Request", row.Htmx ? "true" : "false" } } }),
            "POST" => await Forms.PostWithTokenAsync(client, path, await ResolveFormAsync(row)),
            _ => throw new InvalidOperationException($"The matrix does not try {row.Method} yet."),
        };

        var outcome = Classify(row.Method, response);
        var wanted = Enum.Parse<Outcome>(expected);
        Assert.True(outcome == wanted || (wanted == Outcome.Hidden && outcome is Outcome.NotFound or Outcome.Deny),
            $"{row.Method} {path} as {visitor}: expected {wanted}, got {(int)response.StatusCode} {response.Headers.Location} ({outcome?.ToString() ?? "unexpected"}).");
    }

    [DatabaseTheory]
    [InlineData(Visitor.AnonymousKey)]
    [InlineData("advisor@d1.motortrace.test")]
    public async Task A_route_that_does_not_exist_answers_404_with_the_friendly_page(string visitor)
    {
        var client = visitor == Visitor.AnonymousKey ? app.NewBrowser().Client : (await app.UserAsync(visitor)).Client;

        using var response = await client.GetAsync($"/no-such-page-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Equal("We could not find that page", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [DatabaseFact]
    public void Every_route_of_the_app_has_a_row_in_the_matrix()
    {
        var covered = AuthorizationMatrix.Rows.Select(r => $"{r.Method} {AppRoutes.Normalize(r.Path)}")
            .Concat(AuthorizationMatrix.Elsewhere.Keys.Select(k => k.Split(' ') is [var method, var path] ? $"{method} {AppRoutes.Normalize(path)}" : k))
            .ToHashSet();

        var missing = AppRoutes.Of(app.Services).Where(r => !covered.Contains(r.Key)).Select(r => $"{r.Method} {r.Pattern}").ToList();

        Assert.True(missing.Count == 0, $"Add rows to AuthorizationMatrix for: {string.Join(", ", missing)}");
    }

    [DatabaseFact]
    public async Task Every_post_route_refuses_a_request_without_an_antiforgery_token()
    {
        // An administrator of the manufacturer passes every policy, so only the token can stop the post.
        // A user of this test alone: a post that goes through may sign them out.
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin, dealer: null));
        // Sign-out last: if it lets the post through, the browser is signed out for the rest.
        var posts = AppRoutes.Of(app.Services).Where(r => r.Method == "POST" || r.IsPage)
            .OrderBy(r => r.Pattern.Contains("logout", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(posts);

        var accepted = new List<string>();
        foreach (var route in posts)
        {
            var normalized = AppRoutes.Normalize(route.Pattern);
            var path = normalized.Contains("{}") ? normalized.Replace("{}", Guid.NewGuid().ToString()) : route.Pattern;
            using var response = await admin.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["dealer"] = "all" }));
            if (response.StatusCode != HttpStatusCode.BadRequest)
                accepted.Add($"POST {route.Pattern} answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(accepted.Count == 0, "Posts without an antiforgery token went through: " + string.Join("; ", accepted));
    }

    private async Task<Dictionary<string, string>> ResolveFormAsync(RouteRule row)
    {
        var form = new Dictionary<string, string>();
        foreach (var (name, value) in row.Form) form[name] = await DemoIds.ResolveAsync(app, value);
        return form;
    }

    private static Outcome? Classify(string method, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.NotFound) return Outcome.NotFound;
        if (response.StatusCode == HttpStatusCode.Forbidden) return Outcome.Deny;
        if (AccountFlow.IsRedirectTo(response, AccountFlow.LoginPath)) return Outcome.Login;
        if (AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath)) return Outcome.Deny;
        if (method == "GET") return response.StatusCode == HttpStatusCode.OK ? Outcome.Allow : null;
        return status is >= 200 and < 400 ? Outcome.Allow : null;
    }
}

/// <summary>A theory over <see cref="AuthorizationMatrix.Cases"/>: rows whose page is not in this build are skipped.</summary>
[XunitTestCaseDiscoverer("MotorTrace.Tests.Integration.MatrixTheoryDiscoverer", "MotorTrace.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class MatrixTheoryAttribute : DatabaseTheoryAttribute;

public sealed class MatrixTheoryDiscoverer(IMessageSink diagnosticMessageSink) : DatabaseTheoryDiscoverer(diagnosticMessageSink)
{
    protected override string? RowSkipReason(object[] dataRow) => AuthorizationMatrix.SkipReason((string)dataRow[0]);
}
