using Microsoft.AspNetCore.Authorization;
using MotorTrace.Data.Entities.Identity;
using MotorTrace.Data.Entities.Network;

namespace MotorTrace.Web.Services.Authorization;

/// <summary>Every authorization policy of MotorTrace, registered in one place.</summary>
public static class Policies
{
    /// <summary>Any member of staff (not customers).</summary>
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    /// <summary>Read customers and vehicles: the front desk, managers, warranty.</summary>
    public const string CustomersRead = "CustomersRead";

    /// <summary>Create and edit customers, vehicles, mileage, expenses, recommendations.</summary>
    public const string CustomersWrite = "CustomersWrite";

    /// <summary>Read the canned-service menu and labor catalogue (every member of staff).</summary>
    public const string CatalogRead = "CatalogRead";

    /// <summary>Edit the catalogue: the dealer's managers.</summary>
    public const string CatalogEdit = "CatalogEdit";

    /// <summary>See the appointment calendar (technicians see who is booked on them).</summary>
    public const string AppointmentsRead = "AppointmentsRead";

    /// <summary>Book, change and check in appointments.</summary>
    public const string AppointmentsWrite = "AppointmentsWrite";

    /// <summary>Manager decisions at the front desk: capacity overrides, odometer corrections, dealer settings.</summary>
    public const string DealerManagement = "DealerManagement";

    /// <summary>Open a work order record.</summary>
    public const string WorkOrdersRead = "WorkOrdersRead";

    /// <summary>Open work orders and change their header, lines, approvals and status: the front desk and managers.</summary>
    public const string WorkOrdersWrite = "WorkOrdersWrite";

    /// <summary>The technician's tablet: own jobs, clocking, inspections (managers see every technician's).</summary>
    public const string Workshop = "Workshop";

    /// <summary>See parts, stock, the ledger, receipts, the reorder list and stock-takes (advisors look stock up).</summary>
    public const string InventoryRead = "InventoryRead";

    /// <summary>Change parts and stock: receive, adjust, count and post stock-takes.</summary>
    public const string InventoryWrite = "InventoryWrite";

    /// <summary>See invoices, payments, receivables and their PDFs.</summary>
    public const string FinanceRead = "FinanceRead";

    /// <summary>Draft and finalise invoices, take payments and refunds (voids and credit notes also need a Manager, checked by the service).</summary>
    public const string FinanceWrite = "FinanceWrite";

    /// <summary>The customer portal: a signed-in customer, who sees only their own records (checked by each service).</summary>
    public const string Portal = "Portal";

    /// <summary>Manager reports (<c>/reports</c>): anyone who may open at least one report; each report checks its own roles.</summary>
    public const string Reports = "Reports";

    /// <summary>A dealer-programme module action, e.g. <c>module:DealerPcc:Approve</c>.</summary>
    public static string Module(ProgrammeModule module, ModuleAction action) => $"module:{module}:{action}";

    public static IServiceCollection AddMotorTraceAuthorization(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ModulePermissionHandler>();
        services.AddScoped<ModulePermissionService>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(CustomersRead, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.WarrantyManager))
            .AddPolicy(CustomersWrite, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor))
            .AddPolicy(CatalogRead, p => p.RequireRole(Roles.Staff))
            .AddPolicy(CatalogEdit, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(AppointmentsRead, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.Technician, Roles.WarrantyManager))
            .AddPolicy(AppointmentsWrite, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor))
            .AddPolicy(DealerManagement, p => p.RequireRole(Roles.Admin, Roles.Manager))
            .AddPolicy(WorkOrdersRead, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.Technician, Roles.WarrantyManager, Roles.InventoryManager))
            .AddPolicy(WorkOrdersWrite, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor))
            .AddPolicy(Workshop, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.Technician))
            .AddPolicy(InventoryRead, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.InventoryManager, Roles.ServiceAdvisor))
            .AddPolicy(InventoryWrite, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.InventoryManager))
            .AddPolicy(FinanceRead, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor, Roles.WarrantyManager))
            .AddPolicy(FinanceWrite, p => p.RequireRole(Roles.Admin, Roles.Manager, Roles.ServiceAdvisor))
            .AddPolicy(Portal, p => p.RequireRole(Roles.Customer))
            .AddPolicy(Reports, p => p.RequireRole(Services.Reports.ReportCatalog.AnyReportRoles));
        services.Configure<AuthorizationOptions>(options =>
        {
            foreach (var module in Enum.GetValues<ProgrammeModule>())
                foreach (var action in Enum.GetValues<ModuleAction>())
                    options.AddPolicy(Module(module, action), p => p
                        .RequireRole(Roles.Staff)
                        .AddRequirements(new ModulePermissionRequirement(module, action)));
        });
        return services;
    }
}
