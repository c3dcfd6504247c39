using Microsoft.AspNetCore.Http.HttpResults;
using MotorTrace.Web.Components.Pages.Catalog;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Catalog;

namespace MotorTrace.Web.Endpoints;

/// <summary>
/// The labor steps and part categories of a canned service, changed one at a time. An htmx post gets the
/// re-rendered list back (errors next to their fields); a plain form post is redirected to the service page.
/// Only managers (CatalogEdit) may post; another dealer's service answers 404 like a missing one.
/// </summary>
public static class CatalogEndpoints
{
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var service = app.MapGroup("/catalog/services/{id:guid}")
            .RequireAuthorization(Policies.CatalogEdit)
            .RequireAntiforgeryToken();

        service.MapPost("/steps", async (Guid id, HttpContext http, CatalogService catalog) =>
        {
            var posted = await http.Request.ReadFormAsync();
            var form = new StepForm
            {
                LaborCatalogId = posted["NewStep.LaborCatalogId"],
                EstimatedMinutes = posted["NewStep.EstimatedMinutes"],
                Notes = posted["NewStep.Notes"],
            };
            return await StepsAsync(http, catalog, id, await catalog.AddStepAsync(id, form), form);
        });
        service.MapPost("/steps/{stepId:guid}/move-up", async (Guid id, Guid stepId, HttpContext http, CatalogService catalog) =>
            await StepsAsync(http, catalog, id, await catalog.MoveStepAsync(id, stepId, up: true)));
        service.MapPost("/steps/{stepId:guid}/move-down", async (Guid id, Guid stepId, HttpContext http, CatalogService catalog) =>
            await StepsAsync(http, catalog, id, await catalog.MoveStepAsync(id, stepId, up: false)));
        service.MapPost("/steps/{stepId:guid}/remove", async (Guid id, Guid stepId, HttpContext http, CatalogService catalog) =>
            await StepsAsync(http, catalog, id, await catalog.RemoveStepAsync(id, stepId)));

        service.MapPost("/parts", async (Guid id, HttpContext http, CatalogService catalog) =>
        {
            var posted = await http.Request.ReadFormAsync();
            var form = new PartCategoryForm
            {
                CategoryId = posted["NewPart.CategoryId"],
                Need = posted["NewPart.Need"],
                Notes = posted["NewPart.Notes"],
            };
            return await PartsAsync(http, catalog, id, await catalog.AddPartCategoryAsync(id, form), form);
        });
        service.MapPost("/parts/{partId:guid}/required", async (Guid id, Guid partId, HttpContext http, CatalogService catalog) =>
            await PartsAsync(http, catalog, id, await catalog.SetPartRequiredAsync(id, partId, required: true)));
        service.MapPost("/parts/{partId:guid}/optional", async (Guid id, Guid partId, HttpContext http, CatalogService catalog) =>
            await PartsAsync(http, catalog, id, await catalog.SetPartRequiredAsync(id, partId, required: false)));
        service.MapPost("/parts/{partId:guid}/remove", async (Guid id, Guid partId, HttpContext http, CatalogService catalog) =>
            await PartsAsync(http, catalog, id, await catalog.RemovePartCategoryAsync(id, partId)));
    }

    /// <summary>htmx sends this header; a plain form post does not.</summary>
    private static bool IsHtmx(HttpContext http) => http.Request.Headers["HX-Request"] == "true";

    private static async Task<IResult> StepsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result, StepForm? form = null)
    {
        if (result is null) return TypedResults.NotFound();
        if (!IsHtmx(http)) return BackToService(id, "service-steps");
        var view = await catalog.StepsAsync(id);
        if (view is null) return TypedResults.NotFound();
        return new RazorComponentResult<ServiceSteps>(new
        {
            View = view, CanEdit = true, Result = result, Form = result.Succeeded ? null : form, OutOfBand = true,
        });
    }

    private static async Task<IResult> PartsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result, PartCategoryForm? form = null)
    {
        if (result is null) return TypedResults.NotFound();
        if (!IsHtmx(http)) return BackToService(id, "service-parts");
        var view = await catalog.PartsAsync(id);
        if (view is null) return TypedResults.NotFound();
        return new RazorComponentResult<ServiceParts>(new { View = view, CanEdit = true, Result = result, Form = result.Succeeded ? null : form });
    }

    /// <summary>Post/redirect/get: the page shows the list as it now is.</summary>
    private static IResult BackToService(Guid id, string section) =>
        TypedResults.Redirect($"/catalog/services/{id}#{section}");
}
