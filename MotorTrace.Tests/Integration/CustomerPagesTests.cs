using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Seeding;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteCustomerPagesTests(SqliteFactory app) : CustomerPagesTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresCustomerPagesTests(PostgresFactory app) : CustomerPagesTests(app), IClassFixture<PostgresFactory>;

/// <summary>The customer pages as the front desk uses them: list and search, create, edit, portal invitation, tabs, tenancy and roles.</summary>
public abstract class CustomerPagesTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";
    private const string EditForm = "customer-edit";

    // ---- create -----------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task An_advisor_creates_a_walk_in_customer_and_lands_on_their_page()
    {
        var advisor = await app.UserAsync(Advisor);
        var name = "Walk-in " + Guid.NewGuid().ToString("N")[..8];

        using var response = await CreateAsync(advisor.Client, new() { ["Input.Name"] = name, ["Input.Phone"] = CustomerBuilder.UniquePhone(), ["Input.City"] = "Pune" });

        var id = AssertRedirectToCustomer(response);
        var saved = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => new { c.Name, c.DealerId, c.UserId, c.City }).SingleAsync());
        Assert.Equal(name, saved.Name);
        Assert.Equal("Pune", saved.City);
        Assert.Null(saved.UserId);
        Assert.Equal(await app.WithDbAsync(db => CustomerBuilder.DealerIdAsync(db, 1)), saved.DealerId);
        var page = await Forms.GetPageAsync(advisor.Client, response.Headers.Location!.ToString());
        Assert.Contains(name, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Walk-in", page.QuerySelector("h1")!.TextContent);
    }

    [DatabaseFact]
    public async Task Phone_and_email_are_normalised_when_saved()
    {
        var advisor = await app.UserAsync(Advisor);
        var digits = CustomerBuilder.UniquePhone().Replace(" ", "");
        var typedPhone = $"+91 ({digits[..3]}) {digits[3..6]}-{digits[6..]}";
        var local = "Asha.Rao." + Guid.NewGuid().ToString("N")[..6];

        using var response = await CreateAsync(advisor.Client, new()
        {
            ["Input.Name"] = "  Asha Rao  ",
            ["Input.Phone"] = typedPhone,
            ["Input.Email"] = $"  {local}@Example.COM ",
        });

        var id = AssertRedirectToCustomer(response);
        var saved = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => new { c.Name, c.Phone, c.PhoneNormalized, c.Email, c.EmailNormalized }).SingleAsync());
        Assert.Equal("Asha Rao", saved.Name);
        Assert.Equal("+91" + digits, saved.Phone);
        Assert.Equal("91" + digits, saved.PhoneNormalized);
        Assert.Equal($"{local.ToLowerInvariant()}@example.com", saved.Email);
        Assert.Equal(saved.Email, saved.EmailNormalized);
    }

    [DatabaseFact]
    public async Task An_invalid_phone_and_email_are_explained_next_to_their_fields_and_nothing_is_saved()
    {
        var advisor = await app.UserAsync(Advisor);
        var name = "Invalid " + Guid.NewGuid().ToString("N")[..8];

        using var response = await CreateAsync(advisor.Client, new() { ["Input.Name"] = name, ["Input.Phone"] = "call me later", ["Input.Email"] = "asha at example" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("only digits", FieldMessage(page, "customer-phone"));
        Assert.Contains("Enter an email address", FieldMessage(page, "customer-email"));
        Assert.Equal("", FieldMessage(page, "customer-name"));
        Assert.Contains("is-invalid", page.QuerySelector("#customer-phone")!.ClassName);
        Assert.Equal("call me later", Value(page, "customer-phone"));
        Assert.Equal(name, Value(page, "customer-name"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [DatabaseFact]
    public async Task A_duplicate_phone_is_shown_before_saving_and_saved_only_after_confirming_it_is_someone_else()
    {
        var advisor = await app.UserAsync(Advisor);
        var phone = CustomerBuilder.UniquePhone();
        // Same number, typed differently; both in international form (a number with and without the country
        // code normalise differently, so they are not compared as one).
        var existing = new CustomerBuilder().Named("Ravi Kumar").WithPhone("+91 " + phone);
        var existingId = await existing.SaveAsync(app);
        var typedPhone = "+91-" + phone.Replace(" ", "-");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ravi K.",
            ["Input.Phone"] = typedPhone,
            ["Input.City"] = "Mumbai",
            ["Input.Address"] = "12 Marine Drive",
        };
        var key = "91" + phone.Replace(" ", "");

        using var warned = await CreateAsync(advisor.Client, fields);

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await Forms.ParseAsync(warned);
        var panel = page.QuerySelector("#duplicate-warning");
        Assert.NotNull(panel);
        Assert.NotNull(panel.QuerySelector($"a[href='/customers/{existingId}']"));
        Assert.Contains("Ravi Kumar", panel.TextContent);
        Assert.Contains("same phone", panel.TextContent);
        Assert.Equal(typedPhone, Value(page, "customer-phone"));
        Assert.Equal("Ravi K.", Value(page, "customer-name"));
        Assert.Equal("Mumbai", Value(page, "customer-city"));
        Assert.Equal("12 Marine Drive", page.QuerySelector<IHtmlTextAreaElement>("#customer-address")!.Value);
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.PhoneNormalized == key)));

        var confirm = panel.QuerySelector<IHtmlButtonElement>("button[type='submit']")!;
        using var saved = await Forms.SubmitAsync(advisor.Client, page, EditForm, new Dictionary<string, string>(fields) { [confirm.Name!] = confirm.Value });

        var newId = AssertRedirectToCustomer(saved);
        Assert.NotEqual(existingId, newId);
        Assert.Equal(2, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.PhoneNormalized == key)));
    }

    [DatabaseFact]
    public async Task Invite_on_create_makes_a_customer_login_linked_to_the_customer_and_mails_a_link_to_choose_a_password()
    {
        var advisor = await app.UserAsync(Advisor);
        var email = $"portal-{Guid.NewGuid():N}@example.com";

        using var response = await CreateAsync(advisor.Client, new()
        {
            ["Input.Name"] = "Meera Iyer",
            ["Input.Email"] = email,
            ["Input.Phone"] = CustomerBuilder.UniquePhone(),
            ["Input.InviteToPortal"] = "true",
        });

        var id = AssertRedirectToCustomer(response);
        Assert.Contains("done=invited", response.Headers.Location!.ToString());
        await AssertInvitedAsync(id, email, "Meera Iyer");
    }

    [DatabaseFact]
    public async Task Invite_on_the_detail_page_gives_an_existing_customer_a_login()
    {
        var advisor = await app.UserAsync(Advisor);
        var email = $"later-{Guid.NewGuid():N}@example.com";
        var id = await new CustomerBuilder().Named("Kiran Shah").WithEmail(email).SaveAsync(app);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}", "customer-invite");

        Assert.True(AccountFlow.IsRedirectTo(response, $"/customers/{id}"), $"Invite answered {(int)response.StatusCode} {response.Headers.Location}");
        await AssertInvitedAsync(id, email, "Kiran Shah");
        var page = await Forms.GetPageAsync(advisor.Client, response.Headers.Location!.ToString());
        Assert.Contains($"Invitation sent to {email}", page.QuerySelector("[role='status']")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("form"), f => f.TextContent.Contains("Invite to the customer portal"));
    }

    [DatabaseFact]
    public async Task Invite_with_an_email_another_account_uses_explains_it_next_to_the_email_and_saves_nothing()
    {
        var advisor = await app.UserAsync(Advisor);
        var name = "Taken " + Guid.NewGuid().ToString("N")[..8];

        using var response = await CreateAsync(advisor.Client, new()
        {
            ["Input.Name"] = name,
            ["Input.Email"] = "Advisor@D2.motortrace.test",
            ["Input.InviteToPortal"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("Another MotorTrace account already uses this email", FieldMessage(page, "customer-email"));
        Assert.True(page.QuerySelector<IHtmlInputElement>("#customer-invite")!.IsChecked);
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    // ---- edit -------------------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task An_edit_saves_and_does_not_warn_about_the_customer_itself()
    {
        var advisor = await app.UserAsync(Advisor);
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}/edit", EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = builder.Name,
            ["Input.Phone"] = builder.Phone!,
            ["Input.Email"] = builder.Email!,
            ["Input.City"] = "Nashik",
        });

        Assert.True(AccountFlow.IsRedirectTo(response, $"/customers/{id}"), $"Edit answered {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("Nashik", await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.City).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_to_another_customers_phone_shows_the_duplicate_and_changes_nothing()
    {
        var advisor = await app.UserAsync(Advisor);
        var other = new CustomerBuilder().Named("Neha Joshi");
        var otherId = await other.SaveAsync(app);
        var id = await new CustomerBuilder().SaveAsync(app);
        var before = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync());

        using var response = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}/edit", EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "Someone Else",
            ["Input.Phone"] = other.Phone!,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var panel = (await Forms.ParseAsync(response)).QuerySelector("#duplicate-warning");
        Assert.NotNull(panel?.QuerySelector($"a[href='/customers/{otherId}']"));
        Assert.DoesNotContain($"/customers/{id}'", panel!.InnerHtml);
        Assert.Equal(before, await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => c.Phone).SingleAsync()));
    }

    [DatabaseFact]
    public async Task An_edit_based_on_a_stale_version_shows_the_conflict_and_overwrites_nothing()
    {
        var advisor = await app.UserAsync(Advisor);
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);
        var editPage = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}/edit");
        // Another desk saves the customer after this page was loaded.
        await app.WithDbAsync(async db =>
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.City = "Changed elsewhere";
            await db.SaveChangesAsync();
        });

        using var response = await Forms.SubmitAsync(advisor.Client, editPage, EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = "My edit",
            ["Input.Phone"] = builder.Phone!,
            ["Input.City"] = "My city",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this customer", Forms.Alerts(await Forms.ParseAsync(response)));
        var stored = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id).Select(c => new { c.Name, c.City }).SingleAsync());
        Assert.Equal(builder.Name, stored.Name);
        Assert.Equal("Changed elsewhere", stored.City);
    }

    [DatabaseFact]
    public async Task Editing_a_portal_customers_email_changes_their_sign_in_and_the_email_cannot_be_removed()
    {
        var advisor = await app.UserAsync(Advisor);
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);
        using (var invite = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}", "customer-invite"))
            Assert.True(AccountFlow.IsRedirectTo(invite, $"/customers/{id}"));
        var newEmail = $"moved-{Guid.NewGuid():N}@example.com";

        using var removed = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}/edit", EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = builder.Name, ["Input.Phone"] = builder.Phone!, ["Input.Email"] = "",
        });
        using var changed = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}/edit", EditForm, new Dictionary<string, string>
        {
            ["Input.Name"] = builder.Name, ["Input.Phone"] = builder.Phone!, ["Input.Email"] = newEmail.ToUpperInvariant(),
        });

        Assert.Contains("signs in to the portal with their email", FieldMessage(await Forms.ParseAsync(removed), "customer-email"));
        Assert.True(AccountFlow.IsRedirectTo(changed, $"/customers/{id}"), $"Edit answered {(int)changed.StatusCode}");
        var login = await app.WithDbAsync(db => db.Customers.Where(c => c.Id == id)
            .Select(c => new { c.Email, LoginEmail = c.User!.Email, c.User.UserName, c.User.NormalizedEmail }).SingleAsync());
        Assert.Equal(newEmail, login.Email);
        Assert.Equal(newEmail, login.LoginEmail);
        Assert.Equal(newEmail, login.UserName);
        Assert.Equal(newEmail.ToUpperInvariant(), login.NormalizedEmail);
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_working_in_all_dealers_is_asked_to_choose_a_dealer_before_creating()
    {
        var network = await app.SignInAsync(await app.CreateUserAsync(Roles.Manager, dealer: null));
        var name = "No dealer " + Guid.NewGuid().ToString("N")[..8];

        using var response = await CreateAsync(network.Client, new() { ["Input.Name"] = name, ["Input.Phone"] = CustomerBuilder.UniquePhone() });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a dealer in the header first", Forms.Alerts(await Forms.ParseAsync(response)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    // ---- list, search and lookup ----------------------------------------------------------------------

    public static TheoryData<string> SearchTerms => new() { "plate", "phone", "email", "vin", "name" };

    [DatabaseTheory]
    [MemberData(nameof(SearchTerms))]
    public async Task The_list_finds_a_customer_by_part_of_a_plate_phone_email_vin_or_name(string by)
    {
        var advisor = await app.UserAsync(Advisor);
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

        var page = await Forms.GetPageAsync(advisor.Client, $"/customers?q={Uri.EscapeDataString(term)}");

        var rows = page.QuerySelectorAll("#customers-grid tbody tr");
        var row = Assert.Single(rows);
        Assert.NotNull(row.QuerySelector($"a[href='/customers/{id}']"));
        Assert.Contains(plate, row.TextContent);
    }

    [DatabaseFact]
    public async Task Part_of_a_plate_does_not_find_customers_whose_phone_holds_its_digits()
    {
        var advisor = await app.UserAsync(Advisor);
        var plate = CustomerBuilder.UniquePlate();
        var digits = plate[^4..];
        var owner = await new CustomerBuilder().WithVehicle(plate).SaveAsync(app);
        var samePhoneDigits = await new CustomerBuilder().WithPhone($"98765 1{digits}").SaveAsync(app);

        var byPlate = await Forms.GetPageAsync(advisor.Client, $"/customers?q={Uri.EscapeDataString(plate[6..])}");
        var byPhone = await Forms.GetPageAsync(advisor.Client, $"/customers?q=765 1{digits}");

        var row = Assert.Single(byPlate.QuerySelectorAll("#customers-grid tbody tr"));
        Assert.NotNull(row.QuerySelector($"a[href='/customers/{owner}']"));
        Assert.NotNull(byPhone.QuerySelector($"#customers-grid a[href='/customers/{samePhoneDigits}']"));
    }

    [DatabaseFact]
    public async Task The_list_filters_portal_customers_and_walk_ins()
    {
        var advisor = await app.UserAsync(Advisor);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var walkIn = await new CustomerBuilder().Named($"Filter {tag} walk-in").SaveAsync(app);
        var portalEmail = $"filter-{tag}@example.com";
        var portal = await new CustomerBuilder().Named($"Filter {tag} portal").WithEmail(portalEmail).SaveAsync(app);
        using (var invite = await Forms.SubmitAsync(advisor.Client, $"/customers/{portal}", "customer-invite"))
            Assert.True(AccountFlow.IsRedirectTo(invite, $"/customers/{portal}"));

        var logins = await Forms.GetPageAsync(advisor.Client, $"/customers?q={tag}&portal=login");
        var walkIns = await Forms.GetPageAsync(advisor.Client, $"/customers?q={tag}&portal=walkin");

        Assert.Equal([$"/customers/{portal}"], Links(logins));
        Assert.Equal([$"/customers/{walkIn}"], Links(walkIns));
        Assert.Contains("Portal", logins.QuerySelector("#customers-grid tbody tr")!.TextContent);

        static List<string> Links(IDocument page) =>
            page.QuerySelectorAll("#customers-grid tbody tr td:first-child a").Select(a => a.GetAttribute("href")!).ToList();
    }

    [DatabaseFact]
    public async Task The_list_reads_one_page_with_one_statement_for_the_rows_and_one_for_the_count()
    {
        var advisor = await app.UserAsync(Advisor);
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 12; i++)
            await new CustomerBuilder().Named($"Paging {tag} {i:00}").WithVehicle(CustomerBuilder.UniquePlate()).WithVehicle(CustomerBuilder.UniquePlate()).SaveAsync(app);

        var (tenRows, tenStatements) = await ListAsync($"/customers?q={tag}&size=10");
        var (twoRows, twoStatements) = await ListAsync($"/customers?q={tag}&size=10&page=2");

        Assert.Equal(10, tenRows);
        Assert.Equal(2, twoRows);
        // Statements per request do not grow with the rows shown (no query per row): 10 rows cost the same as 2.
        Assert.Equal(tenStatements, twoStatements);

        // The fewest statements of three requests: the sign-in cookie is checked against the database at most
        // once a minute, in whichever request comes first.
        async Task<(int Rows, int Statements)> ListAsync(string url)
        {
            var rows = 0;
            var statements = int.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                using var response = await advisor.Client.GetAsync(url);
                rows = (await Forms.ParseAsync(response)).QuerySelectorAll("#customers-grid tbody tr").Length;
                statements = Math.Min(statements, SqlStatements(response));
            }
            return (rows, statements);
        }
    }

    [DatabaseFact]
    public async Task The_lookup_fragment_lists_matches_as_links_or_as_buttons_of_the_callers_form()
    {
        var advisor = await app.UserAsync(Advisor);
        var plate = CustomerBuilder.UniquePlate();
        var builder = new CustomerBuilder().Named("Lookup " + Guid.NewGuid().ToString("N")[..8]).WithVehicle(plate);
        var id = await builder.SaveAsync(app);
        var term = plate.Replace(" ", "")[4..];

        var links = await Forms.GetPageAsync(advisor.Client, $"/customers/lookup?q={term}");
        var buttons = await Forms.GetPageAsync(advisor.Client, $"/customers/lookup?q={term}&field=Input.CustomerId");

        var link = Assert.Single(links.QuerySelectorAll("a.list-group-item"));
        Assert.Equal($"/customers/{id}", link.GetAttribute("href"));
        Assert.Contains(builder.Name, link.TextContent);
        Assert.Contains(plate, link.TextContent);
        var button = Assert.Single(buttons.QuerySelectorAll<IHtmlButtonElement>("button.list-group-item"));
        Assert.Equal("Input.CustomerId", button.Name);
        Assert.Equal(id.ToString(), button.Value);
        Assert.Null(links.QuerySelector("header, nav"));
    }

    // ---- detail tabs ----------------------------------------------------------------------------------

    [DatabaseFact]
    public async Task The_invoices_tab_shows_invoices_payments_and_the_outstanding_balance_of_issued_invoices()
    {
        var advisor = await app.UserAsync(Advisor);
        var id = await new CustomerBuilder()
            .WithInvoice(InvoiceStatus.PartiallyPaid, total: 1000.50m, paid: 400m, balance: 600.50m)
            .WithInvoice(InvoiceStatus.Issued, total: 250.25m, paid: 0m, balance: 250.25m)
            .WithInvoice(InvoiceStatus.Void, total: 999m, paid: 0m, balance: 999m)
            .SaveAsync(app);

        var page = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}?tab=invoices");

        Assert.Equal("INR 850.75", page.QuerySelector("#customer-outstanding")!.TextContent.Trim());
        var tables = page.QuerySelectorAll("section table");
        Assert.Equal(["Invoices", "Payments"], tables.Select(t => t.QuerySelector("caption")!.TextContent));
        Assert.Equal(3, tables[0].QuerySelectorAll("tbody tr").Length);
        var payment = Assert.Single(tables[1].QuerySelectorAll("tbody tr"));
        Assert.Contains("Card", payment.TextContent);
        Assert.Contains("INR 400.00", payment.TextContent);
        Assert.Equal("page", page.QuerySelector("#customer-tabs a.nav-link.active")!.GetAttribute("aria-current"));
        Assert.Contains("Invoices and payments", page.QuerySelector("#customer-tabs a.nav-link.active")!.TextContent);
    }

    [DatabaseFact]
    public async Task Every_tab_renders_and_the_vehicles_tab_links_to_the_vehicle_and_to_adding_one()
    {
        var advisor = await app.UserAsync(Advisor);
        var plate = CustomerBuilder.UniquePlate();
        var id = await new CustomerBuilder().WithVehicle(plate).SaveAsync(app);
        var vehicleId = await app.WithDbAsync(db => db.Vehicles.Where(v => v.CustomerId == id).Select(v => v.Id).SingleAsync());

        foreach (var tab in new[] { "", "?tab=appointments", "?tab=workorders", "?tab=invoices", "?tab=notes", "?tab=nonsense" })
            await Forms.GetPageAsync(advisor.Client, $"/customers/{id}{tab}");
        var vehicles = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}?tab=vehicles");

        Assert.NotNull(vehicles.QuerySelector($"a[href='/vehicles/{vehicleId}']"));
        Assert.NotNull(vehicles.QuerySelector($"a[href='/vehicles/new?customerId={id}']"));
        Assert.Contains(plate, vehicles.QuerySelector("section")!.TextContent);
    }

    [DatabaseFact]
    public async Task A_note_is_added_and_listed_newest_first_with_its_author()
    {
        var advisor = await app.UserAsync(Advisor);
        var id = await new CustomerBuilder().SaveAsync(app);
        using (var first = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}?tab=notes", "customer-note", new Dictionary<string, string> { ["NoteInput.Text"] = "First note" }))
            Assert.True(AccountFlow.IsRedirectTo(first, $"/customers/{id}"), $"Adding a note answered {(int)first.StatusCode}");
        using (var second = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}?tab=notes", "customer-note", new Dictionary<string, string> { ["NoteInput.Text"] = "Prefers calls after 5 pm" }))
            Assert.True(AccountFlow.IsRedirectTo(second, $"/customers/{id}"));

        var page = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}?tab=notes");

        var notes = page.QuerySelectorAll("section .list-group-item").Select(n => n.TextContent).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains("Prefers calls after 5 pm", notes[0]);
        Assert.Contains("First note", notes[1]);
        Assert.Contains(DemoSeeder.SignIns.Single(s => s.Email == Advisor).Name, notes[0]);
    }

    [DatabaseFact]
    public async Task An_empty_note_is_refused_next_to_the_field()
    {
        var advisor = await app.UserAsync(Advisor);
        var id = await new CustomerBuilder().SaveAsync(app);

        using var response = await Forms.SubmitAsync(advisor.Client, $"/customers/{id}?tab=notes", "customer-note", new Dictionary<string, string> { ["NoteInput.Text"] = "   " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Write the note first.", FieldMessage(await Forms.ParseAsync(response), "customer-note"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CustomerNotes.CountAsync(n => n.CustomerId == id)));
    }

    // ---- tenancy and roles ----------------------------------------------------------------------------

    public static TheoryData<string> CustomerRoutes => new()
    {
        "", "/edit", "?tab=contact", "?tab=vehicles", "?tab=appointments", "?tab=workorders", "?tab=invoices", "?tab=notes",
    };

    [DatabaseTheory]
    [MemberData(nameof(CustomerRoutes))]
    public async Task Another_dealers_customer_is_not_found(string route)
    {
        var advisor = await app.UserAsync(Advisor);
        var otherDealers = await new CustomerBuilder(dealer: 2).WithVehicle(CustomerBuilder.UniquePlate()).SaveAsync(app);

        using var response = await advisor.Client.GetAsync($"/customers/{otherDealers}{route}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [DatabaseFact]
    public async Task Another_dealers_customer_is_never_found_by_search_or_lookup()
    {
        var advisor = await app.UserAsync(Advisor);
        var name = "Elsewhere " + Guid.NewGuid().ToString("N")[..8];
        await new CustomerBuilder(dealer: 2).Named(name).SaveAsync(app);

        var list = await Forms.GetPageAsync(advisor.Client, $"/customers?q={Uri.EscapeDataString(name)}");
        var lookup = await Forms.GetPageAsync(advisor.Client, $"/customers/lookup?q={Uri.EscapeDataString(name)}");

        Assert.Empty(list.QuerySelectorAll("#customers-grid tbody tr"));
        Assert.Contains("No customer matches", lookup.Body!.TextContent);
    }

    [DatabaseFact]
    public async Task A_technician_is_denied_the_customer_pages_and_cannot_post_a_customer()
    {
        var technician = await app.UserAsync("tech@d1.motortrace.test");
        var id = await new CustomerBuilder().SaveAsync(app);
        var name = "Posted by tech " + Guid.NewGuid().ToString("N")[..6];

        foreach (var url in new[] { "/customers", "/customers/new", $"/customers/{id}", $"/customers/{id}/edit", "/customers/lookup?q=test" })
        {
            using var response = await technician.Client.GetAsync(url);
            Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath), $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
        using var post = await Forms.PostWithTokenAsync(technician.Client, "/customers/new", new Dictionary<string, string>
        {
            ["_handler"] = EditForm,
            ["Input.Name"] = name,
        });
        Assert.True(AccountFlow.IsRedirectTo(post, AccountFlow.AccessDeniedPath), $"POST answered {(int)post.StatusCode}");
        Assert.Equal(0, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Name == name)));
    }

    [DatabaseFact]
    public async Task A_warranty_manager_reads_customers_but_cannot_create_edit_or_add_notes()
    {
        var warranty = await app.UserAsync("warranty@d1.motortrace.test");
        var id = await new CustomerBuilder().SaveAsync(app);

        var list = await Forms.GetPageAsync(warranty.Client, "/customers");
        var detail = await Forms.GetPageAsync(warranty.Client, $"/customers/{id}?tab=notes");
        using var create = await warranty.Client.GetAsync("/customers/new");
        using var edit = await warranty.Client.GetAsync($"/customers/{id}/edit");

        Assert.Null(list.QuerySelector("a[href='/customers/new']"));
        Assert.Null(detail.QuerySelector($"a[href='/customers/{id}/edit']"));
        Assert.DoesNotContain(detail.QuerySelectorAll("form[method='post']"), f => f.QuerySelector("input[name='_handler']") is not null);
        Assert.True(AccountFlow.IsRedirectTo(create, AccountFlow.AccessDeniedPath), $"GET /customers/new answered {(int)create.StatusCode}");
        Assert.True(AccountFlow.IsRedirectTo(edit, AccountFlow.AccessDeniedPath), $"GET edit answered {(int)edit.StatusCode}");
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Dictionary<string, string> fields) =>
        Forms.SubmitAsync(client, "/customers/new", EditForm, fields);

    private static Guid AssertRedirectToCustomer(HttpResponseMessage response)
    {
        Assert.True((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is not null,
            $"Expected a redirect to the new customer, got {(int)response.StatusCode}.");
        var path = AccountFlow.PathOf(response.Headers.Location!);
        Assert.StartsWith("/customers/", path);
        return Guid.Parse(path["/customers/".Length..]);
    }

    /// <summary>The validation message in the same form group as the field with this id ("" when none).</summary>
    private static string FieldMessage(IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field #{fieldId}.");
        return string.Join(" ", field.ParentElement!.QuerySelectorAll(".invalid-feedback").Select(m => m.TextContent.Trim()));
    }

    private static string? Value(IDocument page, string fieldId) => page.QuerySelector<IHtmlInputElement>($"#{fieldId}")?.Value;

    private static int SqlStatements(HttpResponseMessage response)
    {
        var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
        var sql = timing.Split(',').Single(part => part.Trim().StartsWith("sql", StringComparison.Ordinal));
        return int.Parse(sql[(sql.IndexOf("dur=", StringComparison.Ordinal) + 4)..]);
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
