using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
#if HAS_CUSTOMER_ENTITY
using MotorTrace.Data.Entities.Customers;
#endif

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class AuditingInterceptorTests : IDisposable
{
    private readonly InMemoryMotorTraceDb _database = new();
    private readonly FakeCurrentUser _maria = new() { UserId = Guid.NewGuid(), IpAddress = "198.51.100.4", UserAgent = "Firefox/140" };
    private readonly FakeCurrentUser _sam = new() { UserId = Guid.NewGuid(), IpAddress = "198.51.100.5", UserAgent = "Chrome/156" };

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Adding_a_record_stamps_who_and_when_and_writes_an_insert_row_with_the_new_values()
    {
        var created = _database.Clock.GetUtcNow().UtcDateTime;

        var dealer = await AddDealerAsync(_maria, "Riverside Motors");

        Assert.Equal(created, dealer.CreatedAt);
        Assert.Equal(created, dealer.UpdatedAt);
        Assert.Equal(_maria.UserId, dealer.CreatedById);
        Assert.Equal(_maria.UserId, dealer.UpdatedById);
        var row = Assert.Single(await AuditRowsAsync(dealer.Id));
        Assert.Equal(AuditAction.Insert, row.Action);
        Assert.Equal(nameof(Dealer), row.EntityType);
        Assert.Equal(_maria.UserId, row.UserId);
        Assert.Equal(_maria.IpAddress, row.IpAddress);
        Assert.Equal(_maria.UserAgent, row.UserAgent);
        Assert.Equal(created, row.CreatedAt);
        Assert.Null(row.OldValues);
        Assert.Equal("Riverside Motors", Values(row.NewValues)["Name"].GetString());
        Assert.Equal("D901", Values(row.NewValues)["DealerCode"].GetString());
    }

    [Fact]
    public async Task Updating_a_record_writes_only_the_changed_values_old_and_new_and_keeps_the_creator()
    {
        var dealer = await AddDealerAsync(_maria, "Riverside Motors");
        var created = _database.Clock.GetUtcNow().UtcDateTime;
        _database.Clock.Advance(TimeSpan.FromHours(1));

        await using (var db = _database.NewContext(_sam))
        {
            var stored = await db.Dealers.SingleAsync(d => d.Id == dealer.Id);
            stored.Name = "Riverside Motors Pune";
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var updated = await check.Dealers.AsNoTracking().SingleAsync(d => d.Id == dealer.Id);
        Assert.Equal(_maria.UserId, updated.CreatedById);
        Assert.Equal(created, updated.CreatedAt);
        Assert.Equal(_sam.UserId, updated.UpdatedById);
        Assert.Equal(_database.Clock.GetUtcNow().UtcDateTime, updated.UpdatedAt);
        var row = (await AuditRowsAsync(dealer.Id)).Single(r => r.Action == AuditAction.Update);
        Assert.Equal(_sam.UserId, row.UserId);
        Assert.Equal("Riverside Motors", Values(row.OldValues)["Name"].GetString());
        Assert.Equal("Riverside Motors Pune", Values(row.NewValues)["Name"].GetString());
        Assert.False(Values(row.NewValues).ContainsKey("City"), "Unchanged values are not listed.");
        Assert.False(Values(row.NewValues).ContainsKey("CreatedById"), "Unchanged values are not listed.");
    }

    [Fact]
    public async Task Deleting_a_record_writes_a_delete_row_with_the_old_values()
    {
        var dealer = await AddDealerAsync(_maria, "Riverside Motors");

        await using (var db = _database.NewContext(_sam))
        {
            db.Dealers.Remove(await db.Dealers.SingleAsync(d => d.Id == dealer.Id));
            await db.SaveChangesAsync();
        }

        var row = (await AuditRowsAsync(dealer.Id)).Single(r => r.Action == AuditAction.Delete);
        Assert.Equal(_sam.UserId, row.UserId);
        Assert.Equal("Riverside Motors", Values(row.OldValues)["Name"].GetString());
        Assert.Null(row.NewValues);
    }

    [Fact]
    public async Task Saving_a_record_marked_modified_without_a_changed_value_writes_no_audit_row()
    {
        // An edit form posted back unchanged: the page attaches its copy with Update().
        var dealer = await AddDealerAsync(_maria, "Riverside Motors");
        _database.Clock.Advance(TimeSpan.FromMinutes(5));

        await using (var db = _database.NewContext(_maria))
        {
            var copy = await db.Dealers.AsNoTracking().SingleAsync(d => d.Id == dealer.Id);
            db.ChangeTracker.Clear();
            db.Dealers.Update(copy);
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain(await AuditRowsAsync(dealer.Id), r => r.Action == AuditAction.Update);
    }

    [Fact]
    public async Task Password_hash_security_stamp_and_concurrency_stamp_never_reach_the_audit_trail()
    {
        var user = new ApplicationUser
        {
            UserName = "wendy@tests.motortrace.test", Email = "wendy@tests.motortrace.test", FullName = "Wendy Warranty",
            PasswordHash = "AQAAAAIAAYagAAAAEHashOne", SecurityStamp = "STAMP-ONE", ConcurrencyStamp = "concurrency-one",
        };
        await using (var db = _database.NewContext(_maria))
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
            user.PasswordHash = "AQAAAAIAAYagAAAAEHashTwo";
            user.SecurityStamp = "STAMP-TWO";
            user.ConcurrencyStamp = "concurrency-two";
            user.FullName = "Wendy Warranty-Smith";
            await db.SaveChangesAsync();
        }

        var rows = await AuditRowsAsync(user.Id);
        Assert.Equal([AuditAction.Insert, AuditAction.Update], rows.Select(r => r.Action));
        Assert.Equal("Wendy Warranty-Smith", Values(rows[1].NewValues)["FullName"].GetString());
        foreach (var json in rows.SelectMany(r => new[] { r.OldValues, r.NewValues }))
        {
            Assert.DoesNotContain("PasswordHash", Values(json).Keys);
            Assert.DoesNotContain("SecurityStamp", Values(json).Keys);
            Assert.DoesNotContain("ConcurrencyStamp", Values(json).Keys);
            Assert.DoesNotContain("AQAAAA", json ?? "");
            Assert.DoesNotContain("STAMP-", json ?? "");
        }
    }

    [Fact]
    public async Task Login_activity_sessions_notifications_and_keys_are_not_audited()
    {
        var user = new ApplicationUser { UserName = "tom@tests.motortrace.test", Email = "tom@tests.motortrace.test", FullName = "Tom" };
        await using (var db = _database.NewContext(_maria))
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }
        var auditedBefore = await CountAuditRowsAsync();

        await using (var db = _database.NewContext(_maria))
        {
            db.LoginActivities.Add(new LoginActivity { UserId = user.Id, Action = LoginAction.SignedIn });
            db.UserSessions.Add(new UserSession { UserId = user.Id, SessionId = "S1" });
            db.Notifications.Add(new Notification { UserId = user.Id, Title = "Hello", Message = "World" });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key", Xml = "<key/>" });
            await db.SaveChangesAsync();
        }

        Assert.Equal(auditedBefore, await CountAuditRowsAsync());
    }

    [Fact]
    public async Task Work_without_a_signed_in_user_is_audited_with_no_user()
    {
        var dealer = await AddDealerAsync(new FakeCurrentUser(), "Seeded Motors");

        var row = Assert.Single(await AuditRowsAsync(dealer.Id));
        Assert.Null(row.UserId);
        Assert.Null(dealer.CreatedById);
    }

#if HAS_CUSTOMER_ENTITY
    [Fact]
    public async Task A_dealer_owned_records_audit_row_carries_its_dealer_and_an_update_renews_its_version()
    {
        var dealer = await AddDealerAsync(_maria, "Riverside Motors");
        var customer = new Customer { DealerId = dealer.Id, Name = "Chris Customer" };
        await using (var db = _database.NewContext(_maria))
        {
            db.Set<Customer>().Add(customer);
            await db.SaveChangesAsync();
        }
        var firstVersion = customer.Version;

        await using (var db = _database.NewContext(_sam))
        {
            var stored = await db.Set<Customer>().SingleAsync(c => c.Id == customer.Id);
            stored.Name = "Chris Customer-Jones";
            await db.SaveChangesAsync();
            Assert.NotEqual(firstVersion, stored.Version);
        }

        var rows = await AuditRowsAsync(customer.Id);
        Assert.Equal([AuditAction.Insert, AuditAction.Update], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(dealer.Id, r.DealerId));
    }
#endif

    private async Task<Dealer> AddDealerAsync(FakeCurrentUser actor, string name)
    {
        var dealer = new Dealer { DealerCode = "D901", Name = name, Country = "India", City = "Pune" };
        await using var db = _database.NewContext(actor);
        db.Dealers.Add(dealer);
        await db.SaveChangesAsync();
        return dealer;
    }

    private async Task<List<AuditLog>> AuditRowsAsync(Guid entityId)
    {
        await using var db = _database.NewContext();
        return (await db.AuditLogs.AsNoTracking().Where(a => a.EntityId == entityId.ToString()).ToListAsync())
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Action).ToList();
    }

    private async Task<int> CountAuditRowsAsync()
    {
        await using var db = _database.NewContext();
        return await db.AuditLogs.CountAsync();
    }

    private static Dictionary<string, JsonElement> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
}
