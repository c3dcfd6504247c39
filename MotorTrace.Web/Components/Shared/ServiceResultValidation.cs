using Microsoft.AspNetCore.Components.Forms;
using MotorTrace.Web.Services;

namespace MotorTrace.Web.Components.Shared;

public static class ServiceResultValidation
{
    /// <summary>Puts a service's business-rule failures next to the form fields they name.</summary>
    public static void Show(this ValidationMessageStore store, EditContext context, ServiceResult result)
    {
        store.Clear();
        foreach (var (field, message) in result.Errors)
            store.Add(string.IsNullOrEmpty(field) ? new FieldIdentifier(context.Model, "") : context.Field(field), message);
        context.NotifyValidationStateChanged();
    }
}
