using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Unit;
using MotorTrace.Web.Components.Pages.Customers;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Identity;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>
/// The customer pages and the shared customer picker in bUnit, over the real <see cref="CustomerService"/> and a real
/// (in-memory SQLite) database, acting as a service advisor or a warranty manager of one dealer.
/// </summary>
[Trait("Category", "Component")]
public sealed class CustomerComponentTests : MudComponentTest
{
    private const string Plate = "MH 12 QZ 4321";
    private readonly InMemoryMotorTraceDb _database = new();
    private readonly CurrentUser _user = new();
    private readonly Guid _dealerId;
    private readonly Guid _ashaId;
    private readonly Guid _vehicleId;

    public CustomerComponentTests()
    {
        var dealer = new Dealer { DealerCode = "D001", Name = "Test Motors", Country = "India" };
        var asha = new Customer { DealerId = dealer.Id, Name = "Asha Rao", Phone = "+919845012345", Email = "asha@example.com", City = "Pune" };
        var car = new Vehicle { DealerId = dealer.Id, Customer = asha, Make = "Skoda", Model = "Octavia", Year = 2021, LicensePlate = Plate, Vin = "TMBJJ7NE5L0123456" };
        using (var db = _database.NewContext())
        {
            db.Dealers.Add(dealer);
            db.Customers.Add(asha);
            db.Vehicles.Add(car);
            db.SaveChanges();
        }
        (_dealerId, _ashaId, _vehicleId) = (dealer.Id, asha.Id, car.Id);

        Services.AddSingleton(_ => _database); // created by a factory, so the container disposes it with the test
        Services.AddSingleton<TimeProvider>(new MotorTrace.Tests.Integration.Infrastructure.ClockWithRealTimers(_database.Clock)); // MudBlazor debounces on TimeProvider timers
        Services.AddSingleton(_user);
        Services.AddSingleton(_database.Factory(_user));
        Services.AddScoped(_ => _database.NewContext(_user));
        Services.AddLogging();
        Services.AddMotorTraceAuthorization();
        // The real policies, not bUnit's placeholder authorization service.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddScoped<DealerContext>();
        Services.AddScoped<CustomerService>();
        // The edit page's portal service is only reached when "Invite" is ticked, which these tests do not do.
        Services.AddScoped(sp => new CustomerPortalService(sp.GetRequiredService<IDbContextFactory<MotorTraceDbContext>>(), null!, null!, _user,
            NullLogger<CustomerPortalService>.Instance));
        SignInAs(Roles.ServiceAdvisor);
    }

    // ---- the customer picker ----------------------------------------------------------------------------

    [Fact]
    public void The_picker_finds_a_customer_by_part_of_a_plate_and_picking_one_gives_their_id()
    {
        UseInteractiveServerRenderer();
        var popovers = Render<MudPopoverProvider>();
        Guid? picked = null;
        var picker = Render<CustomerPicker>(p => p.Add(c => c.CustomerIdChanged, id => picked = id));

        picker.Find("input").Input("qz 43");

        popovers.WaitForAssertion(() => Assert.Contains("Asha Rao", popovers.Markup), TimeSpan.FromSeconds(5));
        Assert.Contains("+91 98450 12345", popovers.Markup);
        Assert.Contains(Plate, popovers.Markup);
        popovers.FindAll(".mud-list-item").First(i => i.TextContent.Contains("Asha Rao")).Click();
        picker.WaitForAssertion(() => Assert.Equal(_ashaId, picked));
    }

    [Fact]
    public void The_picker_offers_a_new_customer_only_to_roles_that_may_create_one()
    {
        var advisor = RenderWithProviders<CustomerPicker>();
        SignInAs(Roles.WarrantyManager);
        var warranty = Render<CustomerPicker>();

        Assert.Equal("/customers/new", advisor.Find("a.mud-button-root").GetAttribute("href"));
        Assert.Empty(warranty.FindAll("a.mud-button-root"));
    }

    [Fact]
    public void The_picker_shows_the_customer_already_chosen()
    {
        var picker = RenderWithProviders<CustomerPicker>(p => p.Add(c => c.CustomerId, _ashaId));

        picker.WaitForAssertion(() => Assert.Equal("Asha Rao", picker.Find("input").GetAttribute("value")));
    }

    // ---- list, edit, detail ------------------------------------------------------------------------------

    [Fact]
    public void The_list_shows_each_customer_with_their_phone_in_the_one_format_and_their_plates()
    {
        var list = RenderWithProviders<CustomerList>();

        list.WaitForAssertion(() => Assert.Contains("Asha Rao", list.Find("tbody").TextContent), TimeSpan.FromSeconds(5));
        var row = list.FindAll("tbody tr").Single(r => r.TextContent.Contains("Asha Rao"));
        Assert.Contains("+91 98450 12345", row.TextContent);
        Assert.Contains(Plate, row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/customers/{_ashaId}']"));
        Assert.NotNull(list.Find("a[href='/customers/new']"));
    }

    [Fact]
    public void An_invalid_phone_is_explained_at_the_field_and_what_was_typed_stays()
    {
        var page = RenderWithProviders<CustomerEdit>();

        page.Find("#customer-name").Change("Ravi Kumar");
        page.Find("#customer-phone").Change("call me later");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("only digits", page.Markup));
        Assert.Equal("call me later", page.Find("#customer-phone").GetAttribute("value"));
        Assert.Equal(1, CustomerCount());
    }

