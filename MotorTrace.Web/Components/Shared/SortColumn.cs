using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MotorTrace.Web.Components.Shared;

/// <summary>
/// A sortable template column of <see cref="UrlDataGrid{T}"/> whose sort travels to the server as <see cref="SortKey"/>
/// (one of the service's GridSortMap keys). MudBlazor names template columns with a random id, which is useless in an
/// address; this names it.
/// </summary>
public sealed class SortColumn<T> : TemplateColumn<T>
{
    [Parameter, EditorRequired] public string SortKey { get; set; } = "";

    public override string PropertyName => SortKey;

    protected override void OnParametersSet()
    {
        Sortable = true;
        base.OnParametersSet();
    }
}
