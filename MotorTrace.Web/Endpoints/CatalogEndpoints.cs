using Microsoft.AspNetCore.Components;
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
        MapItemActions(service, "steps", StepsAsync, new()
        {
            ["move-up"] = (catalog, id, stepId) => catalog.MoveStepAsync(id, stepId, up: true),
            ["move-down"] = (catalog, id, stepId) => catalog.MoveStepAsync(id, stepId, up: false),
            ["remove"] = (catalog, id, stepId) => catalog.RemoveStepAsync(id, stepId),
        });

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
        MapItemActions(service, "parts", PartsAsync, new()
        {
            ["required"] = (catalog, id, partId) => catalog.SetPartRequiredAsync(id, partId, required: true),
            ["optional"] = (catalog, id, partId) => catalog.SetPartRequiredAsync(id, partId, required: false),
            ["remove"] = (catalog, id, partId) => catalog.RemovePartCategoryAsync(id, partId),
        });
    }

    /// <summary>htmx sends this header; a plain form post does not.</summary>
    private static bool IsHtmx(HttpContext http) => http.Request.Headers["HX-Request"] == "true";

    private delegate Task<IResult> Answer(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result);

    /// <summary>One post per action on one item of a list, e.g. <c>/steps/{itemId}/move-up</c>; no fields of its own.</summary>
    private static void MapItemActions(RouteGroupBuilder service, string list, Answer answer,
        Dictionary<string, Func<CatalogService, Guid, Guid, Task<ServiceResult?>>> actions)
    {
        foreach (var (action, change) in actions)
            service.MapPost($"/{list}/{{itemId:guid}}/{action}", async (Guid id, Guid itemId, HttpContext http, CatalogService catalog) =>
                await answer(http, catalog, id, await change(catalog, id, itemId)));
    }

    private static Task<IResult> StepsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result) =>
        StepsAsync(http, catalog, id, result, form: null);

    private static Task<IResult> StepsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result, StepForm? form) =>
        AnswerAsync<ServiceSteps, ServiceStepsView>(http, id, result, "service-steps", () => catalog.StepsAsync(id), view => new
        {
            View = view, CanEdit = true, Result = result, Form = result is { Succeeded: false } ? form : null, OutOfBand = true,
        });

    private static Task<IResult> PartsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result) =>
        PartsAsync(http, catalog, id, result, form: null);

    private static Task<IResult> PartsAsync(HttpContext http, CatalogService catalog, Guid id, ServiceResult? result, PartCategoryForm? form) =>
        AnswerAsync<ServiceParts, ServicePartsView>(http, id, result, "service-parts", () => catalog.PartsAsync(id), view => new
        {
            View = view, CanEdit = true, Result = result, Form = result is { Succeeded: false } ? form : null,
        });

    /// <summary>
    /// The answer to a change of a list: 404 when the service is missing or another dealer's (a null result);
    /// for htmx the list as it now is, with the result's messages; for a plain post a redirect to the page.
    /// </summary>
    private static async Task<IResult> AnswerAsync<TFragment, TView>(HttpContext http, Guid id, ServiceResult? result, string section,
        Func<Task<TView?>> load, Func<TView, object> parameters)
        where TFragment : IComponent
        where TView : class
    {
        if (result is null) return TypedResults.NotFound();
        if (!IsHtmx(http)) return BackToService(id, section);
        return await load() is { } view ? new RazorComponentResult<TFragment>(parameters(view)) : TypedResults.NotFound();
    }

    /// <summary>Post/redirect/get: the page shows the list as it now is.</summary>
    private static IResult BackToService(Guid id, string section) =>
        TypedResults.Redirect($"/catalog/services/{id}#{section}");
}
