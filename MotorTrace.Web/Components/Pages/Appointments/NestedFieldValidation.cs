using System.Collections;
using Microsoft.AspNetCore.Components.Forms;
using MotorTrace.Web.Services;

namespace MotorTrace.Web.Components.Pages.Appointments;

/// <summary>
/// <see cref="Shared.ServiceResultValidation"/> for forms with nested objects and lists: a rule failure named
/// <c>Services[2].Price</c> or <c>Customer.Phone</c> lands on the field a
/// <c>&lt;ValidationMessage For="() =&gt; Input.Services[i].Price"&gt;</c> shows. A path that no longer resolves
/// shows at the top of the form rather than nowhere.
/// </summary>
public static class NestedFieldValidation
{
    public static void ShowNested(this ValidationMessageStore store, EditContext context, ServiceResult result)
    {
        store.Clear();
        foreach (var (field, message) in result.Errors)
            store.Add(Resolve(context.Model, field), message);
        context.NotifyValidationStateChanged();
    }

    public static FieldIdentifier Resolve(object model, string path)
    {
        if (string.IsNullOrEmpty(path)) return new FieldIdentifier(model, "");
        var segments = path.Split('.');
        object? owner = model;
        foreach (var segment in segments[..^1])
        {
            owner = Step(owner, segment);
            if (owner is null) return new FieldIdentifier(model, "");
        }
        return new FieldIdentifier(owner!, segments[^1]);
    }

    private static object? Step(object? owner, string segment)
    {
        if (owner is null) return null;
        var bracket = segment.IndexOf('[');
        var name = bracket < 0 ? segment : segment[..bracket];
        var value = owner.GetType().GetProperty(name)?.GetValue(owner);
        if (bracket < 0) return value;
        return int.TryParse(segment[(bracket + 1)..^1], out var index) && value is IList list && index >= 0 && index < list.Count
            ? list[index]
            : null;
    }
}
