using System.Text;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Network;
using MotorTrace.Data.Entities.Programmes;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Catalog;
using MudBlazor;

namespace MotorTrace.Web.Components.Shared;

/// <summary>
/// The one table of how every status, priority and action reads and which colour it wears, used by every chip,
/// calendar entry and legend in the app. Colour says how much a thing asks for attention: Warning waits for someone,
/// Error went wrong, Success is done, Info is under way, Primary is planned, Default is over or inactive.
/// </summary>
public static class StatusStyles
{
    public static Color Colour(Enum value) => value switch
    {
        AppointmentStatus s => s switch
        {
            AppointmentStatus.Pending => Color.Warning,
            AppointmentStatus.Confirmed => Color.Primary,
            AppointmentStatus.InProgress => Color.Info,
            AppointmentStatus.Completed => Color.Success,
            AppointmentStatus.NoShow => Color.Error,
            _ => Color.Default,
        },
        WorkOrderStatus s => s switch
        {
            WorkOrderStatus.Draft or WorkOrderStatus.Cancelled => Color.Default,
            WorkOrderStatus.Open or WorkOrderStatus.Approved => Color.Primary,
            WorkOrderStatus.Estimate or WorkOrderStatus.AwaitingApproval or WorkOrderStatus.WaitingForParts => Color.Warning,
            WorkOrderStatus.InProgress or WorkOrderStatus.QualityCheck => Color.Info,
            _ => Color.Success, // Completed, Invoiced, Closed
        },
        InvoiceStatus s => s switch
        {
            InvoiceStatus.Issued => Color.Primary,
            InvoiceStatus.PartiallyPaid => Color.Warning,
            InvoiceStatus.Paid => Color.Success,
            InvoiceStatus.Overdue => Color.Error,
            _ => Color.Default, // Draft, Void
        },
        PaymentStatus s => s switch
        {
            PaymentStatus.Unpaid => Color.Error,
            PaymentStatus.PartiallyPaid => Color.Warning,
            PaymentStatus.Paid => Color.Success,
            _ => Color.Default,
        },
        PaymentRecordStatus s => s switch
        {
            PaymentRecordStatus.Pending => Color.Warning,
            PaymentRecordStatus.Completed => Color.Success,
            PaymentRecordStatus.Failed => Color.Error,
            _ => Color.Default,
        },
        VehicleStatus s => s switch
        {
            VehicleStatus.Active => Color.Success,
            VehicleStatus.InService => Color.Info,
            _ => Color.Default,
        },
        RecommendationStatus s => s switch
        {
            RecommendationStatus.Pending => Color.Warning,
            RecommendationStatus.Scheduled => Color.Primary,
            RecommendationStatus.Completed => Color.Success,
            _ => Color.Default,
        },
        ServicePriority s => s switch
        {
            ServicePriority.Critical or ServicePriority.High => Color.Error,
            ServicePriority.Medium => Color.Warning,
            _ => Color.Default,
        },
        JobPriority or AppointmentPriority or NotificationPriority => value.ToString() switch
        {
            "Urgent" => Color.Error,
            "High" => Color.Warning,
            _ => Color.Default,
        },
        ServiceStatus s => s switch
        {
            ServiceStatus.InProgress => Color.Info,
            ServiceStatus.OnHold => Color.Error,
            ServiceStatus.Completed => Color.Success,
            ServiceStatus.Cancelled => Color.Default,
            _ => Color.Primary, // Pending: planned
        },
        WarrantyStatus s => s switch
        {
            WarrantyStatus.Pending => Color.Warning,
            WarrantyStatus.Approved => Color.Success,
            WarrantyStatus.Partial => Color.Info,
            WarrantyStatus.Rejected => Color.Error,
            _ => Color.Default,
        },
        SurveyStatus s => s switch
        {
            SurveyStatus.Draft => Color.Warning,
            SurveyStatus.Submitted => Color.Primary,
            SurveyStatus.Reviewed => Color.Info,
            _ => Color.Success,
        },
        DealerStatus s => s switch
        {
            DealerStatus.Active => Color.Success,
            DealerStatus.Suspended => Color.Error,
            _ => Color.Default,
        },
        AuditAction s => s switch
        {
            AuditAction.Insert => Color.Success,
            AuditAction.Delete => Color.Error,
            _ => Color.Primary,
        },
        Services.Admin.AccountStatus s => s switch
        {
            Services.Admin.AccountStatus.Active => Color.Success,
            Services.Admin.AccountStatus.Locked => Color.Warning,
            _ => Color.Default,
        },
        LoginAction s => s switch
        {
            LoginAction.SignedIn => Color.Success,
            LoginAction.SignInFailed or LoginAction.LockedOut => Color.Error,
            LoginAction.SessionRevoked => Color.Warning,
            _ => Color.Default,
        },
        CannedServiceStatus s => s switch
        {
            CannedServiceStatus.Bookable => Color.Success,
            CannedServiceStatus.NotBookable => Color.Warning,
            _ => Color.Default, // Archived
        },
        LaborStatus s => s == LaborStatus.Active ? Color.Success : Color.Default,
        Data.Entities.Inventory.StockTakeStatus s => s switch
        {
            Data.Entities.Inventory.StockTakeStatus.Counting => Color.Warning,
            Data.Entities.Inventory.StockTakeStatus.Posted => Color.Success,
            _ => Color.Default, // Cancelled
        },
        Services.WorkOrders.LineDecision s => s switch
        {
            Services.WorkOrders.LineDecision.Pending => Color.Warning,
            Services.WorkOrders.LineDecision.Approved => Color.Success,
            _ => Color.Default, // Declined
        },
        ApprovalDecision s => s switch
        {
            ApprovalDecision.Approved => Color.Success,
            ApprovalDecision.Reopened => Color.Warning,
            _ => Color.Default, // Declined
        },
        _ => Color.Default,
    };

    /// <summary>The words a person reads: "AwaitingApproval" is "Awaiting approval", with the few exceptions below.</summary>
    public static string Label(Enum value) => value switch
    {
        AppointmentStatus.NoShow => "No-show",
        AuditAction.Insert => "Created",
        AuditAction.Update => "Changed",
        AuditAction.Delete => "Deleted",
        LoginAction.SignInFailed => "Sign-in failed",
        LoginAction.PasswordResetRequested => "Password email sent",
        LoginAction.PasswordReset => "Password changed",
        PaymentMethod.Upi => "UPI",
        WorkOrderStatus s => Services.WorkOrders.WorkOrderFlow.Label(s),
        Services.WorkOrders.LineDecision.Pending => "Awaiting answer",
        ApprovalDecision.Reopened => "Re-opened",
        ApprovalMethod.Sms => "SMS",
        _ => Words(value.ToString()),
    };

    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            else text.Append(name[i]);
        }
        return text.ToString();
    }
}
