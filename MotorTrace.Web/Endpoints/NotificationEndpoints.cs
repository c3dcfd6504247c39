using Microsoft.AspNetCore.Http.HttpResults;
using MotorTrace.Web.Components.Layout.Legacy;
using MotorTrace.Web.Services.Notifications;

namespace MotorTrace.Web.Endpoints;

public static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/notifications").RequireAuthorization().RequireAntiforgeryToken();

        // The bell polls this; htmx swaps the badge in place.
        notifications.MapGet("/unread-count", async (NotificationService service) =>
            new RazorComponentResult<UnreadCountFragment>(new { Count = await service.UnreadCountAsync() }));

        notifications.MapPost("/{id:guid}/read", async Task<Results<RedirectHttpResult, NotFound>> (Guid id, NotificationService service, string? returnUrl) =>
            await service.MarkReadAsync(id)
                ? TypedResults.LocalRedirect(AccountEndpoints.IsLocal(returnUrl) ? returnUrl! : "/notifications")
                : TypedResults.NotFound());

        notifications.MapPost("/read-all", async (NotificationService service) =>
        {
            await service.MarkAllReadAsync();
            return Results.LocalRedirect("/notifications");
        });
    }
}
