using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using MotorTrace.Web.Components.Pages.Appointments;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Authorization;

namespace MotorTrace.Web.Endpoints;

public static class AppointmentEndpoints
{
    public static void MapAppointmentEndpoints(this IEndpointRouteBuilder app)
    {
        var appointments = app.MapGroup("/appointments").RequireAuthorization(Policies.AppointmentsRead);

        // The calendar block for htmx; a browser that opens the address directly gets the whole page.
        appointments.MapGet("/calendar", async Task<IResult> (HttpContext http, AppointmentCalendarService calendar, IAuthorizationService authorization) =>
        {
            var query = CalendarQuery.From(http.Request.Query);
            if (!http.Request.Headers.ContainsKey("HX-Request")) return Results.LocalRedirect(query.Href());
            var canBook = (await authorization.AuthorizeAsync(http.User, Policies.AppointmentsWrite)).Succeeded;
            var model = await calendar.LoadAsync(query, canBook);
            if (model is null) return Results.NotFound();
            http.Response.Headers["HX-Push-Url"] = model.Query.Href();
            return new RazorComponentResult<AppointmentCalendar>(new { Model = model });
        });

        // The booking page's live customer search.
        appointments.MapGet("/new/customers", async Task<IResult> (HttpContext http, AppointmentService service, string? q, string? start, string? assignee) =>
        {
            var links = new BookingLinks(BookingLinks.ParseStart(start), Guid.TryParse(assignee, out var id) ? id : null);
            if (!http.Request.Headers.ContainsKey("HX-Request")) return Results.LocalRedirect(links.Search(q));
            var (matches, vehicles) = await service.SearchCustomersAsync(q);
            return new RazorComponentResult<BookingCustomerResults>(new { Query = q, Matches = matches, Vehicles = vehicles, Links = links });
        }).RequireAuthorization(Policies.AppointmentsWrite);
    }
}
