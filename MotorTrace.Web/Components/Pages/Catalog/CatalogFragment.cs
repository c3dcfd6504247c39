using Microsoft.AspNetCore.Components;
using MotorTrace.Web.Services;

namespace MotorTrace.Web.Components.Pages.Catalog;

/// <summary>
/// What the steps and part-category lists share: they render on their service's page and alone as htmx
/// fragments, with the outcome of the last change shown next to the field it names.
/// </summary>
public abstract class CatalogFragment : ComponentBase
{
    /// <summary>Managers see the controls; everyone else sees the same list without them.</summary>
    [Parameter] public bool CanEdit { get; set; }

    /// <summary>The outcome of the last change: messages for the add form's fields, or for the whole list ("").</summary>
    [Parameter] public ServiceResult? Result { get; set; }

    /// <summary>The page's handler of the plain (script-less) post of the add form.</summary>
    [Parameter] public EventCallback OnAdd { get; set; }

    /// <summary>
    /// Messages for the whole list; when the add form is not shown (nothing left to add), its field messages
    /// too, so a refused post is never silent.
    /// </summary>
    protected IEnumerable<string> ListMessages(bool formShown) =>
        Result?.Errors.Where(e => e.Field == "" || !formShown).Select(e => e.Message) ?? [];

    protected IEnumerable<string> Messages(string field) =>
        Result?.Errors.Where(e => e.Field == field).Select(e => e.Message) ?? [];

    protected string Invalid(string baseClass, string field) => Messages(field).Any() ? baseClass + " is-invalid" : baseClass;

    protected Task SubmitAsync() => OnAdd.InvokeAsync();
}
