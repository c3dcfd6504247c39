using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class GridQueryTests : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private CarContext _db = null!;

    public sealed class Car
    {
        public int Id { get; set; }
        public string Model { get; set; } = "";
        public int Mileage { get; set; }
        public DateTime ServicedAt { get; set; }
    }

    public sealed record CarRow(int Id, string Model);

    public sealed class CarContext(DbContextOptions<CarContext> options) : DbContext(options)
    {
        public DbSet<Car> Cars => Set<Car>();
    }

    private static readonly GridSortMap<Car> Sorts = new GridSortMap<Car>("model")
    {
        { "model", c => c.Model },
        { "mileage", c => c.Mileage },
        { "serviced", c => c.ServicedAt },
    }.ThenBy(c => c.Id);

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        _db = new CarContext(new DbContextOptionsBuilder<CarContext>().UseSqlite(_connection).Options);
        await _db.Database.EnsureCreatedAsync();
        // 23 cars: three pages of ten; five models, so sorting by model has many ties.
        var models = new[] { "Polo", "Golf", "Octavia", "Kushaq", "Taigun" };
        _db.Cars.AddRange(Enumerable.Range(1, 23).Select(i => new Car
        {
            Id = i, Model = models[i % models.Length], Mileage = i * 1000, ServicedAt = new DateTime(2026, 1, 1).AddDays(i),
        }));
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task Returns_one_page_and_the_total()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "mileage", Page = 2, PageSize = 10 }, Sorts);

        Assert.Equal(23, result.Total);
        Assert.Equal(3, result.PageCount);
        Assert.Equal(Enumerable.Range(11, 10), result.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "mileage", Page = 99, PageSize = 10 }, Sorts);

        Assert.Equal(3, result.Query.Page);
        Assert.Equal([21, 22, 23], result.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_page_below_one_shows_the_first_page()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "mileage", Page = -4, PageSize = 10 }, Sorts);

        Assert.Equal(1, result.Query.Page);
        Assert.Equal(1, result.Items[0].Id);
    }

    [Fact]
    public async Task An_empty_list_is_page_one_of_one()
    {
        var result = await _db.Cars.Where(c => c.Mileage < 0).ToGridResultAsync(new GridQuery { Page = 5 }, Sorts);

        Assert.Empty(result.Items);
        Assert.Equal(0, result.Total);
        Assert.Equal(1, result.Query.Page);
        Assert.Equal(1, result.PageCount);
    }

    [Fact]
    public async Task A_page_size_that_is_not_offered_falls_back_to_the_default()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { PageSize = 7 }, Sorts);

        Assert.Equal(GridQuery.DefaultPageSize, result.Query.PageSize);
        Assert.Equal(23, result.Items.Count);
    }

    [Fact]
    public async Task Descending_sorts_largest_first()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "mileage", Direction = SortOrder.Desc, PageSize = 10 }, Sorts);

        Assert.Equal(Enumerable.Range(14, 10).Reverse(), result.Items.Select(c => c.Id));
        Assert.Equal(SortOrder.Desc, result.Query.Direction);
    }

    [Fact]
    public async Task Sorts_by_date_in_sql()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "serviced", Direction = SortOrder.Desc, PageSize = 10 }, Sorts);

        Assert.Equal(23, result.Items[0].Id);
    }

    [Fact]
    public async Task An_unknown_sort_key_is_ignored_and_the_default_sort_applies()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "price; drop table Cars", Direction = SortOrder.Desc }, Sorts);

        Assert.Equal("model", result.Query.Sort);
        Assert.Equal(SortOrder.Asc, result.Query.Direction);
        Assert.Equal("Golf", result.Items[0].Model);
        Assert.Equal(23, await _db.Cars.CountAsync());
    }

    [Fact]
    public async Task Sort_keys_match_without_regard_to_case()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "MILEAGE", Direction = SortOrder.Desc }, Sorts);

        Assert.Equal("mileage", result.Query.Sort);
        Assert.Equal(23, result.Items[0].Id);
    }

    [Fact]
    public async Task Ties_are_broken_so_pages_neither_repeat_nor_skip_rows()
    {
        var pages = new List<int>();
        for (var page = 1; page <= 3; page++)
            pages.AddRange((await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "model", Page = page, PageSize = 10 }, Sorts)).Items.Select(c => c.Id));

        Assert.Equal(Enumerable.Range(1, 23), pages.Order());
    }

    [Fact]
    public async Task Projects_each_row_after_sorting()
    {
        var result = await _db.Cars.ToGridResultAsync(new GridQuery { Sort = "mileage", PageSize = 10 }, Sorts, c => new CarRow(c.Id, c.Model));

        Assert.Equal(new CarRow(1, "Golf"), result.Items[0]);
    }

    [Fact]
    public async Task Works_on_an_in_memory_list_too()
    {
        var cars = Enumerable.Range(1, 12).Select(i => new Car { Id = i, Model = $"Car {i:00}", Mileage = i }).AsQueryable();

        var result = await cars.ToGridResultAsync(new GridQuery { Sort = "mileage", Direction = SortOrder.Desc, Page = 2, PageSize = 10 }, Sorts);

        Assert.Equal([2, 1], result.Items.Select(c => c.Id));
    }

    [Fact]
    public void Reads_state_from_the_query_string_and_drops_what_it_does_not_know()
    {
        var query = GridQuery.From(Query(new()
        {
            ["q"] = "  golf  ", ["sort"] = "mileage", ["dir"] = "DESC", ["page"] = "3", ["size"] = "50",
            ["role"] = "Technician", ["status"] = "", ["evil"] = "1",
        }), "role", "status");

        Assert.Equal("golf", query.Search);
        Assert.Equal("mileage", query.Sort);
        Assert.Equal(SortOrder.Desc, query.Direction);
        Assert.Equal(3, query.Page);
        Assert.Equal(50, query.PageSize);
        Assert.Equal("Technician", query.Filter("role"));
        Assert.Null(query.Filter("status"));
        Assert.Null(query.Filter("evil"));
        Assert.Single(query.Filters);
    }

    [Theory]
    [InlineData("0", "25", 1, 25)]
    [InlineData("-2", "7", 1, 25)]
    [InlineData("abc", "1000", 1, 25)]
    [InlineData("99999999999999", "10", 1, 10)]
    [InlineData("4", "100", 4, 100)]
    public void Mangled_page_and_size_fall_back_to_safe_values(string page, string size, int expectedPage, int expectedSize)
    {
        var query = GridQuery.From(Query(new() { ["page"] = page, ["size"] = size }));

        Assert.Equal(expectedPage, query.Page);
        Assert.Equal(expectedSize, query.PageSize);
    }

    [Fact]
    public void A_very_long_search_is_cut_to_the_maximum_length()
    {
        var query = GridQuery.From(Query(new() { ["q"] = new string('x', 500) }));

        Assert.Equal(GridQuery.MaxSearchLength, query.Search!.Length);
    }

    [Fact]
    public void Addresses_leave_out_defaults()
    {
        Assert.Equal("/cars", new GridQuery().ToHref("/cars"));
        Assert.Equal("/cars?q=golf%20gti&role=Technician&sort=model&dir=desc&size=50&page=2",
            new GridQuery
            {
                Search = "golf gti", Sort = "model", Direction = SortOrder.Desc, Page = 2, PageSize = 50,
                Filters = new Dictionary<string, string> { ["role"] = "Technician" },
            }.ToHref("/cars"));
    }

    [Fact]
    public void Clicking_the_current_column_flips_the_direction_and_another_column_starts_in_its_first_direction()
    {
        var query = new GridQuery { Sort = "model", Direction = SortOrder.Asc, Page = 3 };

        Assert.Equal(SortOrder.Desc, query.SortedBy("model").Direction);
        Assert.Equal(SortOrder.Asc, (query with { Direction = SortOrder.Desc }).SortedBy("model").Direction);
        Assert.Equal(SortOrder.Asc, query.SortedBy("mileage").Direction);
        Assert.Equal(SortOrder.Desc, query.SortedBy("serviced", SortOrder.Desc).Direction);
        Assert.Equal(1, query.SortedBy("mileage").Page);
    }

    [Fact]
    public void Setting_a_filter_goes_back_to_the_first_page_and_an_empty_value_removes_it()
    {
        var query = new GridQuery { Page = 4, Filters = new Dictionary<string, string> { ["role"] = "Technician" } };

        var byUser = query.WithFilter("user", "42");
        Assert.Equal(1, byUser.Page);
        Assert.Equal("42", byUser.Filter("user"));
        Assert.Equal("Technician", byUser.Filter("role"));
        Assert.Null(query.WithFilter("role", "").Filter("role"));
        Assert.Equal("Technician", query.Filter("role"));
    }

    private static QueryCollection Query(Dictionary<string, StringValues> values) => new(values);
}
