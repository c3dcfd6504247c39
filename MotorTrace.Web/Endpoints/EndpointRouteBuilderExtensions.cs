using Microsoft.AspNetCore.Antiforgery;

namespace MotorTrace.Web.Endpoints;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Every endpoint that is not a page: form posts without a page (sign-out, dealer choice) and files.</summary>
    public static void MapMotorTraceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapWorkOrderEndpoints();
        app.MapListExportEndpoints();
        app.MapWorkOrderFileEndpoints();
        app.MapDocumentEndpoints();
        app.MapInventoryEndpoints();
        app.MapFinanceEndpoints();
        app.MapReportEndpoints();
    }

    /// <summary>
    /// Minimal-API endpoints check the antiforgery token only when they bind a form; this checks it on every
    /// unsafe request of the group (GET passes), so a post without form fields cannot be forged either.
    /// </summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context.HttpContext)
                ? await next(context)
                : Results.BadRequest());
}
