using System.Collections.Concurrent;
using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Appointments;

namespace MotorTrace.Tests.Integration;

/// <summary>
/// A workshop of its own for the appointment tests: a dealer (code D9xx, Asia/Kolkata) that the demo seeder
/// knows nothing about, so seeded bookings never change capacity counts; its manager, advisor and
/// technician signed in; one customer with one car; two canned services. Built once per fixture;
/// <see cref="ResetAsync"/> clears bookings and sets the shop's rules for each test.
/// </summary>
public sealed class AppointmentScenario
{
    private static readonly ConcurrentDictionary<MotorTraceFactory, Lazy<Task<AppointmentScenario>>> Shops = new();
    private static int _nextDealer = 900;

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

    private AppointmentScenario(MotorTraceFactory app) => App = app;

    public MotorTraceFactory App { get; }
    public Guid DealerId { get; private set; }
    public string DealerCode { get; private set; } = "";
    public SignedInUser Manager { get; private set; } = default!;
    public SignedInUser Advisor { get; private set; } = default!;
    public SignedInUser Technician { get; private set; } = default!;
    public Guid CustomerId { get; private set; }
    public Guid VehicleId { get; private set; }

    /// <summary>"Brake inspection": 60 minutes at 1,000.50.</summary>
    public CannedService Brakes { get; private set; } = default!;

    /// <summary>"Oil change": 30 minutes at 500.</summary>
    public CannedService Oil { get; private set; } = default!;

    public const int StartingMileage = 10_000;

    public static Task<AppointmentScenario> ForAsync(MotorTraceFactory app) =>
        Shops.GetOrAdd(app, a => new Lazy<Task<AppointmentScenario>>(() => new AppointmentScenario(a).BuildAsync())).Value;

    private async Task<AppointmentScenario> BuildAsync()
    {
        var number = Interlocked.Increment(ref _nextDealer);
        DealerCode = $"D{number:000}";
        var dealer = new Dealer { DealerCode = DealerCode, Name = $"Test Workshop {number}", Country = "India", TimeZoneId = Zone.Id };
        DealerId = dealer.Id;
        Brakes = new CannedService { DealerId = DealerId, Code = "BRK", Name = "Brake inspection", Duration = 60, Price = 1000.50m };
        Oil = new CannedService { DealerId = DealerId, Code = "OIL", Name = "Oil change", Duration = 30, Price = 500m };
        var customer = new Customer { DealerId = DealerId, Name = "Asha Rao", Phone = "+919800000001" };
        var vehicle = new Vehicle { DealerId = DealerId, CustomerId = customer.Id, Make = "Skoda", Model = "Octavia", Year = 2021, Vin = "TMBJJ7NE5L0123456", LicensePlate = "MH 14 XY 4321" };
        vehicle.Mileage = new VehicleMileage { DealerId = DealerId, VehicleId = vehicle.Id, CurrentMileage = StartingMileage, LastUpdated = DateTime.UtcNow };
        await App.WithDbAsync(db =>
        {
            db.Dealers.Add(dealer);
            db.CannedServices.AddRange(Brakes, Oil, new CannedService { DealerId = DealerId, Code = "OLD", Name = "Withdrawn wash", Duration = 15, Price = 100m, IsArchived = true });
            db.Customers.Add(customer);
            db.Vehicles.Add(vehicle);
            return db.SaveChangesAsync();
        });
        (CustomerId, VehicleId) = (customer.Id, vehicle.Id);
        Manager = await App.SignInAsync(await App.CreateUserAsync(Roles.Manager, number, "Test Manager"));
        Advisor = await App.SignInAsync(await App.CreateUserAsync(Roles.ServiceAdvisor, number, "Test Advisor"));
        Technician = await App.SignInAsync(await App.CreateUserAsync(Roles.Technician, number, "Test Technician"));
        return this;
    }

