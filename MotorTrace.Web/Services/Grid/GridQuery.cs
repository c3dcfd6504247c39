using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace MotorTrace.Web.Services.Grid;

public enum SortOrder
{
    Asc,
    Desc,
}

/// <summary>
/// What a list page shows, as it travels in the query string: search <c>q</c>, <c>sort</c> and <c>dir</c>,
/// <c>page</c>, page <c>size</c>, and named filters (<c>role=Technician</c>). Everything in the query
/// string is untrusted: unknown names are dropped here, unknown values by the service that reads them.
/// </summary>
public sealed record GridQuery
{
    public static readonly IReadOnlyList<int> PageSizes = [10, 25, 50, 100];
    public const int DefaultPageSize = 25;

    /// <summary>How far a list's first page counts the matches of a search (see <see cref="GridResult{T}"/>).</summary>
    public const int CountLimit = 1000;
    public const int MaxSearchLength = 100;

    public string? Search { get; init; }
    public string? Sort { get; init; }
    public SortOrder Direction { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Only the filters the page declared, each with a non-empty value.</summary>
    public IReadOnlyDictionary<string, string> Filters { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? Filter(string name) => Filters.TryGetValue(name, out var value) ? value : null;

    public bool IsFiltered => !string.IsNullOrEmpty(Search) || Filters.Count > 0;

    public static GridQuery From(IQueryCollection query, params string[] filterNames)
    {
        var filters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in filterNames)
            if (query[name].ToString().Trim() is { Length: > 0 and <= MaxSearchLength } value)
                filters[name] = value;

        var search = query["q"].ToString().Trim();
        return new GridQuery
        {
            Search = search.Length == 0 ? null : search[..Math.Min(search.Length, MaxSearchLength)],
            Sort = query["sort"].ToString() is { Length: > 0 } sort ? sort : null,
            Direction = string.Equals(query["dir"], "desc", StringComparison.OrdinalIgnoreCase) ? SortOrder.Desc : SortOrder.Asc,
            Page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1,
            PageSize = int.TryParse(query["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && PageSizes.Contains(size)
                ? size : DefaultPageSize,
            Filters = filters,
        };
    }

    /// <summary>The state in an absolute or relative address (an interactive page reads it from NavigationManager.Uri).</summary>
    public static GridQuery FromUri(string uri, params string[] filterNames)
    {
        var queryString = uri.IndexOf('?') is var at and >= 0 ? uri[at..] : "";
        var hash = queryString.IndexOf('#');
        if (hash >= 0) queryString = queryString[..hash];
        return From(new QueryCollection(QueryHelpers.ParseQuery(queryString)), filterNames);
    }

    /// <summary>
    /// The state after clicking a column header, back on page 1: the current column flips direction, another
    /// column starts in <paramref name="first"/> (descending suits dates: newest first).
    /// </summary>
    public GridQuery SortedBy(string key, SortOrder first = SortOrder.Asc) => this with
    {
        Sort = key,
        Direction = string.Equals(Sort, key, StringComparison.OrdinalIgnoreCase)
            ? (Direction == SortOrder.Asc ? SortOrder.Desc : SortOrder.Asc)
            : first,
        Page = 1,
    };

    public GridQuery ForPage(int page) => this with { Page = page };

    /// <summary>The state with one filter set (or removed when <paramref name="value"/> is empty), back on page 1.</summary>
    public GridQuery WithFilter(string name, string? value)
    {
        var filters = new Dictionary<string, string>(Filters, StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(value)) filters.Remove(name);
        else filters[name] = value;
        return this with { Filters = filters, Page = 1 };
    }

    /// <summary>A link to this state. Defaults are left out so addresses stay short and readable.</summary>
    public string ToHref(string path)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(Search)) parameters.Add(new("q", Search));
        foreach (var (name, value) in Filters) parameters.Add(new(name, value));
        if (!string.IsNullOrEmpty(Sort))
        {
            parameters.Add(new("sort", Sort));
            parameters.Add(new("dir", Direction == SortOrder.Desc ? "desc" : "asc"));
        }
        if (PageSize != DefaultPageSize) parameters.Add(new("size", PageSize.ToString(CultureInfo.InvariantCulture)));
        if (Page > 1) parameters.Add(new("page", Page.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(path, parameters);
    }
}

/// <summary>
/// One page of a list and the state it was produced from (page clamped, sort resolved). A search that matches more than
/// <see cref="GridQuery.CountLimit"/> rows may stop counting there (<see cref="TotalIsLowerBound"/>): the pager then
/// says "more than 1,000", and nobody pages through a thousand matches instead of typing one more letter.
/// </summary>
public sealed record GridResult<T>(IReadOnlyList<T> Items, int Total, GridQuery Query, bool TotalIsLowerBound = false)
{
    public int PageCount => Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>
/// The sort keys a list allows, each with its key selector. A key not in the map falls back to the
/// default, so a hand-edited address sorts by something sensible instead of failing. Tie-breakers keep
/// paging stable when many rows share a value.
/// </summary>
public sealed class GridSortMap<T>(string defaultKey, SortOrder defaultDirection = SortOrder.Asc) : IEnumerable<string>
{
    private readonly Dictionary<string, Func<IQueryable<T>, SortOrder, IOrderedQueryable<T>>> _sorts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _canonical = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Func<IOrderedQueryable<T>, IOrderedQueryable<T>>> _tieBreakers = [];

    public string DefaultKey => defaultKey;
    public SortOrder DefaultDirection => defaultDirection;

    public void Add<TKey>(string key, Expression<Func<T, TKey>> selector)
    {
        _sorts[key] = (source, direction) => direction == SortOrder.Desc ? source.OrderByDescending(selector) : source.OrderBy(selector);
        _canonical[key] = key;
    }

    public GridSortMap<T> ThenBy<TKey>(Expression<Func<T, TKey>> selector)
    {
        _tieBreakers.Add(ordered => ordered.ThenBy(selector));
        return this;
    }

    public bool Contains(string? key) => key is not null && _sorts.ContainsKey(key);

    /// <summary>The sort that will actually apply to a requested key and direction.</summary>
    public (string Key, SortOrder Direction) Resolve(string? key, SortOrder direction) =>
        key is not null && _canonical.TryGetValue(key, out var known) ? (known, direction) : (defaultKey, defaultDirection);

    public IOrderedQueryable<T> Apply(IQueryable<T> source, string key, SortOrder direction)
    {
        if (!_sorts.TryGetValue(key, out var sort))
            throw new InvalidOperationException($"The default sort key '{defaultKey}' is not in the sort map of {typeof(T).Name}.");
        var ordered = sort(source, direction);
        foreach (var tieBreaker in _tieBreakers) ordered = tieBreaker(ordered);
        return ordered;
    }

    public IEnumerator<string> GetEnumerator() => _sorts.Keys.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class GridQueryableExtensions
{
    /// <summary>Sorts, counts and takes one page; a page past the end shows the last page.</summary>
    public static Task<GridResult<T>> ToGridResultAsync<T>(this IQueryable<T> source, GridQuery query, GridSortMap<T> sorts,
        CancellationToken cancellationToken = default) =>
        source.ToGridResultAsync(query, sorts, item => item, cancellationToken);

    /// <summary>As above, projecting each row after sorting, so sort keys can use columns the row does not show.</summary>
    public static async Task<GridResult<TRow>> ToGridResultAsync<T, TRow>(this IQueryable<T> source, GridQuery query, GridSortMap<T> sorts,
        Expression<Func<T, TRow>> projection, CancellationToken cancellationToken = default)
    {
        var isAsync = source.Provider is IAsyncQueryProvider;
        var total = isAsync ? await source.CountAsync(cancellationToken) : source.Count();
        var pageSize = GridQuery.PageSizes.Contains(query.PageSize) ? query.PageSize : GridQuery.DefaultPageSize;
        var lastPage = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, lastPage);
        var (key, direction) = sorts.Resolve(query.Sort, query.Direction);

        var rows = sorts.Apply(source, key, direction).Skip((page - 1) * pageSize).Take(pageSize).Select(projection);
        var items = isAsync ? await rows.ToListAsync(cancellationToken) : rows.ToList();
        return new GridResult<TRow>(items, total, query with { Page = page, PageSize = pageSize, Sort = key, Direction = direction });
    }
}
