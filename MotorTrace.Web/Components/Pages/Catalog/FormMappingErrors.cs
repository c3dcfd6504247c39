using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Components.Pages.Catalog;

/// <summary>
/// Puts "abc typed into a number field" next to that field for a named static-SSR form. In ASP.NET Core
/// 10.0.12 the mapping errors of a form with a FormName are recorded under that name, as ONE error for the
/// whole model (named after the parameter, e.g. "Input", the field names only inside the message texts), and
/// EditForm's own mapping validator reads the unnamed form's errors only: without this a mistyped number
/// silently became 0 and could be saved. When the mapping context reports errors for this form, the posted
/// values are checked field by field, so the message lands next to the right field.
/// Place it inside the EditForm, with the form's name and the <c>[SupplyParameterFromForm]</c> property's name.
/// </summary>
public sealed class FormMappingErrors : ComponentBase, IDisposable
{
    private ValidationMessageStore? _store;
    private EditContext? _subscribed;

    [CascadingParameter] private EditContext? EditContext { get; set; }
    [CascadingParameter] private FormMappingContext? MappingContext { get; set; }
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Parameter, EditorRequired] public string FormName { get; set; } = "";

    /// <summary>The name prefix of the posted fields: the <c>[SupplyParameterFromForm]</c> property's name.</summary>
    [Parameter] public string Prefix { get; set; } = "Input";

    protected override void OnParametersSet()
    {
        if (EditContext is null || ReferenceEquals(EditContext, _subscribed)) return;
        Dispose();
        _store = new ValidationMessageStore(EditContext);
        _subscribed = EditContext;
        EditContext.OnValidationRequested += AddMappingErrors;
    }

    private void AddMappingErrors(object? sender, ValidationRequestedEventArgs e)
    {
        if (_store is null || _subscribed is null || MappingContext is null) return;
        _store.Clear();
        if (!MappingContext.GetAllErrors(FormName).Any() || HttpContext?.Request is not { HasFormContentType: true } request) return;

        var model = _subscribed.Model;
        var found = false;
        foreach (var property in model.GetType().GetProperties().Where(p => p.CanWrite))
        {
            if (!request.Form.TryGetValue($"{Prefix}.{property.Name}", out var posted)) continue;
            if (Problem(property.PropertyType, posted.ToString()) is not { } problem) continue;
            _store.Add(new FieldIdentifier(model, property.Name), problem);
            found = true;
        }
        // Never silent: a value that could not be read but was not found above still stops the save.
        if (!found) _store.Add(new FieldIdentifier(model, ""), "Some values could not be read. Check the fields and try again.");
    }

    /// <summary>Why a posted text cannot be the property's value (parsed as the form mapper does: invariant culture).</summary>
    private static string? Problem(Type type, string text)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (text.Length == 0) return underlying is null && type.IsValueType && type != typeof(bool) ? "Enter a value." : null;
        var target = underlying ?? type;
        var invariant = CultureInfo.InvariantCulture;
        return target switch
        {
            _ when target == typeof(int) => int.TryParse(text, invariant, out _) ? null : $"“{text}” is not a whole number.",
            _ when target == typeof(long) => long.TryParse(text, invariant, out _) ? null : $"“{text}” is not a whole number.",
            _ when target == typeof(decimal) => decimal.TryParse(text, invariant, out _) ? null : $"“{text}” is not a number.",
            _ when target == typeof(bool) => bool.TryParse(text, out _) ? null : $"“{text}” is not yes or no.",
            { IsEnum: true } => Enum.TryParse(target, text, ignoreCase: true, out _) ? null : $"“{text}” is not one of the choices.",
            _ => null,
        };
    }

    public void Dispose()
    {
        if (_subscribed is not null) _subscribed.OnValidationRequested -= AddMappingErrors;
        _store?.Clear();
        _subscribed = null;
    }
}
