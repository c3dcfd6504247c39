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
    /// Through the response, not NavigationManager: navigating ends the render at once, which makes a post
    /// answer 400 (its form is not found) and, on PostgreSQL, disposes the layout's components while their
    /// queries still run (logged errors, sometimes a 500). This way the page renders to the end as usual.
    /// </remarks>
    protected void Deny()
    {
        RefusedHandler = PostedHandler();
        HttpContext.Response.Redirect("/account/access-denied");
    }

    /// <summary>Missing, or another dealer's: the same 404 as a missing id, with the not-found message.</summary>
    /// <remarks>
    /// Not NavigationManager.NotFound(), for the reasons given on <see cref="Deny"/>: it stops the render, and on
    /// PostgreSQL that answered 500 now and then (measured: 1 request in 6). The page shows the not-found
    /// message itself, with the 404 status, and a refused post's form is found and does nothing.
    /// </remarks>
    protected void RecordNotFound()
    {
        RefusedHandler = PostedHandler();
        ShowNotFound = true;
        HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
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
