using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Components.Pages.Vehicles;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Web.Endpoints;

public static class VehicleEndpoints
{
    public static void MapVehicleEndpoints(this IEndpointRouteBuilder app)
    {
        // Every endpoint here serves a form that changes vehicles, so all of them need CustomersWrite.
        // Row actions post no form fields of their own, so antiforgery is checked explicitly rather than by form binding.
        var vehicles = app.MapGroup("/vehicles").RequireAuthorization(Policies.CustomersWrite).RequireAntiforgeryToken();

        // The VIN field's live check while the advisor types (htmx swaps it under the field).
        vehicles.MapGet("/vin-check", async (HttpRequest request, VehicleService service, Guid? exceptId, string? original) =>
        {
            var check = await service.CheckVinAsync(request.Query["Input.Vin"].ToString(), exceptId);
            var changed = VinRules.Normalize(original) != check.Vin;
            return new RazorComponentResult<VinFeedback>(new Dictionary<string, object?>
            {
                [nameof(VinFeedback.Errors)] = check.Error is null ? Array.Empty<string>() : new[] { check.Error },
                [nameof(VinFeedback.Duplicate)] = check.Duplicate,
                [nameof(VinFeedback.Warning)] = check.Warning,
                [nameof(VinFeedback.AskConfirmation)] = check.Warning is not null && (exceptId is null || changed),
                [nameof(VinFeedback.ShowValid)] = !check.IsEmpty,
                [nameof(VinFeedback.NorthAmerican)] = check.IsNorthAmerican,
            });
        });

        // The transfer form's owner search. The page's address follows the search, so the transfer form (which posts
        // back to the page's address) re-renders the same candidates if it has to show an error.
        vehicles.MapGet("/{id:guid}/owner-candidates", async Task<Results<RazorComponentResult<TransferCandidates>, NotFound>> (
            Guid id, string? q, HttpResponse response, VehicleTransferService transfers) =>
        {
            if (await transfers.CurrentOwnerAsync(id) is not { } ownerId) return TypedResults.NotFound();
            var candidates = await transfers.CandidatesAsync(ownerId, q);
            response.Headers["HX-Replace-Url"] = string.IsNullOrWhiteSpace(q)
                ? $"/vehicles/{id}?tab=ownership"
                : $"/vehicles/{id}?tab=ownership&q={Uri.EscapeDataString(q.Trim())}";
            return new RazorComponentResult<TransferCandidates>(new { Candidates = candidates, Search = q });
        });

        vehicles.MapPost("/{id:guid}/recommendations/{recommendationId:guid}/schedule", (Guid id, Guid recommendationId,
            [FromForm] RecommendationStatus expectedStatus, VehicleRecommendationService service) =>
            ChangeRecommendationAsync(id, recommendationId, RecommendationAction.Schedule, expectedStatus, service));
        vehicles.MapPost("/{id:guid}/recommendations/{recommendationId:guid}/complete", (Guid id, Guid recommendationId,
            [FromForm] RecommendationStatus expectedStatus, VehicleRecommendationService service) =>
            ChangeRecommendationAsync(id, recommendationId, RecommendationAction.Complete, expectedStatus, service));

        vehicles.MapPost("/{id:guid}/expenses/{expenseId:guid}/delete", async Task<Results<RedirectHttpResult, NotFound>> (
            Guid id, Guid expenseId, VehicleExpenseService service) =>
            await service.DeleteAsync(id, expenseId)
                ? TypedResults.LocalRedirect($"/vehicles/{id}?tab=expenses&done=expense-deleted")
                : TypedResults.NotFound());

        vehicles.MapPost("/{id:guid}/history/{historyId:guid}/delete", async Task<Results<RedirectHttpResult, NotFound>> (
            Guid id, Guid historyId, VehicleHistoryService service) =>
            await service.DeleteExternalAsync(id, historyId) switch
            {
                null => TypedResults.NotFound(),
                // A row from a work order is the workshop's record: the list offers no delete for it, so say nothing more.
                false => TypedResults.LocalRedirect($"/vehicles/{id}?tab=history"),
                true => TypedResults.LocalRedirect($"/vehicles/{id}?tab=history&done=service-deleted"),
            });
    }

    /// <summary>Back to the recommendations tab, saying what happened (or that someone else got there first).</summary>
    private static async Task<Results<RedirectHttpResult, NotFound>> ChangeRecommendationAsync(Guid id, Guid recommendationId,
        RecommendationAction action, RecommendationStatus expectedStatus, VehicleRecommendationService service)
    {
        var result = await service.ChangeAsync(id, recommendationId, action, expectedStatus);
        if (result is null) return TypedResults.NotFound();
        var outcome = result.Succeeded ? $"done={(action == RecommendationAction.Schedule ? "scheduled" : "completed")}" : "error=changed";
        return TypedResults.LocalRedirect($"/vehicles/{id}?tab=recommendations&{outcome}");
    }
}