    /// <summary>
    /// No bookings or work orders, the car back at its starting mileage, and these rules: Mon–Sat
    /// 09:00–18:00, Sunday closed, plus whatever <paramref name="rules"/> changes.
    /// </summary>
    public async Task ResetAsync(Action<DealerSettings>? rules = null)
    {
        await App.WithDbAsync(async db =>
        {
            await db.WorkOrders.Where(w => w.DealerId == DealerId).ExecuteDeleteAsync();
            await db.MileageEntries.Where(m => m.DealerId == DealerId).ExecuteDeleteAsync();
            await db.AppointmentStatusChanges.Where(c => c.DealerId == DealerId).ExecuteDeleteAsync();
            await db.Appointments.Where(a => a.DealerId == DealerId).ExecuteDeleteAsync();
            await db.VehicleMileages.Where(m => m.VehicleId == VehicleId).ExecuteUpdateAsync(m => m.SetProperty(x => x.CurrentMileage, StartingMileage));
            await db.DealerShopHours.Where(h => h.DealerId == DealerId).ExecuteDeleteAsync();
            await db.DealerSettings.Where(s => s.DealerId == DealerId).ExecuteDeleteAsync();

            var settings = new DealerSettings { DealerId = DealerId, Version = Guid.NewGuid() };
            rules?.Invoke(settings);
            db.DealerSettings.Add(settings);
            foreach (var day in Enum.GetValues<DayOfWeek>())
                db.DealerShopHours.Add(new DealerShopHours
                {
                    DealerId = DealerId, DayOfWeek = day, IsOpen = day != DayOfWeek.Sunday, OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(18, 0),
                });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>The dealer's local time now, by the fixture's clock.</summary>
    public DateTime LocalNow => TimeZoneInfo.ConvertTimeFromUtc(App.Clock.GetUtcNow().UtcDateTime, Zone);

    /// <summary>A weekday at least <paramref name="daysAhead"/> days ahead (local), at the given time.</summary>
    public DateTime Next(DayOfWeek day, int hour, int minute = 0, int daysAhead = 3)
    {
        var date = LocalNow.Date.AddDays(daysAhead);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        return date.AddHours(hour).AddMinutes(minute);
    }

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>A booking written straight to the database (test set-up, past the booking rules).</summary>
    public async Task<Guid> InsertAsync(DateTime startUtc, AppointmentStatus status = AppointmentStatus.Pending, int minutes = 30,
        string? notes = null, bool withServices = true)
    {
        var appointment = new Appointment
        {
            DealerId = DealerId, CustomerId = CustomerId, VehicleId = VehicleId, RequestedAt = startUtc.AddDays(-1),
            StartTime = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), EndTime = DateTime.SpecifyKind(startUtc.AddMinutes(minutes), DateTimeKind.Utc),
            Status = status, Notes = notes, Version = Guid.NewGuid(),
        };
        if (withServices)
        {
            appointment.Services.Add(new AppointmentCannedService { DealerId = DealerId, AppointmentId = appointment.Id, CannedServiceId = Brakes.Id, Quantity = 1, Price = 950m });
            appointment.Services.Add(new AppointmentCannedService { DealerId = DealerId, AppointmentId = appointment.Id, CannedServiceId = Oil.Id, Quantity = 2, Price = 500m });
        }
        await App.WithDbAsync(db => { db.Appointments.Add(appointment); return db.SaveChangesAsync(); });
        return appointment.Id;
    }

    public Task<int> CountAppointmentsAsync() => App.WithDbAsync(db => db.Appointments.CountAsync(a => a.DealerId == DealerId));

    public Task<T> DbAsync<T>(Func<MotorTraceDbContext, Task<T>> work) => App.WithDbAsync(work);

    public static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> on a service acting as <paramref name="user"/> (a scope with their CurrentUser).</summary>
    public Task<T> AsAsync<TService, T>(SignedInUser user, Func<TService, Task<T>> work) where TService : notnull =>
        App.AsUserAsync(user.Email, work);

    /// <summary>The booking form as the page opens it for the scenario's car at <paramref name="start"/>, with <paramref name="services"/> ticked.</summary>
    public async Task<AppointmentForm> NewFormAsync(SignedInUser user, DateTime start, params CannedService[] services)
    {
        var options = await AsAsync<AppointmentService, BookingOptions?>(user, s => s.OptionsAsync())
            ?? throw new InvalidOperationException("No booking options: no dealer chosen.");
        var form = AppointmentService.NewForm(options, VehicleId, start, null);
        foreach (var line in form.Services) line.Selected = services.Any(s => s.Id == line.CannedServiceId);
        return form;
    }

    /// <summary>
    /// Books the scenario's car at <paramref name="start"/> as the booking page does: the manager may override (the page
    /// passes the DealerManagement policy), everyone else may not.
    /// </summary>
    public async Task<ServiceResult<Guid>> BookAsync(SignedInUser user, DateTime start, Action<AppointmentForm>? change = null, params CannedService[] services)
    {
        var form = await NewFormAsync(user, start, services);
        change?.Invoke(form);
        return await AsAsync<AppointmentService, ServiceResult<Guid>>(user, s => s.CreateAsync(form, mayOverride: user == Manager));
    }

    /// <summary>The messages a result puts next to one field ("" for the whole form).</summary>
    public static string MessagesAt(ServiceResult result, string field) =>
        string.Join(" | ", result.Errors.Where(e => e.Field == field).Select(e => e.Message));

    /// <summary>The messages shown next to a field (its <c>.invalid-feedback</c> siblings), for static pages' form posts.</summary>
    public static string MessagesNextTo(IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"{page.Url} has no #{fieldId}.");
        return string.Join(" | ", field.ParentElement!.QuerySelectorAll(".invalid-feedback").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
    }

    public static void AssertRedirectTo(HttpResponseMessage response, string pathStart)
    {
        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found or System.Net.HttpStatusCode.SeeOther,
            $"Expected a redirect to {pathStart}…, got {(int)response.StatusCode}.");
        Assert.StartsWith(pathStart, AccountFlow.PathOf(response.Headers.Location!), StringComparison.OrdinalIgnoreCase);
    }

    public Task<AppointmentStatus> StatusAsync(Guid id) => DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    public Task<Guid> VersionAsync(Guid id) => DbAsync(db => db.Appointments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
}

/// <summary>
/// Posts a page's form the way a browser does: every successful control (text, number, date, checked boxes,
/// selected options, text areas and hidden fields) with its current value, changed by the test's fields.
/// </summary>
public static class BrowserForm
{
    public static Dictionary<string, string> ValuesOf(IHtmlFormElement form)
    {
        var values = new Dictionary<string, string>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Name is { Length: > 0 } name && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked) values[name] = input.Value ?? "on";
                    }
                    else values[name] = input.Value ?? "";
                    break;
                case IHtmlSelectElement select when select.Name is { Length: > 0 } name:
                    values[name] = select.Value ?? "";
                    break;
                case IHtmlTextAreaElement area when area.Name is { Length: > 0 } name:
                    values[name] = area.Value ?? "";
                    break;
            }
        }
        return values;
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string form, IReadOnlyDictionary<string, string>? fields = null)
    {
        var element = Forms.FindForm(page, form);
        var values = ValuesOf(element);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            if (value == Unchecked) values.Remove(name);
            else values[name] = value;
        }
        var action = element.GetAttribute("action") is { Length: > 0 } a ? new Uri(new Uri(page.Url), a) : new Uri(page.Url);
        return client.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string form, IReadOnlyDictionary<string, string>? fields = null) =>
        await SubmitAsync(client, await Forms.GetPageAsync(client, pageUrl), form, fields);

    /// <summary>A field value that takes the control out of the post, like unticking a box.</summary>
    public const string Unchecked = "\u0000unchecked";
}
