using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Components.Pages.Vehicles;

public static class VehicleForms
{
    /// <summary>
    /// A form's edit context with the store for the service's rule messages. The store empties at every submit (the
    /// service speaks again after validation) and a field's message goes when that field changes, so a refused
    /// reading corrected by ticking a box can be submitted again.
    /// </summary>
    public static (EditContext Context, ValidationMessageStore Messages) For(object model)
    {
        var context = new EditContext(model);
        var messages = new ValidationMessageStore(context);
        context.OnValidationRequested += (_, _) => messages.Clear();
        context.OnFieldChanged += (_, e) => messages.Clear(e.FieldIdentifier);
        return (context, messages);
    }
}
