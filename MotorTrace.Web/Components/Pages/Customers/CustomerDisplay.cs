using System.Globalization;
using System.Text;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Components.Pages.Customers;

/// <summary>How the customer pages word statuses and amounts, and which badge colour each status gets.</summary>
public static class CustomerDisplay
{
    /// <summary>"AwaitingApproval" → "Awaiting approval", "NoShow" → "No show".</summary>
    public static string Words(Enum value)
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else text.Append(name[i]);
        }
        return text.ToString();
    }

    public static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {amount:N2}");

    /// <summary>A Bootstrap "subtle" badge class for a status.</summary>
    public static string Badge(Enum status) => "badge bg-" + Tone(status) + "-subtle text-" + Tone(status) + "-emphasis border border-" + Tone(status) + "-subtle";

    private static string Tone(Enum status) => status switch
    {
        AppointmentStatus s => s switch
        {
            AppointmentStatus.Pending => "warning",
            AppointmentStatus.Confirmed => "primary",
            AppointmentStatus.InProgress => "info",
            AppointmentStatus.Completed => "success",
            AppointmentStatus.NoShow => "danger",
            _ => "secondary",
        },
        WorkOrderStatus s => s switch
        {
            WorkOrderStatus.Draft or WorkOrderStatus.Cancelled => "secondary",
            WorkOrderStatus.Estimate or WorkOrderStatus.AwaitingApproval or WorkOrderStatus.WaitingForParts => "warning",
            WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed => "success",
            _ => "primary",
        },
        InvoiceStatus s => s switch
        {
            InvoiceStatus.Issued => "primary",
            InvoiceStatus.PartiallyPaid => "warning",
            InvoiceStatus.Paid => "success",
            InvoiceStatus.Overdue => "danger",
            _ => "secondary",
        },
        PaymentRecordStatus s => s switch
        {
            PaymentRecordStatus.Completed => "success",
            PaymentRecordStatus.Pending => "warning",
            PaymentRecordStatus.Failed => "danger",
            _ => "secondary",
        },
        VehicleStatus s => s switch
        {
            VehicleStatus.Active => "success",
            VehicleStatus.InService => "info",
            _ => "secondary",
        },
        _ => "secondary",
    };
}
