using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MotorTrace.Data;
using MotorTrace.Data.Auditing;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Tests.Unit;

/// <summary>Who acts, as a unit test decides it.</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public Guid? UserId { get; set; }
    public Guid? DealerScope { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>
/// The real <see cref="MotorTraceDbContext"/> with the real <see cref="AuditingInterceptor"/> over a private
/// in-memory SQLite database (a real relational database, not the EF InMemory provider). Each
/// <see cref="NewContext"/> is a fresh context on the same database, as one request would get.
/// </summary>
public sealed class InMemoryMotorTraceDb : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public InMemoryMotorTraceDb()
    {
        _connection.Open();
        using var db = NewContext(new FakeCurrentUser());
        db.Database.EnsureCreated();
    }

    /// <summary>Stands still until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

    public MotorTraceDbContext NewContext(ICurrentUser currentUser)
    {
        var options = new DbContextOptionsBuilder<MotorTraceDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors(new AuditingInterceptor(Clock))
            .Options;
        return new MotorTraceDbContext(options, currentUser);
    }

    public MotorTraceDbContext NewContext(Guid? userId = null, Guid? dealerScope = null) =>
        NewContext(new FakeCurrentUser { UserId = userId, DealerScope = dealerScope });

    /// <summary>A context factory as services take it: every context it makes acts as <paramref name="currentUser"/>.</summary>
    public IDbContextFactory<MotorTraceDbContext> Factory(ICurrentUser? currentUser = null) => new ContextFactory(this, currentUser ?? new FakeCurrentUser());

    public void Dispose() => _connection.Dispose();

    private sealed class ContextFactory(InMemoryMotorTraceDb database, ICurrentUser user) : IDbContextFactory<MotorTraceDbContext>
    {
        public MotorTraceDbContext CreateDbContext() => database.NewContext(user);
    }
}
