using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Tests.Integration.Infrastructure;

namespace MotorTrace.Tests.Integration;

[Trait("Category", "Integration")]
public sealed class SqliteAuditTests(SqliteFactory app) : AuditTests(app), IClassFixture<SqliteFactory>;

[Trait("Category", "Integration")]
public sealed class PostgresAuditTests(PostgresFactory app) : AuditTests(app), IClassFixture<PostgresFactory>;

/// <summary>
/// The audit trail and login activity of the running app: changes are made through the app's own
/// DbContext in a request scope of a signed-in browser, sign-ins through the login page.
/// </summary>
public abstract class AuditTests(MotorTraceFactory app)
{
    [DatabaseFact]
    public async Task Creating_updating_and_deleting_a_record_writes_audit_rows_with_the_user_and_old_and_new_values()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin, dealer: null));
        var key = $"audit-test-{Guid.NewGuid():N}";

        var settingId = await app.AsVisitorAsync(admin.Browser, async db =>
        {
            var setting = new Setting { Category = "Tests", Key = key, Value = "before" };
            db.Settings.Add(setting);
            await db.SaveChangesAsync();
            setting.Value = "after";
            await db.SaveChangesAsync();
            db.Settings.Remove(setting);
            await db.SaveChangesAsync();
            return setting.Id;
        });

        var rows = await app.WithDbAsync(db => db.AuditLogs.AsNoTracking()
            .Where(a => a.EntityType == nameof(Setting) && a.EntityId == settingId.ToString())
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditAction.Insert, AuditAction.Update, AuditAction.Delete], rows.Select(r => r.Action));
        Assert.All(rows, row =>
        {
            Assert.Equal(admin.UserId, row.UserId);
            Assert.Equal(MotorTraceFactory.UserAgent, row.UserAgent);
        });

        var (inserted, updated, deleted) = (rows[0], rows[1], rows[2]);
        Assert.Null(inserted.OldValues);
        Assert.Equal("before", Values(inserted.NewValues)["Value"].GetString());
        Assert.Equal(key, Values(inserted.NewValues)["Key"].GetString());
        Assert.Equal(admin.UserId.ToString(), Values(inserted.NewValues)["CreatedById"].GetString());
        Assert.Equal("before", Values(updated.OldValues)["Value"].GetString());
        Assert.Equal("after", Values(updated.NewValues)["Value"].GetString());
        Assert.False(Values(updated.NewValues).ContainsKey("Key"), "An update lists only the values that changed.");
        Assert.Equal("after", Values(deleted.OldValues)["Value"].GetString());
        Assert.Null(deleted.NewValues);
    }

    [DatabaseFact]
    public async Task Changes_to_a_user_never_put_the_password_hash_or_stamps_into_the_audit_trail()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Admin, dealer: null));
        var email = await app.CreateUserAsync();
        // The sign-in itself updates the user (last sign-in, failed-attempt count).
        using (await AccountFlow.SignInAsync(app.NewBrowser().Client, email, "Wrong-Password-1")) { }
        await app.SignInAsync(email);

        await app.AsVisitorAsync(admin.Browser, async (IServiceProvider services) =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.FullName = "Renamed By Admin";
            AssertSucceeded(await users.UpdateAsync(user));
            AssertSucceeded(await users.RemovePasswordAsync(user));
            AssertSucceeded(await users.AddPasswordAsync(user, "Another-Passw0rd-9"));
            AssertSucceeded(await users.UpdateSecurityStampAsync(user));
            return true;
        });

        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var rows = await app.WithDbAsync(db => db.AuditLogs.AsNoTracking()
            .Where(a => a.EntityType == nameof(ApplicationUser) && a.EntityId == userId.ToString()).ToListAsync());
        Assert.Contains(rows, r => r.Action == AuditAction.Update && r.UserId == admin.UserId
            && Values(r.NewValues).TryGetValue("FullName", out var name) && name.GetString() == "Renamed By Admin");
        string[] secrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];
        var leaked = rows
            .SelectMany(r => Values(r.OldValues).Keys.Concat(Values(r.NewValues).Keys).Select(k => (r.Action, Key: k)))
            .Where(p => secrets.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .ToList();
        Assert.True(leaked.Count == 0, "Secrets in the audit trail: " + string.Join(", ", leaked));
        var raw = string.Join(" ", rows.Select(r => r.OldValues + r.NewValues));
        Assert.DoesNotContain("AQAAAA", raw); // the start of every Identity v3 password hash
    }

    [DatabaseFact]
    public async Task Failed_sign_in_sign_in_and_sign_out_each_write_login_activity_with_ip_address_and_user_agent()
    {
        var email = await app.CreateUserAsync();
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        using (await AccountFlow.SignInAsync(browser.Client, email, "Wrong-Password-1")) { }
        using (await AccountFlow.SignInAsync(browser.Client, email)) { }
        using (await AccountFlow.SignOutAsync(browser.Client)) { }

        var activities = await app.WithDbAsync(db => db.LoginActivities.AsNoTracking()
            .Where(a => a.Email == email).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal([LoginAction.SignInFailed, LoginAction.SignedIn, LoginAction.SignedOut], activities.Select(a => a.Action));
        Assert.All(activities, activity =>
        {
            Assert.Equal("203.0.113.77", activity.IpAddress);
            Assert.Equal(MotorTraceFactory.UserAgent, activity.UserAgent);
            Assert.Equal("Chrome on Linux", activity.DeviceInfo);
        });
    }

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
