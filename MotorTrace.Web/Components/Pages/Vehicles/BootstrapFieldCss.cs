using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Components.Pages.Vehicles;

/// <summary>Marks fields with messages the Bootstrap way (<c>is-invalid</c>), so the red border sits on the field at fault.</summary>
public sealed class BootstrapFieldCss : FieldCssClassProvider
{
    public static readonly BootstrapFieldCss Instance = new();

    public override string GetFieldCssClass(EditContext editContext, in FieldIdentifier fieldIdentifier) =>
        editContext.GetValidationMessages(fieldIdentifier).Any() ? "is-invalid" : "";

    /// <summary>A form's edit context with its message store, styled for Bootstrap.</summary>
    public static (EditContext Context, ValidationMessageStore Messages) For(object model)
    {
        var context = new EditContext(model);
        context.SetFieldCssClassProvider(Instance);
        return (context, new ValidationMessageStore(context));
    }
}
