using System.Net;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteCustomerPagesTests(SqliteFactory app) : CustomerPagesTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresCustomerPagesTests(PostgresFactory app) : CustomerPagesTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The customer pages over HTTP, as the first (prerendered) request answers them: found, not found, denied, and what a
/// role without write access is not offered. The rules behind the pages are proven on the services
/// (<c>Services/CustomerServiceTests</c>); the interactions in bUnit (<c>Components/CustomerComponentTests</c>).
/// </summary>
public abstract class CustomerPagesTests(MotorTraceFactory app)
{
    private const string Advisor = "advisor@d1.motortrace.test";

    [DatabaseFact]
    public async Task A_customer_page_prerenders_the_customer_with_their_tabs()
    {
        var advisor = await app.UserAsync(Advisor);
        var builder = new CustomerBuilder();
        var id = await builder.SaveAsync(app);

        var page = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}");

        Assert.Contains(builder.Name, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Walk-in", page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/customers/{id}/edit']"));
        Assert.Contains("Invoices", page.QuerySelector("[role='tablist']")!.TextContent);
    }

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
    public async Task A_technician_is_denied_the_customer_pages()
    {
        var technician = await app.UserAsync("tech@d1.motortrace.test");
        var id = await new CustomerBuilder().SaveAsync(app);

        foreach (var url in new[] { "/customers", "/customers/new", $"/customers/{id}", $"/customers/{id}/edit" })
        {
            using var response = await technician.Client.GetAsync(url);
            Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath), $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [DatabaseFact]
    public async Task A_warranty_manager_reads_customers_but_is_not_offered_create_edit_or_notes()
    {
        var warranty = await app.UserAsync("warranty@d1.motortrace.test");
        var id = await new CustomerBuilder().SaveAsync(app);

        var list = await Forms.GetPageAsync(warranty.Client, "/customers");
        var detail = await Forms.GetPageAsync(warranty.Client, $"/customers/{id}?tab=notes");
        using var create = await warranty.Client.GetAsync("/customers/new");
        using var edit = await warranty.Client.GetAsync($"/customers/{id}/edit");

        Assert.Null(list.QuerySelector("a[href='/customers/new']"));
        Assert.Null(detail.QuerySelector($"a[href='/customers/{id}/edit']"));
        Assert.Null(detail.QuerySelector("#customer-note"));
        Assert.True(AccountFlow.IsRedirectTo(create, AccountFlow.AccessDeniedPath), $"GET /customers/new answered {(int)create.StatusCode}");
        Assert.True(AccountFlow.IsRedirectTo(edit, AccountFlow.AccessDeniedPath), $"GET edit answered {(int)edit.StatusCode}");
    }

    [DatabaseFact]
    public async Task An_advisor_is_offered_a_new_customer_and_notes()
    {
        var advisor = await app.UserAsync(Advisor);
        var id = await new CustomerBuilder().SaveAsync(app);

        var list = await Forms.GetPageAsync(advisor.Client, "/customers");
        var notes = await Forms.GetPageAsync(advisor.Client, $"/customers/{id}?tab=notes");

        Assert.NotNull(list.QuerySelector("a[href='/customers/new']"));
        Assert.NotNull(notes.QuerySelector("#customer-note"));
    }
}
