using MotorTrace.Data;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>
/// The one work-order state machine: pending → estimate sent → approved → in progress ↔ waiting for parts →
/// quality check → completed, and cancelled from any step before completion. Each step names the roles that may
/// take it; every change goes through <see cref="Apply"/>, which records it in the work order's history.
/// Invoiced and Closed belong to invoicing; Draft and Estimate are older data's names for pending.
/// </summary>
public static class WorkOrderFlow
{
    public sealed record Step(WorkOrderStatus From, WorkOrderStatus To, string Action, IReadOnlyList<string> Roles);

    private static readonly string[] Desk = [Roles.Admin, Roles.Manager, Roles.ServiceAdvisor];
    private static readonly string[] Workshop = [Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.Technician];
    private static readonly string[] Parts = [Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.Technician, Roles.InventoryManager];
    private static readonly string[] Inspectors = [Roles.Admin, Roles.Manager, Roles.ServiceAdvisor];

    private static readonly WorkOrderStatus[] Pending = [WorkOrderStatus.Draft, WorkOrderStatus.Open, WorkOrderStatus.Estimate];

    public static readonly IReadOnlyList<Step> Steps =
    [
        .. Pending.Select(s => new Step(s, WorkOrderStatus.AwaitingApproval, "Send estimate", Desk)),
        new(WorkOrderStatus.AwaitingApproval, WorkOrderStatus.Open, "Back to editing", Desk),
        new(WorkOrderStatus.AwaitingApproval, WorkOrderStatus.Approved, "Mark approved", Desk),
        new(WorkOrderStatus.Approved, WorkOrderStatus.Open, "Re-open estimate", Desk),
        new(WorkOrderStatus.Approved, WorkOrderStatus.InProgress, "Start work", Workshop),
        new(WorkOrderStatus.InProgress, WorkOrderStatus.WaitingForParts, "Waiting for parts", Parts),
        new(WorkOrderStatus.WaitingForParts, WorkOrderStatus.InProgress, "Parts arrived", Parts),
        new(WorkOrderStatus.InProgress, WorkOrderStatus.QualityCheck, "Ready for quality check", Workshop),
        new(WorkOrderStatus.QualityCheck, WorkOrderStatus.Completed, "Quality check passed", Inspectors),
        new(WorkOrderStatus.QualityCheck, WorkOrderStatus.InProgress, "Quality check failed", Inspectors),
        .. new[]
        {
            WorkOrderStatus.Draft, WorkOrderStatus.Open, WorkOrderStatus.Estimate, WorkOrderStatus.AwaitingApproval, WorkOrderStatus.Approved,
            WorkOrderStatus.InProgress, WorkOrderStatus.WaitingForParts, WorkOrderStatus.QualityCheck,
        }.Select(s => new Step(s, WorkOrderStatus.Cancelled, "Cancel work order", Desk)),
    ];

    /// <summary>
    /// The invoicing step, Completed → Invoiced. It is not among <see cref="Steps"/> (no status button takes it): finalising
    /// the customer's invoice takes it (Services/Finance/InvoiceService), and voiding that invoice takes it back.
    /// </summary>
    public static readonly Step Invoicing = new(WorkOrderStatus.Completed, WorkOrderStatus.Invoiced, "Finalise the invoice", Desk);

    /// <summary>The steps these roles may take from <paramref name="from"/>, for the page's buttons.</summary>
    public static IReadOnlyList<Step> Next(WorkOrderStatus from, IEnumerable<string> roles)
    {
        var mine = roles.ToHashSet();
        return [.. Steps.Where(s => s.From == from && s.Roles.Any(mine.Contains))];
    }

    /// <summary>Why the step cannot be taken, in the user's words, or null when it can.</summary>
    public static string? WhyNot(WorkOrderStatus from, WorkOrderStatus to, IEnumerable<string> roles)
    {
        var step = Steps.FirstOrDefault(s => s.From == from && s.To == to);
        if (step is null)
            return from == to ? $"The work order is already {Label(to).ToLowerInvariant()}."
                : $"A work order that is {Label(from).ToLowerInvariant()} cannot become {Label(to).ToLowerInvariant()}"
                  + (Next(from, Roles.Staff).Count == 0 ? "." : $"; from here it can go to {string.Join(", ", Steps.Where(s => s.From == from).Select(s => Label(s.To).ToLowerInvariant()).Distinct())}.");
        var mine = roles.ToHashSet();
        return step.Roles.Any(mine.Contains) ? null
            : $"\"{step.Action}\" is for {string.Join(", ", step.Roles.Where(r => r != Roles.Admin).Select(RoleLabel))}.";
    }

    /// <summary>Moves the work order to <paramref name="to"/> and records the step (who, when, why) in its history.</summary>
    public static void Apply(MotorTraceDbContext db, WorkOrder workOrder, WorkOrderStatus to, string? note, DateTime now, Guid? changedBy)
    {
        db.WorkOrderStatusChanges.Add(new WorkOrderStatusChange
        {
            DealerId = workOrder.DealerId,
            WorkOrderId = workOrder.Id,
            FromStatus = workOrder.Status,
            ToStatus = to,
            ChangedById = changedBy,
            ChangedAt = now,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        workOrder.Status = to;
        workOrder.WorkflowStep = StepOf(to);
        if (to == WorkOrderStatus.Completed) workOrder.ClosedAt ??= now;
    }

    /// <summary>The header and lines can change until the work order is invoiced (or cancelled).</summary>
    public static bool IsEditable(WorkOrderStatus status) =>
        status is not (WorkOrderStatus.Invoiced or WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);

    /// <summary>Still in the workshop: on the board, in a technician's queue, counted as open.</summary>
    public static bool IsOpen(WorkOrderStatus status) =>
        status is not (WorkOrderStatus.Completed or WorkOrderStatus.Invoiced or WorkOrderStatus.Closed or WorkOrderStatus.Cancelled);

    public static WorkflowStep StepOf(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Estimate => WorkflowStep.Estimate,
        WorkOrderStatus.AwaitingApproval => WorkflowStep.Approval,
        WorkOrderStatus.Approved or WorkOrderStatus.InProgress or WorkOrderStatus.WaitingForParts => WorkflowStep.Work,
        WorkOrderStatus.QualityCheck => WorkflowStep.QualityCheck,
        WorkOrderStatus.Completed or WorkOrderStatus.Invoiced => WorkflowStep.Invoice,
        WorkOrderStatus.Closed => WorkflowStep.Delivered,
        _ => WorkflowStep.Received,
    };

    public static string Label(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Draft or WorkOrderStatus.Open => "Pending",
        WorkOrderStatus.Estimate => "Estimate",
        WorkOrderStatus.AwaitingApproval => "Estimate sent",
        WorkOrderStatus.InProgress => "In progress",
        WorkOrderStatus.WaitingForParts => "Waiting for parts",
        WorkOrderStatus.QualityCheck => "Quality check",
        _ => status.ToString(),
    };

    private static string RoleLabel(string role) => role switch
    {
        Roles.ServiceAdvisor => "service advisors",
        Roles.InventoryManager => "inventory managers",
        Roles.WarrantyManager => "warranty managers",
        Roles.Manager => "managers",
        Roles.Technician => "technicians",
        _ => role,
    };
}
