using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

[Trait("Category", "Services")]
public sealed class SqliteDealerAdminServiceTests(SqliteFactory app) : DealerAdminServiceTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Services")]
public sealed class PostgresDealerAdminServiceTests(PostgresFactory app) : DealerAdminServiceTests(app), IClassFixture<PostgresFactory>;

/// <summary>/admin/dealers and /admin/dealers/{id} (<see cref="DealerAdminService"/>) acting as the demo administrator.</summary>
public abstract class DealerAdminServiceTests(MotorTraceFactory app)
{
    private const string Admin = "admin@motortrace.test";

    [DatabaseFact]
    public async Task Creating_a_dealer_stores_it_with_an_upper_case_code_and_lists_it()
    {
        var code = $"T{Tag()}".ToUpperInvariant();

        var created = await AsAdmin(s => s.CreateAsync(new DealerForm { DealerCode = code.ToLowerInvariant(), Name = $"Test Motors {code}", City = "Nagpur", Brand = "Skoda" }));

        Assert.True(created.Succeeded, Errors(created.Result));
        var stored = await app.WithDbAsync(db => db.Dealers.AsNoTracking().SingleAsync(d => d.Id == created.Value));
        Assert.Equal((code, $"Test Motors {code}", "Nagpur", "Skoda", DealerStatus.Active, "Asia/Kolkata", "India"),
            (stored.DealerCode, stored.Name, stored.City, stored.Brand, stored.Status, stored.TimeZoneId, stored.Country));
        var listed = Assert.Single((await AsAdmin(s => s.ListAsync(new GridQuery { Search = code }))).Items);
        Assert.Equal((created.Value, code, 0), (listed.Id, listed.DealerCode, listed.Users));
        var bySkoda = await AsAdmin(s => s.ListAsync(new GridQuery { Search = code }.WithFilter("brand", "Volkswagen")));
        Assert.Empty(bySkoda.Items);
    }

    [DatabaseFact]
    public async Task A_dealer_code_another_dealer_has_is_refused_next_to_the_code_and_creates_nothing()
    {
        var name = $"Copycat Motors {Tag()}";

        var created = await AsAdmin(s => s.CreateAsync(new DealerForm { DealerCode = "d001", Name = name }));

        Assert.Contains((nameof(DealerForm.DealerCode), "Another dealer already has code D001."), created.Result.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Dealers.CountAsync(d => d.Name == name)));
        Assert.Equal(1, await app.WithDbAsync(db => db.Dealers.CountAsync(d => d.DealerCode == "D001")));
    }

    [DatabaseFact]
    public async Task A_time_zone_outside_the_list_is_refused_next_to_the_time_zone()
    {
        var created = await AsAdmin(s => s.CreateAsync(new DealerForm { DealerCode = $"T{Tag()}", Name = "Somewhere Motors", TimeZoneId = "Mars/Olympus" }));

        Assert.Contains((nameof(DealerForm.TimeZoneId), "Choose a time zone from the list."), created.Result.Errors);
    }

    [DatabaseFact]
    public async Task A_dealer_edit_from_a_stale_form_is_refused_saying_who_changed_it_and_when_and_overwrites_nothing()
    {
        var code = $"T{Tag()}".ToUpperInvariant();
        var created = await AsAdmin(s => s.CreateAsync(new DealerForm { DealerCode = code, Name = "Original name" }));
        var id = created.Value;
        var staleTab = (await AsAdmin(s => s.GetAsync(id)))!;
        var otherTab = (await AsAdmin(s => s.GetAsync(id)))!;
        otherTab.Name = "Changed elsewhere";
        Assert.True((await AsAdmin(s => s.UpdateAsync(id, otherTab))).Succeeded);

        staleTab.Name = "My edit";
        staleTab.City = "Pune";
        var result = await AsAdmin(s => s.UpdateAsync(id, staleTab));

        var (field, message) = Assert.Single(result.Errors);
        Assert.Equal("", field);
        Assert.Matches(@"^This dealer was changed by Alex Admin at \d\d:\d\d while you were editing\.", message);
        var stored = await app.WithDbAsync(db => db.Dealers.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Name, d.City }).SingleAsync());
        Assert.Equal(("Changed elsewhere", (string?)null), (stored.Name, stored.City));
    }

    private Task<T> AsAdmin<T>(Func<DealerAdminService, Task<T>> work) => app.AsUserAsync(Admin, work);

    private static string Errors(ServiceResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}"));

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
