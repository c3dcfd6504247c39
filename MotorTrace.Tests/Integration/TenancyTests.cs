using System.Net;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Identity;
#if HAS_CUSTOMER_ENTITY
using MotorTrace.Data.Entities.Customers;
#endif

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteTenancyTests(SqliteFactory app) : TenancyTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresTenancyTests(PostgresFactory app) : TenancyTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The tenancy filter keyed on the signed-in user (DESIGN.md, "Tenancy"): each test signs in through the
/// login page, and the app's DbContext is resolved in a request scope carrying that browser's cookies.
/// </summary>
public abstract class TenancyTests(MotorTraceFactory app)
{
    [DatabaseTheory]
    [InlineData("manager@d1.motortrace.test", 1)]
    [InlineData("tech@d2.motortrace.test", 2)]
    [InlineData("customer@d1.motortrace.test", 1)]
    public async Task A_dealer_user_or_customer_works_in_their_own_dealer(string email, int dealer)
    {
        var user = await app.UserAsync(email);

        var scope = await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope));

        Assert.Equal(await DealerIdAsync(dealer), scope);
    }

    [DatabaseFact]
    public async Task A_dealer_user_cannot_change_dealer_with_a_forged_dealer_cookie()
    {
        var user = await app.SignInAsync("advisor@d1.motortrace.test");
        user.Browser.Cookies.Add(MotorTraceFactory.BaseAddress, new Cookie(CurrentUser.DealerCookie, (await DealerIdAsync(2)).ToString()));

        var scope = await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope));

        Assert.Equal(await DealerIdAsync(1), scope);
    }

    [DatabaseFact]
    public async Task A_dealer_user_cannot_switch_dealer()
    {
        var user = await app.SignInAsync("advisor@d1.motortrace.test");

        using var response = await Forms.PostWithTokenAsync(user.Client, "/account/dealer",
            new Dictionary<string, string> { ["dealer"] = (await DealerIdAsync(2)).ToString() });

        Assert.True(AccountFlow.IsRedirectTo(response, AccountFlow.AccessDeniedPath), $"Answered {(int)response.StatusCode} {response.Headers.Location}");
        using var viaLink = await user.Client.GetAsync($"/account/dealer?dealer={await DealerIdAsync(2)}&returnUrl=/customers");
        Assert.True(AccountFlow.IsRedirectTo(viaLink, AccountFlow.AccessDeniedPath), $"Answered {(int)viaLink.StatusCode} {viaLink.Headers.Location}");
        Assert.Equal(await DealerIdAsync(1), await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
    }

    [DatabaseFact]
    public async Task The_header_switches_a_manufacturer_user_to_a_dealer_and_back_to_the_page_they_were_on()
    {
        var user = await app.SignInAsync("network@motortrace.test");

        using var response = await user.Client.GetAsync($"/account/dealer?dealer={await DealerIdAsync(2)}&returnUrl=%2Fcustomers%3Fq%3Dab");

        Assert.Equal("/customers?q=ab", response.Headers.Location?.OriginalString);
        Assert.Equal(await DealerIdAsync(2), await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
        using var offSite = await user.Client.GetAsync("/account/dealer?dealer=all&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", offSite.Headers.Location?.OriginalString);
        Assert.Null(await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_sees_all_dealers_until_they_pick_one()
    {
        var user = await app.SignInAsync("network@motortrace.test");

        Assert.Null(await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
    }

    [DatabaseFact]
    public async Task A_manufacturer_who_switched_dealer_works_in_that_dealer_until_they_switch_back_to_all()
    {
        var user = await app.SignInAsync("network@motortrace.test");
        var dealer2 = await DealerIdAsync(2);

        await SwitchDealerAsync(user, dealer2.ToString());

        Assert.Equal(dealer2, await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
        var switcher = (await Forms.GetPageAsync(user.Client, "/")).QuerySelector("[data-testid=dealer-switcher]");
        Assert.Contains("D002", switcher?.OuterHtml ?? "");

        await SwitchDealerAsync(user, "all");

        Assert.Null(await app.AsVisitorAsync(user.Browser, db => Task.FromResult(db.DealerScope)));
    }

    [DatabaseFact]
    public async Task An_anonymous_visitor_sees_no_dealer()
    {
        var scope = await app.AsVisitorAsync(app.NewBrowser(), db => Task.FromResult(db.DealerScope));

        Assert.Equal(Guid.Empty, scope);
    }

#if HAS_CUSTOMER_ENTITY
    [DatabaseFact]
    public async Task A_dealer_user_sees_only_their_dealers_customers_and_cannot_find_another_dealers_by_id()
    {
        var (ours, theirs) = await AddCustomersAsync();
        var user = await app.UserAsync("advisor@d1.motortrace.test");

        var (visible, found) = await app.AsVisitorAsync(user.Browser, async db =>
            (await VisibleAsync(db, ours, theirs), await db.Set<Customer>().FindAsync(theirs)));

        Assert.Equal([ours], visible);
        Assert.Null(found);
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_with_all_dealers_sees_every_dealers_customers()
    {
        var (ours, theirs) = await AddCustomersAsync();
        var user = await app.SignInAsync("network@motortrace.test");

        var visible = await app.AsVisitorAsync(user.Browser, db => VisibleAsync(db, ours, theirs));

        Assert.Equal([ours, theirs], visible);
    }

    [DatabaseFact]
    public async Task A_manufacturer_user_who_switched_to_dealer_2_sees_only_dealer_2s_customers()
    {
        var (ours, theirs) = await AddCustomersAsync();
        var user = await app.SignInAsync("network@motortrace.test");
        await SwitchDealerAsync(user, (await DealerIdAsync(2)).ToString());

        var visible = await app.AsVisitorAsync(user.Browser, db => VisibleAsync(db, ours, theirs));

        Assert.Equal([theirs], visible);
    }

    /// <summary>One new customer of dealer 1 and one of dealer 2, added by the system.</summary>
    private async Task<(Guid Dealer1, Guid Dealer2)> AddCustomersAsync()
    {
        var dealer1 = new Customer { DealerId = await DealerIdAsync(1), Name = $"Tenancy D1 {Guid.NewGuid():N}" };
        var dealer2 = new Customer { DealerId = await DealerIdAsync(2), Name = $"Tenancy D2 {Guid.NewGuid():N}" };
        await app.WithDbAsync(db =>
        {
            db.Set<Customer>().AddRange(dealer1, dealer2);
            return db.SaveChangesAsync();
        });
        return (dealer1.Id, dealer2.Id);
    }

    /// <summary>Which of the given customers the context's query filter lets through, dealer 1's first.</summary>
    private async Task<List<Guid>> VisibleAsync(MotorTraceDbContext db, params Guid[] ids)
    {
        var visible = await db.Set<Customer>().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.DealerId }).ToListAsync();
        var dealer1 = await DealerIdAsync(1);
        return visible.OrderBy(c => c.DealerId == dealer1 ? 0 : 1).Select(c => c.Id).ToList();
    }
#else
    [Fact(Skip = "MotorTrace.Data.Entities.Customers.Customer is not in this build yet: the row-level tenancy tests compile once it is")]
    public void Dealer_owned_rows_are_filtered_by_the_signed_in_users_dealer()
    {
    }
#endif

    private async Task SwitchDealerAsync(SignedInUser user, string dealer)
    {
        // What the header's dealer switcher does: send the browser to /account/dealer, which sets the cookie and comes back.
        using var response = await user.Client.GetAsync($"/account/dealer?dealer={dealer}&returnUrl=%2F");
        Assert.True(AccountFlow.IsRedirectTo(response, "/"), $"Switching dealer answered {(int)response.StatusCode} {response.Headers.Location}");
    }

    private Task<Guid> DealerIdAsync(int number) =>
        app.WithDbAsync(db => db.Dealers.Where(d => d.DealerCode == $"D{number:000}").Select(d => d.Id).SingleAsync());
}
