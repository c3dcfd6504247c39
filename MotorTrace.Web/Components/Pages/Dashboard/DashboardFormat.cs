using System.Globalization;
using System.Text;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Programmes;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Components.Pages.Dashboard;

/// <summary>How the dashboards write money, statuses and their colours, so every card says them the same way.</summary>
public static class DashboardFormat
{
    // Indian digit grouping and the rupee sign (₹1,23,456): the network's currency is INR.
    private static readonly CultureInfo Rupees = CultureInfo.GetCultureInfo("en-IN");

    public static string Money(decimal amount) => amount.ToString("C0", Rupees);

    public static string MoneyExact(decimal amount) => amount.ToString("C2", Rupees);

    public static string Number(int value) => value.ToString("N0", Rupees);

    /// <summary>"AwaitingApproval" becomes "Awaiting approval".</summary>
    public static string Label<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        if (name == nameof(AppointmentStatus.NoShow)) return "No-show";
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else text.Append(name[i]);
        }
        return text.ToString();
    }

    /// <summary>Colour by how much attention the status needs: yellow waits on someone, red is stuck, green is done.</summary>
    public static string BadgeClass(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Draft => "text-bg-secondary",
        WorkOrderStatus.Open => "text-bg-light border",
        WorkOrderStatus.Estimate => "text-bg-info",
        WorkOrderStatus.AwaitingApproval => "text-bg-warning",
        WorkOrderStatus.Approved => "text-bg-primary",
        WorkOrderStatus.InProgress => "text-bg-primary",
        WorkOrderStatus.WaitingForParts => "text-bg-danger",
        WorkOrderStatus.QualityCheck => "text-bg-info",
        WorkOrderStatus.Completed => "text-bg-success",
        WorkOrderStatus.Invoiced => "text-bg-success",
        WorkOrderStatus.Closed => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    public static string BadgeClass(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Pending => "text-bg-warning",
        AppointmentStatus.Confirmed => "text-bg-primary",
        AppointmentStatus.InProgress => "text-bg-info",
        AppointmentStatus.Completed => "text-bg-success",
        AppointmentStatus.NoShow => "text-bg-danger",
        _ => "text-bg-secondary",
    };

    public static string BadgeClass(ServiceStatus status) => status switch
    {
        ServiceStatus.InProgress => "text-bg-primary",
        ServiceStatus.OnHold => "text-bg-danger",
        ServiceStatus.Completed => "text-bg-success",
        ServiceStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    public static string BadgeClass(WarrantyStatus status) => status switch
    {
        WarrantyStatus.Pending => "text-bg-warning",
        WarrantyStatus.Approved => "text-bg-success",
        WarrantyStatus.Partial => "text-bg-info",
        WarrantyStatus.Rejected => "text-bg-danger",
        _ => "text-bg-light border",
    };

    public static string BadgeClass(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "text-bg-warning",
        SurveyStatus.Submitted => "text-bg-primary",
        SurveyStatus.Reviewed => "text-bg-info",
        _ => "text-bg-success",
    };

    public static string BadgeClass(DealerStatus status) => status switch
    {
        DealerStatus.Active => "text-bg-success",
        DealerStatus.Suspended => "text-bg-danger",
        _ => "text-bg-secondary",
    };
}
