namespace MotorTrace.Web.Endpoints;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Every endpoint that is not a page: fragments, form posts without a page, files.</summary>
    public static void MapMotorTraceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAccountEndpoints();
        app.MapNotificationEndpoints();
        app.MapAppointmentEndpoints();
    }
}
