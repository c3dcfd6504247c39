using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Infrastructure;

/// <summary>
/// What every visited page is checked for, returned as a list of findings (empty when the page passes) so a sweep
/// can report every problem of every page in one run instead of stopping at the first.
/// </summary>
public static class PageChecks
{
    /// <summary>Where a user taps on a tablet: the page's main area and the app bar (the drawer starts closed below 1280 px).</summary>
    public const string TouchAreas = "main, .mud-appbar";

    /// <summary>axe (WCAG 2.0/2.1 A and AA): every critical or serious violation, with rule, target and message.</summary>
    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. BrowserAppFixture.WcagTags] } });
        return BrowserAppFixture.AxeFailures(result);
    }

    /// <summary>The page is wider than the window (a tablet user would have to scroll sideways).</summary>
    public static async Task<IReadOnlyList<string>> SidewaysScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return widths[0] > widths[1] ? [$"the page scrolls sideways: {widths[0]} px wide in a {widths[1]} px window"] : [];
    }

    /// <summary>
    /// Every visible tap target (link, button, input, checkbox, tab, menu item) in <paramref name="areas"/> smaller than
    /// <paramref name="minimum"/> px in either direction. A text field, select or picker counts with its label (a tap on
    /// the label focuses the field); a checkbox or radio with its label; visually hidden elements are not targets.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SmallTargetsAsync(IPage page, int minimum, string areas = TouchAreas)
    {
        var found = await page.EvaluateAsync<JsonElement>(
            """
            ([minimum, areas]) => {
              const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [role=checkbox], [role=tab], [role=menuitem], [role=button], [role=switch], [role=radio], [role=option]';
              const targets = new Set();
              for (const area of document.querySelectorAll(areas))
                for (const element of area.querySelectorAll(selector)) {
                  if (element.closest('[aria-hidden=true], .mt-visually-hidden, .mt-skip-link, .mud-popover:not(.mud-popover-open)')) continue;
                  let target = element;
                  if (element.matches('input[type=checkbox], input[type=radio]')) target = element.closest('label') ?? element.closest('.mud-button-root') ?? element;
                  else if (element.matches('input, select, textarea')) target = element.closest('.mud-input-control') ?? element;
                  // A dashboard figure's link is stretched over its whole card (::after, inset 0): the card is what is tapped.
                  else if (element.matches('.mt-stat-link')) target = element.closest('.mt-stat') ?? element;
                  targets.add(target);
                }
              const small = [];
              for (const target of targets) {
                const box = target.getBoundingClientRect();
                const style = getComputedStyle(target);
                if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
                if (box.width + 0.5 < minimum || box.height + 0.5 < minimum) {
                  const name = (target.getAttribute('aria-label') || target.innerText || target.querySelector('input')?.getAttribute('aria-label') || target.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 60);
                  const cls = (target.className && typeof target.className === 'string') ? '.' + target.className.trim().split(/\s+/).slice(0, 3).join('.') : '';
                  small.push(`${target.tagName.toLowerCase()}${cls} '${name}' is ${Math.round(box.width)}×${Math.round(box.height)} px`);
                }
              }
              return small;
            }
            """,
            new object[] { minimum, areas });
        return [.. found.EnumerateArray().Select(e => e.GetString()!)];
    }

    /// <summary>
    /// Waits for what the circuit loads after the first render: a grid's rows (ServerData never runs during prerender)
    /// and any progress bar to go away.
    /// </summary>
    public static async Task SettleAsync(IPage page)
    {
        await BrowserAppFixture.WaitForCircuitAsync(page);
        try
        {
            await page.WaitForFunctionAsync(
                """
                () => {
                  const shown = e => e.offsetParent !== null;
                  return ![...document.querySelectorAll('main .mud-progress-linear, main .mud-table-loading')].some(shown)
                    && [...document.querySelectorAll('main .mud-data-grid tbody')].filter(shown).every(b => b.rows.length > 0);
                }
                """,
                null, new() { Timeout = 5000, PollingInterval = 100 });
        }
        catch (PlaywrightException)
        {
            // An empty grid or a progress bar that stays is checked as it is.
        }
        await BrowserAppFixture.WaitForAnimationsAsync(page);
    }
}
