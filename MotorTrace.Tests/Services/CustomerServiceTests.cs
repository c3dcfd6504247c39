using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.Integration;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteCustomerServiceTests(SqliteFactory app) : CustomerServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresCustomerServiceTests(PostgresFactory app) : CustomerServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The customer rules the front desk relies on, proven on the services the customer pages call, acting as a demo user
/// over a real database: create and edit (normalised phone and email, duplicates, stale edits, portal logins), the
/// portal invitation, the search every list and picker uses, the detail tabs, tenancy.
/// </summary>
public abstract class CustomerServiceTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string Manager = "manager@d1.motortrace.test";

    private Task<T> AsAdvisor<T>(Func<CustomerService, Task<T>> work) => app.AsUserAsync(Advisor, work);

    private Task<T> PortalAsAdvisor<T>(Func<CustomerPortalService, Task<T>> work) => app.AsUserAsync(Advisor, work);

    // ---- create -----------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task An_advisor_creates_a_walk_in_customer_at_their_dealer_without_a_login()
    {
        var name = "Walk-in " + Guid.NewGuid().ToString("N")[..8];

        var created = await AsAdvisor(s => s.CreateAsync(new CustomerForm { Name = name, Phone = CustomerBuilder.UniquePhone(), City = "Pune" }));

        Assert.True(created.Succeeded);
        var saved = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == created.Value).Select(c => new { c.Name, c.DealerId, c.UserId, c.City }).SingleAsync());
        Assert.Equal(name, saved.Name);
        Assert.Equal("Pune", saved.City);
        Assert.Null(saved.UserId);
        Assert.Equal(await app.WithDbAsync(db => CustomerBuilder.DealerIdAsync(db, 1)), saved.DealerId);
    }

    [DatabaseFact]
    public async Task Phone_and_email_are_stored_in_one_format_whatever_way_they_were_typed()
    {
        var digits = CustomerBuilder.UniquePhone().Replace(" ", "");
        var local = "Asha.Rao." + Guid.NewGuid().ToString("N")[..6];

        var created = await AsAdvisor(s => s.CreateAsync(new CustomerForm
        {
            Name = "  Asha Rao  ",
            Phone = $"+91 ({digits[..3]}) {digits[3..6]}-{digits[6..]}",
            Email = $"  {local}@Example.COM ",
        }));

        Assert.True(created.Succeeded);
        var saved = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == created.Value)
            .Select(c => new { c.Name, c.Phone, c.PhoneNormalized, c.Email, c.EmailNormalized }).SingleAsync());
        Assert.Equal("Asha Rao", saved.Name);
        Assert.Equal($"+91 {digits[..5]} {digits[5..]}", saved.Phone);
        Assert.Equal("91" + digits, saved.PhoneNormalized);
        Assert.Equal($"{local.ToLowerInvariant()}@example.com", saved.Email);
        Assert.Equal(saved.Email, saved.EmailNormalized);
    }

    [DatabaseFact]
    public async Task A_phone_saved_in_another_format_is_shown_in_the_one_format()
    {
        var digits = CustomerBuilder.UniquePhone().Replace(" ", "");
        var id = await new CustomerBuilder().WithPhone("+91" + digits).SaveAsync(app);

        var details = await AsAdvisor(s => s.GetAsync(id));

        Assert.Equal($"+91 {digits[..5]} {digits[5..]}", details!.Phone);
    }

    [DatabaseFact]
    public async Task An_invalid_phone_and_email_are_refused_on_their_fields_and_nothing_is_saved()
    {
        var name = "Invalid " + Guid.NewGuid().ToString("N")[..8];

        var created = await AsAdvisor(s => s.CreateAsync(new CustomerForm { Name = name, Phone = "call me later", Email = "asha at example" }));

        Assert.False(created.Succeeded);
        Assert.Contains(created.Result.Errors, e => e.Field == nameof(CustomerForm.Phone) && e.Message.Contains("only digits"));
        Assert.Contains(created.Result.Errors, e => e.Field == nameof(CustomerForm.Email) && e.Message.Contains("Enter an email address"));
        Assert.DoesNotContain(created.Result.Errors, e => e.Field == nameof(CustomerForm.Name));
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [DatabaseFact]
    public async Task A_duplicate_phone_is_shown_before_saving_and_saved_only_after_confirming_it_is_someone_else()
    {
        var phone = CustomerBuilder.UniquePhone();
        var existingId = await new CustomerBuilder().Named("Ravi Kumar").WithPhone("+91 " + phone).SaveAsync(app);
        var form = new CustomerForm { Name = "Ravi K.", Phone = "+91-" + phone.Replace(" ", "-"), City = "Mumbai" };
        var key = "91" + phone.Replace(" ", "");

        var duplicates = await AsAdvisor(s => s.DuplicatesToConfirmAsync(form));
        var refused = await AsAdvisor(s => s.CreateAsync(form.Copy()));

        var duplicate = Assert.Single(duplicates);
        Assert.Equal(existingId, duplicate.Id);
        Assert.Equal("Ravi Kumar", duplicate.Name);
        Assert.Equal("same phone", duplicate.Reason);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Result.Errors, e => e.Field == nameof(CustomerForm.Phone) && e.Message.Contains("Ravi Kumar already has this phone number"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.PhoneNormalized == key)));

        form.ConfirmedNotDuplicate = true;
        Assert.Empty(await AsAdvisor(s => s.DuplicatesToConfirmAsync(form)));
        var saved = await AsAdvisor(s => s.CreateAsync(form.Copy()));

        Assert.True(saved.Succeeded);
        Assert.NotEqual(existingId, saved.Value);
        Assert.Equal(2, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.PhoneNormalized == key)));
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_working_in_all_dealers_is_asked_to_choose_a_dealer_before_creating()
    {
        var network = await app.CreateUserAsync(Roles.Manager, dealer: null);
        var name = "No dealer " + Guid.NewGuid().ToString("N")[..8];

        var created = await app.AsUserAsync<CustomerService, ServiceResult<Guid>>(network,
            s => s.CreateAsync(new CustomerForm { Name = name, Phone = CustomerBuilder.UniquePhone() }));

        Assert.False(created.Succeeded);
        Assert.Contains(created.Result.Errors, e => e.Message.Contains("Choose a dealer in the header first"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    // ---- portal invitation ------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task An_invitation_makes_a_customer_login_linked_to_the_customer_and_mails_a_link_to_choose_a_password()
    {
        var email = $"portal-{Guid.NewGuid():N}@example.com";
        var id = await new CustomerBuilder().Named("Meera Iyer").WithEmail(email).SaveAsync(app);

        var invited = await PortalAsAdvisor(p => p.InviteAsync(id, "http://localhost/"));

        Assert.True(invited.Succeeded);
        Assert.True(invited.Value, "The invitation email was not sent.");
        await AssertInvitedAsync(id, email, "Meera Iyer");
        var again = await PortalAsAdvisor(p => p.InviteAsync(id, "http://localhost/"));
        Assert.Contains(again.Result.Errors, e => e.Message.Contains("already has a portal login"));
    }

    [DatabaseFact]
    public async Task An_email_another_account_uses_is_refused_for_a_portal_login_next_to_the_email()
    {
        var id = await new CustomerBuilder().WithEmail("Advisor@D2.motortrace.test").SaveAsync(app);

        var available = await PortalAsAdvisor(p => p.CheckEmailAvailableAsync("Advisor@D2.motortrace.test"));
        var invited = await PortalAsAdvisor(p => p.InviteAsync(id, "http://localhost/"));

        Assert.Contains(available.Errors, e => e.Field == nameof(CustomerForm.Email) && e.Message == CustomerPortalService.EmailInUseMessage);
        Assert.Contains(invited.Result.Errors, e => e.Field == nameof(CustomerForm.Email) && e.Message == CustomerPortalService.EmailInUseMessage);
        Assert.Null(await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.UserId).SingleAsync()));
    }

    [DatabaseFact]
    public async Task The_invitation_is_sent_again_only_while_the_customer_has_no_password()
    {
        var email = $"resend-{Guid.NewGuid():N}@example.com";
        var id = await new CustomerBuilder().WithEmail(email).SaveAsync(app);
        var walkIn = await new CustomerBuilder().SaveAsync(app);
        await PortalAsAdvisor(p => p.InviteAsync(id, "http://localhost/"));

        var resent = await PortalAsAdvisor(p => p.ResendInvitationAsync(id, "http://localhost/"));
        var notInvited = await PortalAsAdvisor(p => p.ResendInvitationAsync(walkIn, "http://localhost/"));

        Assert.True(resent.Succeeded);
        Assert.Equal(2, Mailbox.To(app.MailFolder, email).Count());
        Assert.Contains(notInvited.Errors, e => e.Message.Contains("invite them first"));
    }

    // ---- edit -------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task An_edit_saves_and_does_not_warn_about_the_customer_itself()
    {
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);
        var form = CustomerService.FormFor((await AsAdvisor(s => s.GetAsync(id)))!);
        form.City = "Nashik";

        Assert.Empty(await AsAdvisor(s => s.DuplicatesToConfirmAsync(form, id)));
        var updated = await AsAdvisor(s => s.UpdateAsync(id, form.Copy()));

        Assert.True(updated.Succeeded);
        Assert.Equal("Nashik", await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.City).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_to_another_customers_phone_shows_the_duplicate_and_changes_nothing()
    {
        var other = new CustomerBuilder().Named("Neha Joshi");
        var otherId = await other.SaveAsync(app);
        var id = await new CustomerBuilder().SaveAsync(app);
        var before = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync());
        var form = CustomerService.FormFor((await AsAdvisor(s => s.GetAsync(id)))!);
        form.Name = "Someone Else";
        form.Phone = other.Phone;

        var duplicates = await AsAdvisor(s => s.DuplicatesToConfirmAsync(form, id));
        var updated = await AsAdvisor(s => s.UpdateAsync(id, form.Copy()));

        Assert.Equal([otherId], duplicates.Select(d => d.Id));
        Assert.False(updated.Succeeded);
        Assert.Contains(updated.Errors, e => e.Field == nameof(CustomerForm.Phone));
        Assert.Equal(before, await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_based_on_a_stale_version_is_refused_naming_who_changed_it_and_when_and_overwrites_nothing()
    {
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);
        var mine = CustomerService.FormFor((await AsAdvisor(s => s.GetAsync(id)))!);
        // The manager saves the customer after the advisor's form was loaded.
        var theirs = CustomerService.FormFor((await app.AsUserAsync<CustomerService, CustomerDetails?>(Manager, s => s.GetAsync(id)))!);
        theirs.City = "Changed elsewhere";
        Assert.True((await app.AsUserAsync<CustomerService, ServiceResult>(Manager, s => s.UpdateAsync(id, theirs))).Succeeded);
        mine.Name = "My edit";
        mine.City = "My city";

        var refused = await AsAdvisor(s => s.UpdateAsync(id, mine.Copy()));

        var stored = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => new { c.Name, c.City, c.UpdatedAt }).SingleAsync());
        var zone = await app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.TimeZoneId).SingleAsync());
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(stored.UpdatedAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zone));
        var manager = DemoSeeder.SignIns.Single(s => s.Email == Manager).Name;
        var (field, message) = Assert.Single(refused.Errors);
        Assert.Equal("", field);
        Assert.Contains($"changed by {manager} at {at:HH:mm}", message);
        Assert.Equal(builder.Name, stored.Name);
        Assert.Equal("Changed elsewhere", stored.City);
    }

    [DatabaseFact]
    public async Task Editing_a_portal_customers_email_changes_their_sign_in_and_the_email_cannot_be_removed()
    {
        var id = await new CustomerBuilder().SaveAsync(app);
        Assert.True((await PortalAsAdvisor(p => p.InviteAsync(id, "http://localhost/"))).Succeeded);
        var newEmail = $"moved-{Guid.NewGuid():N}@example.com";
        var form = CustomerService.FormFor((await AsAdvisor(s => s.GetAsync(id)))!);

        var removed = await AsAdvisor(s => s.UpdateAsync(id, form.Copy().With(f => f.Email = "")));
        var changed = await AsAdvisor(s => s.UpdateAsync(id, form.Copy().With(f => f.Email = newEmail.ToUpperInvariant())));

        Assert.Contains(removed.Errors, e => e.Field == nameof(CustomerForm.Email) && e.Message.Contains("signs in to the portal with their email"));
        Assert.True(changed.Succeeded);
        var login = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id)
            .Select(c => new { c.Email, LoginEmail = c.User!.Email, c.User.UserName, c.User.NormalizedEmail }).SingleAsync());
        Assert.Equal(newEmail, login.Email);
        Assert.Equal(newEmail, login.LoginEmail);
        Assert.Equal(newEmail, login.UserName);
        Assert.Equal(newEmail.ToUpperInvariant(), login.NormalizedEmail);
    }

    // ---- list, search and picker ------------------------------------------------------------------------

    public static TheoryData<string> SearchTerms => new() { "plate", "phone", "email", "vin", "name" };

    [DatabaseTheory]
    [MemberData(nameof(SearchTerms))]
    public async Task The_list_and_the_picker_find_a_customer_by_part_of_a_plate_phone_email_vin_or_name(string by)
    {
        var plate = CustomerBuilder.UniquePlate();
        var vin = CustomerBuilder.UniqueVin();
        var builder = new CustomerBuilder().Named(VehicleTestData.UniqueName("Searchable")).WithVehicle(plate, vin);
        var id = await builder.SaveAsync(app);
        var term = by switch
        {
            "plate" => plate.Replace(" ", "")[4..].ToLowerInvariant(),  // "ab1234" of "MH 12 AB 1234", typed without spaces
            "phone" => builder.Phone!.Replace(" ", "")[3..9],
            "email" => builder.Email![9..25].ToUpperInvariant(),
            "vin" => vin[9..].ToLowerInvariant(),
            _ => builder.Name[11..].ToLowerInvariant(),
        };

        var list = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = term }));
        var picked = await AsAdvisor(s => s.SearchAsync(term));

        var row = Assert.Single(list.Items);
        Assert.Equal(id, row.Id);
        Assert.Contains(row.Vehicles, v => v.Plate == plate);
        var match = Assert.Single(picked);
        Assert.Equal(id, match.Id);
        Assert.Contains(plate, match.Plates);
    }

    [DatabaseFact]
    public async Task A_search_matching_more_than_a_thousand_customers_counts_to_the_limit_and_says_so()
    {
        var tag = "Crowd" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var dealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
            db.Customers.AddRange(Enumerable.Range(0, GridQuery.CountLimit + 5).Select(i => new Customer { DealerId = dealerId, Name = $"{tag} {i:0000}" }));
            await db.SaveChangesAsync();
        });

        var many = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag }));
        var few = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag + " 000" })); // 0000 to 0009

        Assert.Equal((GridQuery.CountLimit, true, GridQuery.DefaultPageSize), (many.Total, many.TotalIsLowerBound, many.Items.Count));
        Assert.Equal($"{tag} 0000", many.Items[0].Name);
        Assert.Equal((10, false), (few.Total, few.TotalIsLowerBound));
        var all = await AsAdvisor(s => s.ListAsync(new GridQuery()));
        Assert.False(all.TotalIsLowerBound, "the list without a search counts every customer");
        Assert.True(all.Total > GridQuery.CountLimit, $"all customers: {all.Total}");
    }

    [DatabaseFact]
    public async Task The_excel_export_holds_every_customer_the_lists_search_selects_across_all_pages_and_only_this_dealers()
    {
        var tag = "Export" + Guid.NewGuid().ToString("N")[..8];
        var names = Enumerable.Range(0, 30).Select(i => $"{tag} {i:00}").ToList();
        foreach (var name in names.Take(2)) await new CustomerBuilder().Named(name).WithVehicle(CustomerBuilder.UniquePlate()).SaveAsync(app);
        await app.WithDbAsync(async db =>
        {
            var dealerId = await db.Dealers.Where(d => d.DealerCode == "D001").Select(d => d.Id).SingleAsync();
            db.Customers.AddRange(names.Skip(2).Select(n => new Customer { DealerId = dealerId, Name = n }));
            await db.SaveChangesAsync();
        });
        await new CustomerBuilder(dealer: 2).Named($"{tag} other dealer").SaveAsync(app);
        var advisor = await app.UserAsync(Advisor);

        var response = await advisor.Client.GetAsync($"/customers/export.xlsx?q={tag}&size=10&page=2&sort=name&dir=desc");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MotorTrace.Web.Services.Export.GridExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var first = MotorTrace.Web.Services.Export.GridExport.HeaderRow + 1;
        var exported = Enumerable.Range(first, 31).Select(r => sheet.Cell(r, 1).GetString()).ToList();
        Assert.Equal(names.AsEnumerable().Reverse().Append(""), exported); // every page, in the list's order, nothing after
        Assert.Contains($"Search: {tag}", sheet.Cell(3, 1).GetString());
        var withVehicle = Enumerable.Range(first, 30).Single(r => sheet.Cell(r, 1).GetString() == names[0]);
        Assert.Matches("^[A-Z]{2}", sheet.Cell(withVehicle, 5).GetString()); // the plate, as the list shows it
    }

    [DatabaseFact]
    public async Task The_vehicle_list_finds_a_car_by_part_of_its_plate_or_its_owner_and_exports_what_it_shows()
    {
        var owner = "Fleet " + Guid.NewGuid().ToString("N")[..8];
        var (first, second) = (CustomerBuilder.UniquePlate(), CustomerBuilder.UniquePlate());
        await new CustomerBuilder().Named(owner).WithVehicle(first).WithVehicle(second).SaveAsync(app);
        await new CustomerBuilder(dealer: 2).Named(owner + " elsewhere").WithVehicle(CustomerBuilder.UniquePlate()).SaveAsync(app);

        var byPlate = await app.AsUserAsync<MotorTrace.Web.Services.Vehicles.VehicleListService, GridResult<MotorTrace.Web.Services.Vehicles.VehicleRow>>(
            Advisor, s => s.ListAsync(new GridQuery { Search = first[^7..] }));
        var byOwner = await app.AsUserAsync<MotorTrace.Web.Services.Vehicles.VehicleListService, GridResult<MotorTrace.Web.Services.Vehicles.VehicleRow>>(
            Advisor, s => s.ListAsync(new GridQuery { Search = owner }));
        var advisor = await app.UserAsync(Advisor);
        var response = await advisor.Client.GetAsync($"/vehicles/export.xlsx?q={Uri.EscapeDataString(owner)}");

        Assert.Contains(byPlate.Items, v => v.Plate == first && v.Owner == owner);
        Assert.Equal(new[] { first, second }.Order(), byOwner.Items.Select(v => v.Plate!).Order());
        using var workbook = new ClosedXML.Excel.XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > MotorTrace.Web.Services.Export.GridExport.HeaderRow).ToList();
        Assert.Equal(byOwner.Items.Select(v => (v.Plate!, owner)), rows.Select(r => (r.Cell(1).GetString(), r.Cell(6).GetString())));
    }

    [DatabaseFact]
    public async Task Part_of_a_plate_does_not_find_customers_whose_phone_holds_its_digits()
    {
        var plate = CustomerBuilder.UniquePlate();
        var digits = plate[^4..];
        var owner = await new CustomerBuilder().WithVehicle(plate).SaveAsync(app);
        var samePhoneDigits = await new CustomerBuilder().WithPhone($"98765 1{digits}").SaveAsync(app);

        var byPlate = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = plate[6..] }));
        var byPhone = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = $"765 1{digits}" }));

        Assert.Equal([owner], byPlate.Items.Select(r => r.Id));
        Assert.Contains(byPhone.Items, r => r.Id == samePhoneDigits);
    }

    [DatabaseFact]
    public async Task The_list_filters_portal_customers_and_walk_ins()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var walkIn = await new CustomerBuilder().Named($"Filter {tag} walk-in").SaveAsync(app);
        var portal = await new CustomerBuilder().Named($"Filter {tag} portal").WithEmail($"filter-{tag}@example.com").SaveAsync(app);
        Assert.True((await PortalAsAdvisor(p => p.InviteAsync(portal, "http://localhost/"))).Succeeded);

        var logins = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag }.WithFilter("portal", "login")));
        var walkIns = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag }.WithFilter("portal", "walkin")));

        Assert.Equal([portal], logins.Items.Select(r => r.Id));
        Assert.True(logins.Items[0].HasPortalLogin);
        Assert.Equal([walkIn], walkIns.Items.Select(r => r.Id));
    }

    [DatabaseFact]
    public async Task The_list_pages_through_matches_with_the_total()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 12; i++)
            await new CustomerBuilder().Named($"Paging {tag} {i:00}").WithVehicle(CustomerBuilder.UniquePlate()).SaveAsync(app);

        var first = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag, PageSize = 10 }));
        var second = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = tag, PageSize = 10, Page = 2 }));

        Assert.Equal(10, first.Items.Count);
        Assert.Equal(12, first.Total);
        Assert.Equal(2, second.Items.Count);
        Assert.Equal(12, second.Total);
        Assert.Empty(first.Items.Select(r => r.Id).Intersect(second.Items.Select(r => r.Id)));
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_in_all_dealers_sees_each_customers_dealer()
    {
        var network = await app.CreateUserAsync(Roles.Manager, dealer: null);
        var name = VehicleTestData.UniqueName("Network");
        await new CustomerBuilder(dealer: 2).Named(name).SaveAsync(app);

        var list = await app.AsUserAsync<CustomerService, GridResult<CustomerRow>>(network, s => s.ListAsync(new GridQuery { Search = name }));
        var advisors = await AsAdvisor(s => s.ListAsync(new GridQuery { Search = name }));

        Assert.Equal("D002", Assert.Single(list.Items).DealerCode);
        Assert.Empty(advisors.Items);
    }

    // ---- detail tabs ------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task The_account_shows_invoices_payments_and_the_outstanding_balance_of_issued_invoices()
    {
        var id = await new CustomerBuilder()
            .WithInvoice(InvoiceStatus.PartiallyPaid, total: 1000.50m, paid: 400m, balance: 600.50m)
            .WithInvoice(InvoiceStatus.Issued, total: 250.25m, paid: 0m, balance: 250.25m)
            .WithInvoice(InvoiceStatus.Void, total: 999m, paid: 0m, balance: 999m)
            .SaveAsync(app);
        var dealerId = await app.WithDbAsync(db => CustomerBuilder.DealerIdAsync(db, 1));

        var account = await AsAdvisor(s => s.AccountAsync(id, dealerId, 1, 1));

        Assert.Equal(850.75m, account.Outstanding);
        Assert.Equal("INR", account.Currency);
        Assert.Equal(3, account.Invoices.Total);
        var payment = Assert.Single(account.Payments.Items);
        Assert.Equal(PaymentMethod.CreditCard, payment.Method);
        Assert.Equal(400m, payment.Amount);
    }

    [DatabaseFact]
    public async Task A_note_is_added_and_listed_newest_first_with_its_author()
    {
        var id = await new CustomerBuilder().SaveAsync(app);

        Assert.True((await AsAdvisor(s => s.AddNoteAsync(id, new CustomerNoteForm { Text = "First note" }))).Succeeded);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await AsAdvisor(s => s.AddNoteAsync(id, new CustomerNoteForm { Text = "Prefers calls after 5 pm" }))).Succeeded);
        var notes = await AsAdvisor(s => s.NotesAsync(id, 1));

        Assert.Equal(["Prefers calls after 5 pm", "First note"], notes.Items.Select(n => n.Text));
        Assert.Equal(DemoSeeder.SignIns.Single(s => s.Email == Advisor).Name, notes.Items[0].Author);
    }

    [DatabaseFact]
    public async Task An_empty_note_is_refused_on_its_field()
    {
        var id = await new CustomerBuilder().SaveAsync(app);

        var result = await AsAdvisor(s => s.AddNoteAsync(id, new CustomerNoteForm { Text = "   " }));

        Assert.Equal([(nameof(CustomerNoteForm.Text), "Write the note first.")], result.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerNotes.CountAsync(n => n.CustomerId == id)));
    }

    // ---- tenancy ----------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task Another_dealers_customer_is_never_found_by_id_search_or_picker()
    {
        var name = VehicleTestData.UniqueName("Elsewhere");
        var id = await new CustomerBuilder(dealer: 2).Named(name).SaveAsync(app);

        Assert.Null(await AsAdvisor(s => s.GetAsync(id)));
        Assert.Null(await AsAdvisor(s => s.MatchAsync(id)));
        Assert.Empty((await AsAdvisor(s => s.ListAsync(new GridQuery { Search = name }))).Items);
        Assert.Empty(await AsAdvisor(s => s.SearchAsync(name)));
    }

    private async Task AssertInvitedAsync(Guid customerId, string email, string name)
    {
        var login = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == customerId).Select(c => new
        {
            c.DealerId,
            User = c.User == null ? null : new { c.User.Id, c.User.Email, c.User.UserType, c.User.DealerId, c.User.PasswordHash, c.User.FullName },
        }).SingleAsync());
        Assert.NotNull(login.User);
        Assert.Equal(email, login.User.Email);
        Assert.Equal(name, login.User.FullName);
        Assert.Equal(UserType.Customer, login.User.UserType);
        Assert.Equal(login.DealerId, login.User.DealerId);
        Assert.Null(login.User.PasswordHash);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == login.User.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Customer], roles);

        var mail = Assert.Single(Mailbox.To(app.MailFolder, email));
        Assert.Contains("invited you to follow your vehicles in MotorTrace", mail.HtmlBody);
        var link = mail.Link("Choose a new password");
        Assert.Equal("/account/reset-password", link.AbsolutePath);
        Assert.Contains(Uri.EscapeDataString(email), link.Query);
    }
}

internal static class CustomerFormExtensions
{
    public static CustomerForm With(this CustomerForm form, Action<CustomerForm> change)
    {
        change(form);
        return form;
    }
}
