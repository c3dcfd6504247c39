using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using MotorTrace.Web.Services.Authorization;

namespace MotorTrace.Web.Components.Pages.Catalog;

/// <summary>
/// What the service and labor pages share: everyone with CatalogRead reads them, only CatalogEdit changes
/// anything, and the check is made again on every post, not just by hiding the buttons.
/// </summary>
public abstract class CatalogEditPage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    protected bool CanEdit { get; private set; }

    /// <summary>Set once the record (or the blank form) is ready; until then the page renders nothing.</summary>
    protected bool Loaded { get; set; }

    /// <summary>The form name of a post that was refused (see RefusedPost.razor).</summary>
    protected string? RefusedHandler { get; private set; }

    /// <summary>A post about a missing record: the page shows the not-found message itself (see <see cref="RecordNotFound"/>).</summary>
    protected bool ShowNotFound { get; private set; }

    /// <summary>
    /// Checks the edit policy. A post from a user without it is refused here, before any form handler runs:
    /// false means the page must stop (the user is being sent to access denied).
    /// </summary>
    protected async Task<bool> AuthorizeAsync()
    {
        CanEdit = (await Authorization.AuthorizeAsync(HttpContext.User, Policies.CatalogEdit)).Succeeded;
        if (CanEdit || !HttpMethods.IsPost(HttpContext.Request.Method)) return true;
        Deny();
        return false;
    }

    /// <summary>Sends the user to access denied (a 302, like any page their role may not open).</summary>
    /// <remarks>
    /// A post is redirected through the response itself: navigating stops the render, so the posted form would
    /// not be found and static SSR would answer 400 instead.
    /// </remarks>
    protected void Deny()
    {
        if (PostedHandler() is { } handler)
        {
            RefusedHandler = handler;
            HttpContext.Response.Redirect("/account/access-denied");
        }
        else Navigation.NavigateTo("/account/access-denied");
    }

    /// <summary>Missing, or another dealer's: the same 404 as a missing id.</summary>
    /// <remarks>
    /// A GET gets the app's not-found page. A post (the record was deleted meanwhile, or the id is another
    /// dealer's) keeps rendering this page, so the posted form is found and does nothing, and shows the
    /// not-found message itself with the 404 status.
    /// </remarks>
    protected void RecordNotFound()
    {
        if (PostedHandler() is { } handler)
        {
            RefusedHandler = handler;
            ShowNotFound = true;
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else Navigation.NotFound();
    }

    /// <summary>Every handler asks again before changing anything; true means stop.</summary>
    protected bool Refused()
    {
        if (Loaded && CanEdit) return false;
        if (Loaded) Deny();
        return true;
    }

    private string? PostedHandler() =>
        HttpMethods.IsPost(HttpContext.Request.Method) && HttpContext.Request.HasFormContentType
            ? HttpContext.Request.Form["_handler"].ToString() is { Length: > 0 } handler ? handler : null
            : null;
}
