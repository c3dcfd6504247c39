using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace MotorTrace.Tests.Integration.Infrastructure;

/// <summary>
/// Reads pages and posts their forms the way a browser does: every hidden input (the antiforgery token,
/// Blazor's <c>_handler</c>) goes back with the fields the test fills in.
/// </summary>
public static class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri ?? MotorTraceFactory.BaseAddress));
    }

    /// <summary>GETs a page that must answer 200 and parses it.</summary>
    public static async Task<IDocument> GetPageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}, not 200.");
        return await ParseAsync(response);
    }

    /// <summary>
    /// The form named by its Blazor form name (the <c>_handler</c> value, e.g. "login") or by its action
    /// (e.g. "/account/logout").
    /// </summary>
    public static IHtmlFormElement FindForm(IDocument page, string nameOrAction)
    {
        var matches = page.QuerySelectorAll<IHtmlFormElement>("form").Where(form =>
            form.QuerySelector<IHtmlInputElement>("input[name='_handler']")?.Value == nameOrAction
            || string.Equals(form.GetAttribute("action"), nameOrAction, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException($"{page.Url} has no form '{nameOrAction}'."),
            _ => throw new InvalidOperationException($"{page.Url} has {matches.Count} forms '{nameOrAction}'."),
        };
    }

    /// <summary>GETs <paramref name="pageUrl"/> and posts its form <paramref name="form"/> with the fields given.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, string form, IReadOnlyDictionary<string, string>? fields = null)
    {
        var page = await GetPageAsync(client, pageUrl);
        return await SubmitAsync(client, page, form, fields);
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, string form, IReadOnlyDictionary<string, string>? fields = null)
    {
        var element = FindForm(page, form);
        var values = element.QuerySelectorAll<IHtmlInputElement>("input[type='hidden'][name]")
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
            values[name] = value;

        // No action attribute: the form posts back to the page's own address, query string included.
        var action = element.GetAttribute("action") is { Length: > 0 } a ? new Uri(new Uri(page.Url), a) : new Uri(page.Url);
        return client.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(values));
    }

    /// <summary>GETs <paramref name="pageUrl"/> and posts its form as a browser would (see the overload).</summary>
    public static async Task<HttpResponseMessage> SubmitAsBrowserAsync(HttpClient client, string pageUrl, string form, IReadOnlyDictionary<string, string?> changes) =>
        await SubmitAsBrowserAsync(client, await GetPageAsync(client, pageUrl), form, changes);

    /// <summary>
    /// Posts a form as a browser does: every field with its current value (ticked boxes, selected options),
    /// then <paramref name="changes"/> on top (null unticks or empties a field); to <paramref name="action"/>
    /// when given, else to the form's own action.
    /// </summary>
    public static Task<HttpResponseMessage> SubmitAsBrowserAsync(HttpClient client, IDocument page, string form,
        IReadOnlyDictionary<string, string?> changes, string? action = null)
    {
        var element = FindForm(page, form);
        var values = new Dictionary<string, string>();
        foreach (var field in element.Elements.OfType<IHtmlElement>())
        {
            switch (field)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values[name] = input.Value;
                    break;
                case IHtmlInputElement { Name: { Length: > 0 } name } input:
                    values[name] = input.Value;
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    values[name] = select.SelectedOptions.FirstOrDefault()?.Value ?? select.Options.FirstOrDefault()?.Value ?? "";
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    values[name] = area.Value;
                    break;
            }
        }
        foreach (var (name, value) in changes)
        {
            if (value is null) values.Remove(name);
            else values[name] = value;
        }
        var target = action ?? (element.GetAttribute("action") is { Length: > 0 } a ? new Uri(new Uri(page.Url), a) : new Uri(page.Url)).PathAndQuery;
        return client.PostAsync(target.Split('#')[0], new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The antiforgery request token of the client: a signed-in user's from the sign-out form of the access-denied page,
    /// a visitor's from the sign-in form (both static pages, so the token is in their HTML). For posting to endpoints
    /// that have no form on a page.
    /// </summary>
    public static async Task<string> RequestTokenAsync(HttpClient client)
    {
        foreach (var pageUrl in new[] { "/account/access-denied", "/account/login" })
        {
            var page = await GetPageAsync(client, pageUrl);
            if (page.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value") is { } token) return token;
        }
        throw new InvalidOperationException("Neither the access-denied nor the sign-in page has an antiforgery field.");
    }

    /// <summary>POSTs form fields plus the user's antiforgery token to an endpoint.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url, IReadOnlyDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            [AntiforgeryField] = await RequestTokenAsync(client),
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>The text of the page's alerts (<c>role=alert</c>), where MotorTrace shows form errors.</summary>
    public static string Alerts(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("[role='alert']").Select(e => e.TextContent.Trim()));
}
