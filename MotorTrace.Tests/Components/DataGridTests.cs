using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services.Grid;

namespace MotorTrace.Tests.Components;

[Trait("Category", "Component")]
public sealed class DataGridTests
{
    private const string Path = "/admin/users";

    public sealed record Person(string Name, string Email);

    private static readonly GridColumn[] Columns =
    [
        new("Name", "name"),
        new("Email", "email"),
        new("Roles"),
        new("Last sign-in", "lastlogin", DescendingFirst: true),
    ];

    private static readonly GridQuery Filtered = new()
    {
        Search = "ann",
        Sort = "name",
        Direction = SortOrder.Asc,
        Page = 2,
        PageSize = 10,
        Filters = new Dictionary<string, string> { ["role"] = "Technician", ["status"] = "active" },
    };

    [Fact]
    public async Task Current_sort_column_is_marked_and_its_link_reverses_the_direction()
    {
        var page = await RenderAsync(Result(3, new GridQuery { Sort = "name", Direction = SortOrder.Asc }));

        var name = Header(page, "Name");
        Assert.Equal("ascending", name.GetAttribute("aria-sort"));
        Assert.Equal(("name", "desc"), SortOf(name));
        Assert.NotNull(name.QuerySelector(".bi-caret-up-fill"));

        var email = Header(page, "Email");
        Assert.Null(email.GetAttribute("aria-sort"));
        Assert.Equal(("email", "asc"), SortOf(email));
    }

    [Fact]
    public async Task Descending_current_sort_links_back_to_ascending()
    {
        var page = await RenderAsync(Result(3, new GridQuery { Sort = "email", Direction = SortOrder.Desc }));

        var email = Header(page, "Email");
        Assert.Equal("descending", email.GetAttribute("aria-sort"));
        Assert.NotNull(email.QuerySelector(".bi-caret-down-fill"));
        Assert.Equal(("email", "asc"), SortOf(email));
    }

    [Fact]
    public async Task A_date_column_sorts_newest_first_on_the_first_click()
    {
        var page = await RenderAsync(Result(3, new GridQuery { Sort = "name" }));

        Assert.Equal(("lastlogin", "desc"), SortOf(Header(page, "Last sign-in")));
    }

    [Fact]
    public async Task A_column_without_sort_key_has_no_sort_link()
    {
        var page = await RenderAsync(Result(3, new GridQuery { Sort = "name" }));

        Assert.Null(Header(page, "Roles").QuerySelector("a"));
    }

    [Fact]
    public async Task Sort_links_keep_search_filters_and_page_size_and_go_back_to_the_first_page()
    {
        var page = await RenderAsync(Result(40, Filtered));

        var query = QueryOf(Header(page, "Email").QuerySelector("a")!);
        Assert.Equal("ann", query["q"]);
        Assert.Equal("Technician", query["role"]);
        Assert.Equal("active", query["status"]);
        Assert.Equal("10", query["size"]);
        Assert.False(query.ContainsKey("page"));
    }

    [Fact]
    public async Task Pager_links_keep_search_filters_sort_and_page_size()
    {
        var page = await RenderAsync(Result(40, Filtered));

        var next = page.QuerySelector("a[aria-label='Next page']")!;
        var query = QueryOf(next);
        Assert.Equal("3", query["page"]);
        Assert.Equal("ann", query["q"]);
        Assert.Equal("Technician", query["role"]);
        Assert.Equal("active", query["status"]);
        Assert.Equal("name", query["sort"]);
        Assert.Equal("asc", query["dir"]);
        Assert.Equal("10", query["size"]);
        Assert.StartsWith(Path + "?", next.GetAttribute("href"));
        Assert.Equal("2", page.QuerySelector(".page-item.active .page-link")!.TextContent.Trim());
        Assert.Contains("11–20 of 40", page.Body!.TextContent);
    }

    [Fact]
    public async Task Rows_are_rendered_with_the_row_template()
    {
        var page = await RenderAsync(Result(3, new GridQuery { Sort = "name" }));

        var names = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(["Person 1", "Person 2", "Person 3"], names);
        Assert.Null(page.QuerySelector(".mt-grid-empty"));
    }

    [Fact]
    public async Task Empty_filtered_result_says_so_and_offers_to_clear_the_filters()
    {
        var page = await RenderAsync(Result(0, Filtered with { Page = 1 }), emptyText: "No user matches.");

        var empty = page.QuerySelector(".mt-grid-empty")!;
        Assert.Contains("No user matches.", empty.TextContent);
        Assert.Equal(Path, empty.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("table"));
    }

