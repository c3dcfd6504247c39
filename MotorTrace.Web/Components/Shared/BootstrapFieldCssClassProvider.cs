using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Components.Shared;

/// <summary>Bootstrap's <c>is-invalid</c> on inputs with a message, so the field turns red beside its message.</summary>
public sealed class BootstrapFieldCssClassProvider : FieldCssClassProvider
{
    public static readonly BootstrapFieldCssClassProvider Instance = new();

    public override string GetFieldCssClass(EditContext editContext, in FieldIdentifier fieldIdentifier) =>
        editContext.GetValidationMessages(fieldIdentifier).Any() ? "is-invalid" : "";
}
