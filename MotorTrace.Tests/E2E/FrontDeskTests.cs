using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.E2E.Infrastructure;
using MotorTrace.Tests.E2E.Pages;
using MotorTrace.Tests.Integration;
using MotorTrace.Web.Components.Pages.Appointments;

namespace MotorTrace.Tests.E2E;

/// <summary>The front desk's day in chromium at 1024×768: find the customer, book a free slot, check the car in.</summary>
[Trait("Category", "E2E")]
public sealed class FrontDeskTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private static readonly CultureInfo Text = CultureInfo.InvariantCulture;

    // Demo plates never use Q (nor do VINs), so "qq 7" finds this car and nothing else; one digit keeps the
    // search from matching phone numbers.
    private const string Plate = "MH 12 QQ 7304";
    private const string PartOfThePlate = "qq 7";
    private const string CustomerName = "Kavya Deshpande-Rao";
    private const int Odometer = 41_250;

    [BrowserFact]
    public async Task An_advisor_finds_a_customer_by_part_of_a_plate_books_a_free_slot_and_checks_the_car_in()
    {
        var advisor = DemoSeeder.SignIns.First(s => s.Role == Roles.ServiceAdvisor && s.Dealer == 1);
        var data = new VehicleTestData(fixture.App);
        var customer = await data.CustomerAsync(dealer: 1, name: CustomerName);
        await data.VehicleAsync(customer, odometer: Odometer, plate: Plate);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(
            await fixture.App.WithDbAsync(db => db.Dealers.Where(d => d.Id == customer.DealerId).Select(d => d.TimeZoneId).SingleAsync()));
        var page = await fixture.SignedInPageAsync(advisor.Email);

        // 1. Part of the plate, typed in lower case, finds the customer.
        var customers = await CustomerListPage.OpenAsync(page);
        await customers.Search.FillAsync(PartOfThePlate);
        await Assertions.Expect(customers.Rows).ToHaveCountAsync(1);
        await Assertions.Expect(customers.Rows).ToContainTextAsync(Plate);
        await ScreenshotAsync(page, "1-search");
        await customers.Customer(CustomerName).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = CustomerName, Level = 1 })).ToBeVisibleAsync();

        // 2. Next week's Tuesday in the week view: the first free slot, then the car by its plate, a canned service.
        var calendar = await AppointmentCalendarPage.OpenFromMenuAsync(page);
        await calendar.View("Week").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=week"));
        await calendar.NextWeek.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=week&date="));
        var today = DateOnly.FromDateTime(LocalNow(zone));
        var tuesday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 8);
        var slot = calendar.FreeSlotsOn(tuesday).First;
        await Assertions.Expect(slot).ToBeVisibleAsync();
        await ScreenshotAsync(page, "2-calendar");
        await slot.ClickAsync();

        var booking = new BookingPage(page);
        await Assertions.Expect(booking.Heading).ToBeVisibleAsync();
        var start = BookingLinks.ParseStart(QueryHelpers.ParseQuery(new Uri(page.Url).Query)["start"])
            ?? throw new InvalidOperationException($"The free slot opened {page.Url}, without the slot's start.");
        Assert.Equal(tuesday, DateOnly.FromDateTime(start));
        await booking.ReadyAsync();
        await booking.ChooseCarAsync(PartOfThePlate, Plate);
        await Assertions.Expect(booking.Date).ToHaveValueAsync(start.ToString("yyyy-MM-dd", Text));
        await Assertions.Expect(booking.Time).ToHaveValueAsync(start.ToString("HH:mm", Text));
        await booking.Service("Express oil change").CheckAsync();
        await booking.Notes.FillAsync("Oil change due; a rattle from the rear over speed bumps.");
        await ScreenshotAsync(page, "3-booking");
        await booking.Book.ClickAsync();

        var appointment = new AppointmentPage(page);
        await Assertions.Expect(appointment.Notice).ToHaveTextAsync("Appointment booked.");
        await Assertions.Expect(appointment.Heading).ToHaveTextAsync($"{CustomerName} · {start.ToString("ddd d MMM, HH:mm", Text)}");
        await Assertions.Expect(appointment.Status).ToHaveTextAsync("Pending");
        await Assertions.Expect(page.GetByText($"{start.ToString("dddd d MMMM yyyy, HH:mm", Text)}–")).ToBeVisibleAsync();
        await Assertions.Expect(appointment.CheckIn).ToHaveCountAsync(0); // not before the day, and the page says so
        await Assertions.Expect(appointment.CheckInBlocked).ToContainTextAsync("Check-in opens on the day of the appointment");
        await ScreenshotAsync(page, "4-booked");
        await page.Context.CloseAsync();

        // 3. On the day, a quarter of an hour early: the advisor signs in, opens today's list and checks the car in.
        fixture.App.Clock.Advance(TimeZoneInfo.ConvertTimeToUtc(start.AddMinutes(-15), zone) - fixture.App.Clock.GetUtcNow().UtcDateTime);
        await using var dayOf = await fixture.NewContextAsync();
        page = await dayOf.NewPageAsync();
        var login = await LoginPage.OpenAsync(page);
        await login.SignInAsync(advisor.Email, DemoSeeder.Password);
        calendar = await AppointmentCalendarPage.OpenFromMenuAsync(page);
        await calendar.TodaysBooking(CustomerName).ClickAsync();
        appointment = new AppointmentPage(page);
        await Assertions.Expect(appointment.Status).ToHaveTextAsync("Pending");
        await appointment.CheckIn.ClickAsync();

        var checkIn = new CheckInPage(page);
        await Assertions.Expect(checkIn.Heading).ToHaveTextAsync($"Check in {Plate}");
        await checkIn.ReadyAsync();
        await Assertions.Expect(checkIn.Complaint).ToHaveValueAsync("Oil change due; a rattle from the rear over speed bumps.");
        await checkIn.Odometer.FillAsync("41618");
        await ScreenshotAsync(page, "5-check-in");
        await checkIn.Submit.ClickAsync();
        await checkIn.Confirm.ClickAsync();

        var workOrder = new WorkOrderPage(page);
        await Assertions.Expect(workOrder.Notice).ToHaveTextAsync("Checked in. The work order is open.");
        await Assertions.Expect(workOrder.Heading).ToHaveTextAsync(new Regex(@"^Work order WO-D001-\d{6}$"));
        await Assertions.Expect(workOrder.Link(CustomerName)).ToBeVisibleAsync();
        await Assertions.Expect(workOrder.Link(Plate)).ToBeVisibleAsync();
        await Assertions.Expect(workOrder.Facts).ToContainTextAsync("41,618 km");
        await Assertions.Expect(workOrder.Facts).ToContainTextAsync(advisor.Name);
        await ScreenshotAsync(page, "6-work-order");
    }

    private DateTime LocalNow(TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(fixture.App.Clock.GetUtcNow().UtcDateTime, zone);

    private static Task ScreenshotAsync(IPage page, string step)
    {
        Directory.CreateDirectory(BrowserAppFixture.ScreenshotFolder);
        return page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserAppFixture.ScreenshotFolder, $"front-desk-{step}.png"),
            FullPage = true,
        });
    }
}
