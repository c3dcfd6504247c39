#if HAS_CUSTOMER_ENTITY
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Network;
#endif

namespace MotorTrace.Tests.Unit;

/// <summary>
/// The tenancy query filter of <see cref="Data.MotorTraceDbContext"/> on its own: every dealer-owned type is
/// filtered on the context's <see cref="Data.MotorTraceDbContext.DealerScope"/>.
/// </summary>
[Trait("Category", "Unit")]
public sealed class TenancyFilterTests : IDisposable
{
    private readonly InMemoryMotorTraceDb _database = new();

    public void Dispose() => _database.Dispose();

#if HAS_CUSTOMER_ENTITY
    [Fact]
    public async Task A_dealer_scope_shows_that_dealers_rows_and_hides_the_other_dealers()
    {
        var (dealerA, dealerB) = await SeedAsync();

        await using var db = _database.NewContext(dealerScope: dealerA);

        Assert.Equal(["A customer 1", "A customer 2"], await NamesAsync(db));
        Assert.Null(await db.Set<Customer>().FirstOrDefaultAsync(c => c.DealerId == dealerB));
    }

    [Fact]
    public async Task No_dealer_scope_shows_every_dealers_rows()
    {
        await SeedAsync();

        await using var db = _database.NewContext(dealerScope: null);

        Assert.Equal(["A customer 1", "A customer 2", "B customer 1"], await NamesAsync(db));
    }

    [Fact]
    public async Task The_empty_dealer_scope_shows_no_rows()
    {
        await SeedAsync();

        await using var db = _database.NewContext(dealerScope: Guid.Empty);

        Assert.Empty(await NamesAsync(db));
    }

    [Fact]
    public async Task Each_context_filters_on_its_own_scope_although_the_model_is_built_once()
    {
        var (dealerA, dealerB) = await SeedAsync();

        await using var first = _database.NewContext(dealerScope: dealerA);
        var seenByA = await NamesAsync(first);
        await using var second = _database.NewContext(dealerScope: dealerB);
        var seenByB = await NamesAsync(second);

        Assert.Equal(["A customer 1", "A customer 2"], seenByA);
        Assert.Equal(["B customer 1"], seenByB);
    }

    [Fact]
    public void Every_dealer_owned_entity_type_has_the_tenancy_filter_and_an_index_on_its_dealer()
    {
        using var db = _database.NewContext();
        var owned = db.Model.GetEntityTypes().Where(t => t.BaseType is null && typeof(IDealerOwned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.NotEmpty(owned);
        Assert.All(owned, type =>
        {
            Assert.NotEmpty(type.GetDeclaredQueryFilters());
            Assert.Contains(type.GetIndexes(), i => i.Properties[0].Name == nameof(IDealerOwned.DealerId));
        });
    }

    /// <summary>Two customers of dealer A and one of dealer B, written without a scope.</summary>
    private async Task<(Guid A, Guid B)> SeedAsync()
    {
        var a = new Dealer { DealerCode = "DA", Name = "Dealer A", Country = "India" };
        var b = new Dealer { DealerCode = "DB", Name = "Dealer B", Country = "India" };
        await using var db = _database.NewContext();
        db.Dealers.AddRange(a, b);
        db.Set<Customer>().AddRange(
            new Customer { DealerId = a.Id, Name = "A customer 1" },
            new Customer { DealerId = a.Id, Name = "A customer 2" },
            new Customer { DealerId = b.Id, Name = "B customer 1" });
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    private static async Task<List<string>> NamesAsync(Data.MotorTraceDbContext db) =>
        (await db.Set<Customer>().AsNoTracking().Select(c => c.Name).ToListAsync()).Order().ToList();
#else
    [Fact(Skip = "MotorTrace.Data.Entities.Customers.Customer is not in this build yet: these tests compile once it is")]
    public void Dealer_owned_rows_are_filtered_on_the_contexts_dealer_scope()
    {
        _ = _database;
    }
#endif
}
