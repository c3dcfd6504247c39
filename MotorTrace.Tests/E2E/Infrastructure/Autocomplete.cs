using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Infrastructure;

/// <summary>Picking from a MudAutocomplete the way a user does: type, wait for the option, click it.</summary>
public static class Autocomplete
{
    /// <summary>
    /// Types <paramref name="typed"/> into <paramref name="input"/> and picks the option showing <paramref name="option"/>;
    /// waits until the field holds the choice and the list has closed. On a loaded machine the list can be re-rendered for
    /// the last keystroke just as the click lands (the field then keeps the typed text): the pick is repeated, at most
    /// three times, which is what a user does.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string typed, string option)
    {
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await input.ClickAsync();
        await input.FillAsync("");
        await input.PressSequentiallyAsync(typed, new() { Delay = 20 });
        for (var attempt = 1; ; attempt++)
        {
            var item = options.Filter(new() { HasText = option }).First;
            await Assertions.Expect(item).ToBeVisibleAsync();
            await item.ClickAsync();
            try
            {
                await Assertions.Expect(input).ToHaveValueAsync(new Regex(Regex.Escape(option)), new() { Timeout = attempt < 3 ? 5_000 : 15_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The list closed on a stale item: open it again with the typed text still in the field.
                if (await options.CountAsync() == 0) await input.ClickAsync();
            }
        }
        // The list closes after the pick; on a loaded machine it may still cover the next button for a moment.
        await Assertions.Expect(options).ToHaveCountAsync(0);
    }
}