    [Fact]
    public async Task Empty_unfiltered_result_shows_the_message_without_a_clear_link()
    {
        var page = await RenderAsync(Result(0, new GridQuery { Sort = "name" }), emptyText: "No user yet.");

        var empty = page.QuerySelector(".mt-grid-empty")!;
        Assert.Contains("No user yet.", empty.TextContent);
        Assert.Null(empty.QuerySelector("a"));
    }

    [Fact]
    public async Task Search_form_carries_the_current_state_and_submits_with_a_get()
    {
        var page = await RenderAsync(Result(40, Filtered));

        var form = page.QuerySelector("form[role='search']")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(Path, form.GetAttribute("action"));
        Assert.Equal("ann", form.QuerySelector("input[name='q']")!.GetAttribute("value"));
        Assert.Equal("name", form.QuerySelector("input[name='sort']")!.GetAttribute("value"));
        Assert.Equal("asc", form.QuerySelector("input[name='dir']")!.GetAttribute("value"));
        Assert.Equal("10", form.QuerySelector("select[name='size'] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("select[name='role']"));
        Assert.NotNull(form.QuerySelector("a[href='" + Path + "']"));
    }

    [Fact]
    public async Task Htmx_swaps_the_grid_for_links_and_only_the_results_for_the_search_form()
    {
        var page = await RenderAsync(Result(40, Filtered));

        var grid = page.GetElementById("people")!;
        Assert.Equal("#people", grid.GetAttribute("hx-select"));
        Assert.Equal("#people", grid.GetAttribute("hx-target"));
        Assert.Equal("outerHTML", grid.GetAttribute("hx-swap"));
        Assert.Equal("true", grid.GetAttribute("hx-push-url"));
        Assert.Equal("true", page.QuerySelector("thead")!.GetAttribute("hx-boost"));
        var form = page.QuerySelector("form[role='search']")!;
        Assert.Equal("#people-results", form.GetAttribute("hx-target"));
        Assert.Equal("input changed delay:300ms, submit", form.GetAttribute("hx-trigger"));
        Assert.NotNull(page.QuerySelector("#people-results .table-responsive table"));
    }

    private static GridResult<Person> Result(int total, GridQuery query)
    {
        var first = (query.Page - 1) * query.PageSize;
        var items = Enumerable.Range(first + 1, Math.Max(0, Math.Min(query.PageSize, total - first)))
            .Select(i => new Person($"Person {i}", $"person{i}@example.test")).ToList();
        return new GridResult<Person>(items, total, query);
    }

    private static async Task<IDocument> RenderAsync(GridResult<Person> result, string emptyText = "Nothing to show.")
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        RenderFragment<Person> row = person => builder =>
        {
            builder.OpenElement(0, "td");
            builder.AddContent(1, person.Name);
            builder.CloseElement();
            builder.OpenElement(2, "td");
            builder.AddContent(3, person.Email);
            builder.CloseElement();
        };
        RenderFragment filters = builder =>
        {
            builder.OpenElement(0, "select");
            builder.AddAttribute(1, "name", "role");
            builder.CloseElement();
        };
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(DataGrid<Person>.Id)] = "people",
            [nameof(DataGrid<Person>.Path)] = Path,
            [nameof(DataGrid<Person>.Result)] = result,
            [nameof(DataGrid<Person>.Columns)] = Columns,
            [nameof(DataGrid<Person>.RowTemplate)] = row,
            [nameof(DataGrid<Person>.SearchLabel)] = "Search name or email",
            [nameof(DataGrid<Person>.Filters)] = filters,
            [nameof(DataGrid<Person>.EmptyText)] = emptyText,
        });
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<DataGrid<Person>>(parameters)).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static IElement Header(IDocument page, string title) =>
        page.QuerySelectorAll("thead th").Single(th => th.TextContent.Trim() == title);

    private static (string Sort, string Dir) SortOf(IElement header)
    {
        var query = QueryOf(header.QuerySelector("a")!);
        return (query["sort"].ToString(), query["dir"].ToString());
    }

    private static Dictionary<string, StringValues> QueryOf(IElement link)
    {
        var href = link.GetAttribute("href")!;
        var question = href.IndexOf('?');
        return question < 0 ? [] : QueryHelpers.ParseQuery(href[question..]);
    }
}
