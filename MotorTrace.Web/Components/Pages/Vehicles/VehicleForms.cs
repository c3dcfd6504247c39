using Microsoft.AspNetCore.Components.Forms;
using MotorTrace.Web.Components.Shared;

namespace MotorTrace.Web.Components.Pages.Vehicles;

public static class VehicleForms
{
    /// <summary>A form's edit context, styled for Bootstrap, with the store for the service's rule messages.</summary>
    public static (EditContext Context, ValidationMessageStore Messages) For(object model)
    {
        var context = new EditContext(model);
        context.SetFieldCssClassProvider(BootstrapFieldCssClassProvider.Instance);
        return (context, new ValidationMessageStore(context));
    }
}
