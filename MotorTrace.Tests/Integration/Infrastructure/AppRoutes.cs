using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>One route of the running app: a page (Razor component) or an endpoint.</summary>
public sealed record AppRoute(string Method, string Pattern, bool IsPage)
{
    public string Key => $"{Method} {AppRoutes.Normalize(Pattern)}";
}

/// <summary>What the app routes, for tests that must cover every route.</summary>
public static partial class AppRoutes
{
    /// <summary>"/admin/users/{Id:guid}" and "/admin/users/{missing}" both become "/admin/users/{}".</summary>
    public static string Normalize(string template)
    {
        var path = Placeholder().Replace(template.Trim().ToLowerInvariant(), "{}").TrimEnd('/');
        return path.StartsWith('/') ? path : "/" + path;
    }

    /// <summary>The page templates compiled into the web app; known without starting it (test discovery).</summary>
    public static IReadOnlySet<string> PageTemplates { get; } = typeof(Program).Assembly.GetTypes()
        .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>())
        .Select(a => Normalize(a.Template))
        .ToHashSet();

    public static bool HasPage(string template) => PageTemplates.Contains(Normalize(template));

    /// <summary>
    /// The routes of the running app: pages count as GET (their POST is their own forms), endpoints with
    /// their methods. Static files, catch-alls and the framework's own routes are left out.
    /// </summary>
    public static IReadOnlyList<AppRoute> Of(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("{**") && !raw.StartsWith("/_framework/") && !raw.Contains('.'))
            .SelectMany(e =>
            {
                var isPage = e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
                var methods = isPage ? ["GET"] : e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Where(m => m != "HEAD").Select(m => new AppRoute(m, e.RoutePattern.RawText!, isPage));
            })
            .DistinctBy(r => r.Key)
            .ToList();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();
}
