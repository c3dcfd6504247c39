using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MotorTrace.Web.Components.Shared;
using MotorTrace.Web.Services;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Vehicles;

namespace MotorTrace.Web.Components.Pages.Vehicles;

/// <summary>
/// What every tab of the vehicle page shares: the vehicle, whether the user may change it, its own address, the
/// "done" notice after a redirect, and the one form of the tab with its rule messages next to the fields.
/// </summary>
public abstract class VehicleTab : ComponentBase
{
    [Parameter, EditorRequired] public VehicleHeader Vehicle { get; set; } = default!;

    /// <summary>CustomersWrite, checked by the page on this request; the forms are not rendered without it.</summary>
    [Parameter] public bool CanWrite { get; set; }

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromQuery] protected string? Done { get; set; }
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The tab's key in <c>?tab=</c>.</summary>
    protected abstract string Tab { get; }

    protected string Path => $"/vehicles/{Vehicle.Id}?tab={Tab}";

    /// <summary>The tab's form; null until the tab has loaded, so nothing renders half-loaded.</summary>
    protected EditContext? Form { get; private set; }

    private ValidationMessageStore? _messages;

    /// <summary>Call last in <c>OnInitializedAsync</c>: it marks the tab as loaded.</summary>
    protected void FormFor(object model) => (Form, _messages) = VehicleForms.For(model);

    protected GridQuery GridQueryFor(params string[] filterNames) => GridQuery.From(HttpContext.Request.Query, filterNames);

    /// <summary>Saves, then back to the tab with its notice (a fresh GET), or the rule messages next to the fields.</summary>
    protected async Task SubmitAsync(Func<Task<ServiceResult>> save, string done)
    {
        if (!CanWrite) return;
        var result = await save();
        if (result.Succeeded) Navigation.NavigateTo($"{Path}&done={done}");
        else _messages!.Show(Form!, result);
    }
}
