namespace MotorTrace.Web.Components.Shared;

/// <summary>Small inline htmx handlers shared by list pages.</summary>
public static class HtmxScripts
{
    /// <summary>
    /// For <c>hx-on--config-request</c> on a GET filter form: unset filters stay out of the request and the
    /// pushed address, as they stay out of the grid's own links.
    /// </summary>
    public const string DropEmptyParameters =
        "const p = event.detail.parameters; for (const name of Object.keys(p)) if (p[name] === '') delete p[name];";
}
