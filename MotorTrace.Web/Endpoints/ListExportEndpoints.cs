using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Appointments;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Export;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Vehicles;
using MotorTrace.Data.Entities.Identity;

namespace MotorTrace.Web.Endpoints;

/// <summary>
/// The Excel exports of the lists: each answers at its list's address plus <c>/export.xlsx</c> with the list's query string,
/// holds exactly the rows the list's search and filters select across every page, and streams (GridExport).
/// </summary>
public static class ListExportEndpoints
{
    public static void MapListExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/customers/export.xlsx", async (HttpContext http, CustomerService customers, ExportContext export, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, CustomerService.FilterNames);
                return await export.FileAsync("Customers", "customers", CustomerService.Describe(query),
                    CustomerColumns(export.Dealer, customers.AllDealers), customers.AllRowsAsync(query, ct), ct);
            })
            .RequireAuthorization(Policies.CustomersRead);

        app.MapGet("/vehicles/export.xlsx", async (HttpContext http, VehicleListService vehicles, ExportContext export, CancellationToken ct) =>
            {
                var query = GridQuery.From(http.Request.Query, VehicleListService.FilterNames);
                return await export.FileAsync("Vehicles", "vehicles", VehicleListService.Describe(query),
                    VehicleColumns(export.Dealer, vehicles.AllDealers), vehicles.AllRowsAsync(query, ct), ct);
            })
            .RequireAuthorization(Policies.CustomersRead);

        // The calendar's days (today, a day or a week) and assignee, as on screen: a bounded list, so it is read first.
        app.MapGet("/appointments/export.xlsx", async (HttpContext http, AppointmentCalendarService calendar, CurrentUser user, ExportContext export,
                CancellationToken ct) =>
            {
                var query = CalendarQuery.From(http.Request.Query["view"], http.Request.Query["date"], http.Request.Query["assignee"])
                    .OwnJobsFor(user.IsInRole(Roles.Technician) ? user.UserId : null);
                if (await calendar.LoadAsync(query, canBook: false, ct) is not { } model) return Results.NotFound();
                var days = model.Days.Count == 1 ? $"{model.Days[0].Date:yyyy-MM-dd}" : $"{model.Days[0].Date:yyyy-MM-dd} to {model.Days[^1].Date:yyyy-MM-dd}";
                List<(string, string)> filters = [("Days", days), ("Assigned to", model.AssigneeName ?? "Everyone")];
                var rows = model.Days.SelectMany(d => d.Entries).OrderBy(e => e.Start).ToAsyncEnumerable();
                return await export.FileAsync("Appointments", "appointments", filters, AppointmentColumns, rows, ct);
            })
            .RequireAuthorization(Policies.AppointmentsRead);
    }

    private static IReadOnlyList<ExportColumn<VehicleRow>> VehicleColumns(DealerContext dealer, bool allDealers) =>
    [
        new("Plate", r => r.Plate),
        new("Year", r => r.Year, ExportFormat.Integer),
        new("Make", r => r.Make),
        new("Model", r => r.Model),
        new("VIN", r => r.Vin),
        .. allDealers ? [new ExportColumn<VehicleRow>("Dealer", r => r.DealerCode)] : Array.Empty<ExportColumn<VehicleRow>>(),
        new("Owner", r => r.Owner),
        new("Odometer (km)", r => r.Odometer, ExportFormat.Integer),
        new("Last service", r => r.LastService, ExportFormat.Date),
        new("Status", r => StatusStyles.Label(r.Status)),
        new("Colour", r => r.Color),
        new("Added", r => dealer.ToLocal(r.CreatedAt), ExportFormat.Date),
    ];

    private static readonly IReadOnlyList<ExportColumn<CalendarEntry>> AppointmentColumns =
    [
        new("Date", e => DateOnly.FromDateTime(e.Start), ExportFormat.Date),
        new("Start", e => e.Start, ExportFormat.DateTime),
        new("End", e => e.End, ExportFormat.DateTime),
        new("Status", e => StatusStyles.Label(e.Status)),
        new("Priority", e => e.Priority.ToString()),
        new("Customer", e => e.Customer),
        new("Vehicle", e => e.Vehicle),
        new("Plate", e => e.Plate),
        new("Assigned to", e => e.AssignedTo),
        new("Services", e => string.Join(", ", e.Services)),
    ];

    private static IReadOnlyList<ExportColumn<CustomerRow>> CustomerColumns(DealerContext dealer, bool allDealers) =>
    [
        new("Customer", r => r.Name),
        new("Company", r => r.CompanyName),
        .. allDealers ? [new ExportColumn<CustomerRow>("Dealer", r => r.DealerCode)] : Array.Empty<ExportColumn<CustomerRow>>(),
        new("Phone", r => r.Phone),
        new("Email", r => r.Email),
        new("Vehicles", r => string.Join(", ", r.Vehicles.Select(v => v.Plate ?? v.Vin))),
        new("City", r => r.City),
        new("Portal login", r => r.HasPortalLogin ? "Yes" : "No"),
        new("Added", r => dealer.ToLocal(r.CreatedAt), ExportFormat.Date),
    ];
}

/// <summary>What every list export's heading says: the list, the dealer (or all dealers), when, by whom, which filters.</summary>
public sealed class ExportContext(DealerContext dealer, CurrentUser user, TimeProvider clock)
{
    public DealerContext Dealer => dealer;

    public async Task<IResult> FileAsync<T>(string title, string fileStem, IReadOnlyList<(string Name, string Value)> filters,
        IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await dealer.LoadAsync(ct);
        var heading = new ExportHeading(title + (dealer.Code is { } code ? $" · {code}" : " · all dealers"),
            dealer.ToLocal(clock.GetUtcNow().UtcDateTime), dealer.TimeZone.Id, user.DisplayName, filters);
        return GridExport.File(heading, columns, rows, $"{fileStem}-{dealer.Today:yyyy-MM-dd}.xlsx", title);
    }
}
