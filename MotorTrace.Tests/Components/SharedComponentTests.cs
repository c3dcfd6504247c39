using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Tests.Integration.Infrastructure;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Settings;
using MudBlazor;

namespace MotorTrace.Tests.Components;

/// <summary>The shared presentation every page uses: one status chip, one money display, one list.</summary>
[Trait("Category", "Component")]
public sealed class SharedComponentTests(SqliteFactory app) : MudComponentTest, IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData(WorkOrderStatus.AwaitingApproval, "Estimate sent")] // WorkOrderFlow.Label: the flow's own words
    [InlineData(WorkOrderStatus.Open, "Pending")]
    [InlineData(WorkOrderStatus.InProgress, "In progress")]
    [InlineData(AppointmentStatus.NoShow, "No-show")]
    [InlineData(AppointmentStatus.Completed, "Completed")]
    [InlineData(PaymentMethod.Upi, "UPI")]
    public void A_status_chip_shows_the_label_and_colour_of_the_one_status_table(object status, string label)
    {
        var value = (Enum)status;
        var chip = Render<StatusChip>(p => p.Add(c => c.Value, value));

        var element = chip.Find(".mud-chip");
        Assert.Equal(label, element.TextContent.Trim());
        Assert.Equal(label, StatusStyles.Label(value));
        Assert.Contains($"mud-chip-color-{StatusStyles.Colour(value).ToString().ToLowerInvariant()}", element.ClassName);
    }

    [Fact]
    public async Task Money_shows_the_dealers_currency_unless_the_record_brings_its_own()
    {
        await using var scope = await app.ScopeAsAsync("advisor@d1.motortrace.test");
        var dealer = scope.ServiceProvider.GetRequiredService<DealerContext>();
        await dealer.LoadAsync();
        // The base context's services are sealed once it has set its renderer: the scope's services stand behind them.
        Services.AddFallbackServiceProvider(scope.ServiceProvider);

        var inDealerCurrency = Render<Money>(p => p.Add(m => m.Value, 1250.5m));
        var explicitCurrency = Render<Money>(p => p.Add(m => m.Value, 99m).Add(m => m.Currency, "USD"));

        Assert.Equal(Currencies.Format(1250.5m, dealer.Currency), inDealerCurrency.Find(".mt-money").TextContent);
        Assert.Equal("INR 1,250.50", inDealerCurrency.Find(".mt-money").TextContent); // dealer 1's settings
        Assert.Equal(Currencies.Format(99m, "USD"), explicitCurrency.Find(".mt-money").TextContent);
        Assert.Equal("USD 99.00", explicitCurrency.Find(".mt-money").TextContent);
    }

    public sealed record Car(string Plate, string Model);

    private static readonly Car[] Cars = [new("MH 12 AB 1234", "Polo"), new("MH 14 CD 5678", "Virtus"), new("KA 01 EF 9012", "Taigun")];

    private readonly List<GridQuery> _loads = [];

    /// <summary>What the next load says of its total: a search that stopped counting at the limit.</summary>
    private bool _countStopped;

    /// <summary>Whether loads answer with the sort they used when the address named none, as the app's services do.</summary>
    private bool _resolveSort;

    private Task<GridResult<Car>> LoadAsync(GridQuery query, CancellationToken cancellationToken)
    {
        _loads.Add(query);
        if (_resolveSort && query.Sort is null) query = query with { Sort = "plate", Direction = SortOrder.Asc };
        IEnumerable<Car> rows = query.Sort == "plate"
            ? query.Direction == SortOrder.Desc ? Cars.OrderByDescending(c => c.Plate) : Cars.OrderBy(c => c.Plate)
            : Cars;
        return Task.FromResult(_countStopped
            ? new GridResult<Car>([.. rows], GridQuery.CountLimit, query, TotalIsLowerBound: true)
            : new GridResult<Car>([.. rows], Cars.Length, query));
    }

    private IRenderedComponent<UrlDataGrid<Car>> RenderGrid() =>
        RenderWithProviders<UrlDataGrid<Car>>(p => p
            .Add(g => g.Load, LoadAsync)
            .Add(g => g.Label, "Cars")
            .Add(g => g.SearchLabel, "Plate or model")
            .Add(g => g.Columns, (RenderFragment)(builder =>
            {
                builder.OpenComponent<SortColumn<Car>>(0);
                builder.AddAttribute(1, nameof(SortColumn<Car>.Title), "Plate");
                builder.AddAttribute(2, nameof(SortColumn<Car>.SortKey), "plate");
                builder.AddAttribute(3, nameof(SortColumn<Car>.CellTemplate),
                    (RenderFragment<CellContext<Car>>)(cell => b => b.AddContent(0, cell.Item.Plate)));
                builder.CloseComponent();
                builder.OpenComponent<TemplateColumn<Car>>(4);
                builder.AddAttribute(5, nameof(TemplateColumn<Car>.Title), "Model");
                builder.AddAttribute(6, nameof(TemplateColumn<Car>.Sortable), false);
                builder.AddAttribute(7, nameof(TemplateColumn<Car>.CellTemplate),
                    (RenderFragment<CellContext<Car>>)(cell => b => b.AddContent(0, cell.Item.Model)));
                builder.CloseComponent();
            })));

    private static string[] Plates(IRenderedComponent<UrlDataGrid<Car>> grid) =>
        [.. grid.FindAll("tbody tr.mud-table-row").Select(r => r.QuerySelector("td")!.TextContent.Trim())];

    [Fact]
    public void The_grid_renders_the_rows_its_Load_function_returns()
    {
        var grid = RenderGrid();

        grid.WaitForAssertion(() => Assert.Equal(Cars.Select(c => c.Plate), Plates(grid)));
        Assert.Contains("Polo", grid.Markup);
        Assert.Single(_loads);
    }

    [Fact]
    public void The_pager_says_more_than_a_thousand_when_a_search_stopped_counting_there()
    {
        _countStopped = true;
        var grid = RenderGrid();

        grid.WaitForAssertion(() => Assert.Contains(grid.FindAll(".mud-table-pagination-caption"),
            caption => caption.TextContent.Trim() == "1-25 of more than 1,000"));
    }

    [Fact]
    public void A_click_on_a_sortable_header_puts_the_sort_in_the_address()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/cars");
        var grid = RenderGrid();
        grid.WaitForAssertion(() => Assert.Equal(3, Plates(grid).Length));

        grid.Find("th .sortable-column-header").Click();

        grid.WaitForAssertion(() => Assert.EndsWith("/cars?sort=plate&dir=asc", navigation.Uri));
        grid.WaitForAssertion(() => Assert.Equal(Cars.Select(c => c.Plate).Order(), Plates(grid)));
        Assert.Equal(("plate", SortOrder.Asc), (_loads[^1].Sort, _loads[^1].Direction));
    }

    [Fact]
    public void Going_back_to_an_earlier_address_reloads_the_rows_in_that_state()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/cars?sort=plate&dir=desc");
        var grid = RenderGrid();
        grid.WaitForAssertion(() => Assert.Equal(Cars.Select(c => c.Plate).OrderDescending(), Plates(grid)));

        navigation.NavigateTo("/cars?sort=plate&dir=asc"); // a later state …
        grid.WaitForAssertion(() => Assert.Equal(Cars.Select(c => c.Plate).Order(), Plates(grid)));
        navigation.NavigateTo("/cars?sort=plate&dir=desc"); // … and the back button's return to the first

        grid.WaitForAssertion(() => Assert.Equal(Cars.Select(c => c.Plate).OrderDescending(), Plates(grid)));
        Assert.Equal(("plate", SortOrder.Desc), (_loads[^1].Sort, _loads[^1].Direction));
        Assert.Equal("/cars?sort=plate&dir=desc", grid.Instance.Query.ToHref("/cars"));
    }

    [Fact]
    public void Following_a_rows_link_leaves_the_list_alone()
    {
        // The grid hears every change of address: another page's address is not a state of this list, so it neither
        // reloads nor writes its own address back over the page the user opened.
        _resolveSort = true;
        var navigation = (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/cars?q=polo");
        var grid = RenderGrid();
        grid.WaitForAssertion(() => Assert.Equal(3, Plates(grid).Length));
        var (loads, navigations) = (_loads.Count, navigation.History.Count);

        navigation.NavigateTo("/cars/MH12AB1234");

        Assert.Throws<Bunit.Extensions.WaitForHelpers.WaitForFailedException>(() =>
            grid.WaitForState(() => _loads.Count > loads, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(navigations + 1, navigation.History.Count);
        Assert.EndsWith("/cars/MH12AB1234", navigation.Uri);
    }
}
