using Microsoft.Playwright;

namespace MotorTrace.Tests.E2E.Pages;

/// <summary>/appointments/{id}: the booking, its status and the front desk's actions.</summary>
public sealed class AppointmentPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Status => page.GetByTestId("appointment-status");
    public ILocator Notice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Appointment" });
    public ILocator CheckIn => page.GetByRole(AriaRole.Link, new() { Name = "Check in", Exact = true });

    /// <summary>Why the car cannot be checked in yet (before the day, already checked in, cancelled).</summary>
    public ILocator CheckInBlocked => page.GetByTestId("check-in-blocked");
}
