using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Configurations;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Tenancy;

namespace MotorTrace.Data;

/// <summary>
/// The one database of MotorTrace. Workshop DbSets live in the partial files beside this one.
/// Tenancy is enforced here: every <see cref="IDealerOwned"/> type gets a query filter on
/// <see cref="DealerScope"/>, so a dealer user's queries never see another dealer's rows.
/// </summary>
public partial class MotorTraceDbContext(DbContextOptions<MotorTraceDbContext> options, ICurrentUser currentUser)
    : IdentityDbContext<ApplicationUser, ApplicationRole, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Read by the query filters on every query (EF Core parameterises context members).</summary>
    public Guid? DealerScope => currentUser.DealerScope;

    public ICurrentUser CurrentUser => currentUser;

    /// <summary>
    /// For bulk loads of history (the demo seeder): the auditing interceptor writes no audit rows, and keeps
    /// created/updated stamps the loader back-dated (unset ones are still stamped). An audit row per seeded
    /// record would double the work of a large seed and tell nobody anything; application code never sets this.
    /// </summary>
    public bool SuppressAudit { get; set; }

    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();
    public DbSet<Dealer> Dealers => Set<Dealer>();
    public DbSet<ModuleAccess> ModuleAccess => Set<ModuleAccess>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LoginActivity> LoginActivities => Set<LoginActivity>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<Notification> Notifications => Set<Notification>();
    /// <summary>The data-protection key ring (<c>PersistKeysToDbContext</c>), shared by every app instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MotorTraceDbContext).Assembly);

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.BaseType is null))
        {
            var clr = entityType.ClrType;
            if (typeof(IDealerOwned).IsAssignableFrom(clr))
                builder.Entity(clr).HasQueryFilter(DealerFilter(clr)); // DealerId is indexed by its foreign key to Dealer
            if (typeof(IConcurrencyVersioned).IsAssignableFrom(clr))
                builder.Entity(clr).Property(nameof(IConcurrencyVersioned.Version)).IsConcurrencyToken();
        }

        ProviderConventions.Apply(builder, Database);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Money and rates: explicit precision everywhere; enums as readable strings.
        builder.Properties<decimal>().HavePrecision(18, 2);
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<string>().HaveMaxLength(256);
        ProviderConventions.Apply(builder, Database);
    }

    // e => DealerScope == null || e.DealerId == DealerScope
    private LambdaExpression DealerFilter(Type clr)
    {
        var e = Expression.Parameter(clr, "e");
        var scope = Expression.Property(Expression.Constant(this), nameof(DealerScope));
        var dealerId = Expression.Convert(Expression.Property(e, nameof(IDealerOwned.DealerId)), typeof(Guid?));
        var body = Expression.OrElse(
            Expression.Equal(scope, Expression.Constant(null, typeof(Guid?))),
            Expression.Equal(dealerId, scope));
        return Expression.Lambda(body, e);
    }
}