    [Fact]
    public void A_missing_name_and_a_bad_email_are_both_explained_at_their_fields_on_the_first_save()
    {
        var page = RenderWithProviders<CustomerEdit>();

        page.Find("#customer-email").Change("asha at example");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Enter the customer's name.", page.Markup));
        page.WaitForAssertion(() => Assert.Contains("Enter an email address like name@example.com.", page.Markup));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page.Markup, "Enter the customer&#x27;s name\\.|Enter the customer's name\\."));
        Assert.Equal("asha at example", page.Find("#customer-email").GetAttribute("value"));
        Assert.Equal(1, CustomerCount());
    }

    [Fact]
    public void A_duplicate_phone_is_shown_before_saving_and_confirming_saves_a_second_customer()
    {
        var page = RenderWithProviders<CustomerEdit>();

        page.Find("#customer-name").Change("Asha R.");
        page.Find("#customer-phone").Change("+91 98450-12345");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#duplicate-warning")));
        var warning = page.Find("#duplicate-warning");
        Assert.Contains("Asha Rao", warning.TextContent);
        Assert.Equal("_blank", warning.QuerySelector($"a[href='/customers/{_ashaId}']")!.GetAttribute("target"));
        Assert.Equal(1, CustomerCount());

        page.FindAll("#duplicate-warning button").Single(b => b.TextContent.Contains("save anyway")).Click();

        page.WaitForAssertion(() => Assert.Equal(2, CustomerCount()));
        Assert.Matches("/customers/[0-9a-f-]{36}$", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void The_detail_page_shows_the_customer_and_the_vehicles_tab_links_to_the_car_and_to_adding_one()
    {
        var page = RenderWithProviders<CustomerDetail>(p => p.Add(c => c.Id, _ashaId));

        page.WaitForAssertion(() => Assert.Contains("Asha Rao", page.Find("h1").TextContent));
        Assert.Contains("+91 98450 12345", page.Markup);
        Assert.Contains("Walk-in", page.Markup);
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Vehicles")).Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find($"a[href='/vehicles/{_vehicleId}']")));
        Assert.NotNull(page.Find($"a[href='/vehicles/new?customerId={_ashaId}']"));
        Assert.EndsWith("?tab=vehicles", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void A_warranty_manager_sees_the_customer_without_edit_invite_or_note_form()
    {
        SignInAs(Roles.WarrantyManager);
        var page = RenderWithProviders<CustomerDetail>(p => p.Add(c => c.Id, _ashaId));

        page.WaitForAssertion(() => Assert.Contains("Asha Rao", page.Find("h1").TextContent));
        Assert.Empty(page.FindAll($"a[href='/customers/{_ashaId}/edit']"));
        Assert.DoesNotContain("Invite to the customer portal", page.Markup);
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Notes")).Click();
        page.WaitForAssertion(() => Assert.Contains("No notes yet.", page.Markup));
        Assert.Empty(page.FindAll("#customer-note"));
    }

    [Fact]
    public void The_invoices_tab_links_every_invoice_shows_drafts_as_draft_and_owes_only_the_customers_finalised_balances()
    {
        var today = DateOnly.FromDateTime(_database.Clock.GetUtcNow().UtcDateTime);
        var clerk = new ApplicationUser { UserName = "clerk@d1.motortrace.test", Email = "clerk@d1.motortrace.test", FullName = "Cora Clerk", DealerId = _dealerId };
        var order = new WorkOrder { DealerId = _dealerId, WorkOrderNumber = "WO-D001-000777", CustomerId = _ashaId, VehicleId = _vehicleId, Status = WorkOrderStatus.Invoiced };
        Invoice Finalised(string number, LinePayer payer, InvoiceStatus status, decimal total, decimal paid, decimal balance, int issuedDaysAgo, int dueInDays,
            InvoiceKind kind = InvoiceKind.Invoice) => new()
            {
                DealerId = _dealerId, WorkOrder = order, InvoiceNumber = number, Kind = kind, Payer = payer, Status = status, IssueDate = today.AddDays(-issuedDaysAgo),
                DueDate = today.AddDays(dueInDays), Subtotal = total, TotalAmount = total, PaidAmount = paid, BalanceDue = balance,
            };
        var overdue = Finalised("INV-D001-2026-000041", LinePayer.Customer, InvoiceStatus.PartiallyPaid, 1180.50m, 500m, 680.50m, 40, -25);
        var paid = Finalised("INV-D001-2026-000042", LinePayer.Customer, InvoiceStatus.Paid, 300m, 300m, 0m, 30, -15);
        var open = Finalised("INV-D001-2026-000043", LinePayer.Customer, InvoiceStatus.Issued, 250.25m, 0m, 250.25m, 5, 10);
        var warranty = Finalised("INV-D001-2026-000044", LinePayer.Warranty, InvoiceStatus.Issued, 4000m, 0m, 4000m, 5, 10);
        var credit = Finalised("INV-D001-2026-000045", LinePayer.Customer, InvoiceStatus.Issued, -50m, 0m, 0m, 2, 0, InvoiceKind.CreditNote);
        var voided = Finalised("INV-D001-2026-000046", LinePayer.Customer, InvoiceStatus.Void, 999m, 0m, 999m, 3, 12);
        var draft = new Invoice
        {
            DealerId = _dealerId, WorkOrder = order, Payer = LinePayer.Customer, Status = InvoiceStatus.Draft, IssueDate = today, Subtotal = 75m, TotalAmount = 75m,
            BalanceDue = 75m,
        };
        Invoice[] invoices = [overdue, paid, open, warranty, credit, voided, draft];
        using (var db = _database.NewContext(new FakeCurrentUser()))
        {
            db.Users.Add(clerk);
            db.WorkOrders.Add(order);
            db.Invoices.AddRange(invoices);
            db.Payments.Add(new Payment
            {
                DealerId = _dealerId, WorkOrder = order, Invoice = overdue, ProcessedById = clerk.Id, Method = PaymentMethod.Upi, Amount = 500m,
                Status = PaymentRecordStatus.Completed, PaidAt = DateTime.UtcNow.AddDays(-20), Reference = "UPI-1",
            });
            db.SaveChanges();
        }

        var tab = RenderWithProviders<CustomerInvoicesTab>(p => p.Add(c => c.CustomerId, _ashaId).Add(c => c.DealerId, _dealerId));

        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("table").Count), TimeSpan.FromSeconds(5));
        var rows = tab.FindAll("table")[0].QuerySelectorAll("tbody tr");
        Assert.Equal(invoices.Length, rows.Length);
        string Row(Invoice invoice) => Regex.Replace(rows.Single(r => r.QuerySelector($"a[href='/invoices/{invoice.Id}']") is not null).TextContent, @"\s+", " ");
        Assert.All(invoices, i => Assert.Contains(i.InvoiceNumber ?? "Draft", Row(i)));
        Assert.Contains("Overdue", Row(overdue));
        Assert.Contains("INR 680.50", Row(overdue));
        Assert.Contains("Warranty · WO-D001-000777", Row(warranty));
        Assert.Contains("Credit note", Row(credit));
        Assert.Contains("Draft", Row(draft));
        Assert.Equal("INR 930.75", tab.Find("#customer-outstanding").TextContent.Trim()); // 680.50 + 250.25: not the warranty's, the void's or the draft's
        var payment = tab.FindAll("table")[1].QuerySelector("tbody tr")!;
        Assert.Equal(overdue.InvoiceNumber, payment.QuerySelector($"a[href='/invoices/{overdue.Id}']")!.TextContent.Trim());
        Assert.NotNull(tab.Find($"a[href='/invoices?customer={_ashaId}']"));
    }

    // ---- pieces ------------------------------------------------------------------------------------------

    [Fact]
    public void The_duplicate_warning_lists_each_candidate_and_confirming_calls_back()
    {
        var confirmed = false;
        var candidates = new[]
        {
            new DuplicateCandidate(Guid.NewGuid(), "Ravi Kumar", "+919845012345", null, "same phone"),
            new DuplicateCandidate(Guid.NewGuid(), "Ravi K", null, "ravi@example.com", "same email"),
        };
        var warning = RenderWithProviders<DuplicateWarning>(p => p
            .Add(c => c.Candidates, candidates)
            .Add(c => c.OnConfirm, () => confirmed = true));

        Assert.Contains("2 customers at this dealer have the same phone number or email", Regex.Replace(warning.Find("#duplicate-warning").TextContent, @"\s+", " "));
        Assert.Equal(candidates.Select(c => $"/customers/{c.Id}"), warning.FindAll("li a").Select(a => a.GetAttribute("href")));
        Assert.Contains("+91 98450 12345", warning.Markup);
        warning.Find("button").Click();
        Assert.True(confirmed);
    }

    [Theory]
    [InlineData("+91 98450 12345", "+91 98450 12345")]
    [InlineData("+919845012345", "+91 98450 12345")]
    [InlineData("98450-12345", "98450 12345")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData(null, null)]
    public void Phone_numbers_read_in_one_format(string? stored, string? shown) => Assert.Equal(shown, PhoneNumbers.Format(stored));

    private int CustomerCount()
    {
        using var db = _database.NewContext();
        return db.Customers.Count();
    }

    private void SignInAs(string role) => _user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Name, $"{role}@d1.motortrace.test"),
            new Claim(ClaimTypes.Role, role),
            new Claim(MotorTraceClaims.UserType, nameof(UserType.Dealer)),
            new Claim(MotorTraceClaims.DealerId, _dealerId.ToString()),
        ], "Test")), null, "127.0.0.1", "bUnit");

}
