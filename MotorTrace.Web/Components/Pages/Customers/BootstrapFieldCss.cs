using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Components.Pages.Customers;

/// <summary>Marks fields with messages the Bootstrap way (<c>is-invalid</c>), so the red border sits on the field the message is about.</summary>
public sealed class BootstrapFieldCss : FieldCssClassProvider
{
    public static readonly BootstrapFieldCss Instance = new();

    public override string GetFieldCssClass(EditContext editContext, in FieldIdentifier fieldIdentifier) =>
        editContext.GetValidationMessages(fieldIdentifier).Any() ? "is-invalid" : "";
}
