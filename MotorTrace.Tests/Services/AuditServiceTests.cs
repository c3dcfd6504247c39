using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Services;

/// <summary>/admin/audit and its detail page (<see cref="AuditService"/>): the trail the auditing interceptor writes, read back.</summary>
[Trait("Category", "Services")]
public sealed class AuditServiceTests(SqliteFactory app) : IClassFixture<SqliteFactory>
{
    private const string Admin = "admin@motortrace.test";

    [Fact]
    public async Task A_change_is_listed_by_record_user_and_day_and_its_detail_shows_before_and_after()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin, dealer: null));
        var key = $"audit-list-{Guid.NewGuid():N}";
        var settingId = await app.AsVisitorAsync(admin.Browser, async db =>
        {
            var setting = new Setting { Category = "Tests", Key = key, Value = "before" };
            db.Settings.Add(setting);
            await db.SaveChangesAsync();
            setting.Value = "after";
            await db.SaveChangesAsync();
            return setting.Id;
        });
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd");
        var query = new GridQuery { Search = settingId.ToString() }
            .WithFilter("entity", nameof(Setting)).WithFilter("user", admin.UserId.ToString()).WithFilter("from", today).WithFilter("to", today);

        var rows = (await app.AsUserAsync<AuditService, GridResult<AuditRow>>(Admin, s => s.ListAsync(query))).Items;
        var yesterday = await app.AsUserAsync<AuditService, GridResult<AuditRow>>(Admin, s => s.ListAsync(query
            .WithFilter("from", null).WithFilter("to", DateOnly.Parse(today).AddDays(-1).ToString("yyyy-MM-dd"))));

        Assert.Equal([AuditAction.Update, AuditAction.Insert], rows.Select(r => r.Action));
        Assert.Empty(yesterday.Items);
        var update = await app.AsUserAsync<AuditService, AuditDetails?>(Admin, s => s.GetAsync(rows[0].Id));
        Assert.NotNull(update);
        var value = Assert.Single(update.Changes(), c => c.Property == nameof(Setting.Value));
        Assert.Equal(("before", "after", true), (value.Old, value.New, value.Changed));
        Assert.Equal(admin.UserId, update.UserId);
    }

    [Fact]
    public async Task A_missing_entry_is_not_found()
    {
        Assert.Null(await app.AsUserAsync<AuditService, AuditDetails?>(Admin, s => s.GetAsync(Guid.NewGuid())));
    }
}
