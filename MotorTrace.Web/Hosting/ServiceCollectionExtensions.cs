using MotorTrace.Web.Services.Admin;
using MotorTrace.Web.Services.Email;
using MotorTrace.Web.Services.Identity;
using MotorTrace.Web.Services.Notifications;

namespace MotorTrace.Web.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Every MotorTrace feature service, registered in one place.</summary>
    public static IServiceCollection AddMotorTraceServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<EmailSender>();
        services.AddScoped<SessionService>();
        services.AddScoped<AccountService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<Services.DealerContext>();
        services.AddScoped<Endpoints.ExportContext>();
        services.AddSingleton<Services.LiveUpdates>();
        services.AddScoped<Components.Layout.ThemePreference>();
        services.AddScoped<Services.Customers.CustomerService>();
        services.AddScoped<Services.Customers.CustomerPortalService>();
        services.AddScoped<Services.Vehicles.VehicleService>();
        services.AddScoped<Services.Vehicles.VehicleListService>();
        services.AddScoped<Services.Vehicles.VehicleProfileService>();
        services.AddScoped<Services.Vehicles.VehicleMileageService>();
        services.AddScoped<Services.Vehicles.VehicleHistoryService>();
        services.AddScoped<Services.Vehicles.VehicleExpenseService>();
        services.AddScoped<Services.Vehicles.VehicleRecommendationService>();
        services.AddScoped<Services.Vehicles.VehicleTransferService>();
        services.AddScoped<Services.Settings.DealerSettingsService>();
        services.AddScoped<Services.Appointments.BookingRules>();
        services.AddScoped<Services.Appointments.AppointmentService>();
        services.AddScoped<Services.Appointments.AppointmentCalendarService>();
        services.AddScoped<Services.Numbering.NumberingService>();
        services.AddScoped<Services.WorkOrders.WorkOrderService>();
        services.AddScoped<Services.WorkOrders.WorkOrderListService>();
        services.AddScoped<Services.WorkOrders.WorkOrderHeaderService>();
        services.AddScoped<Services.WorkOrders.WorkOrderStatusService>();
        services.AddScoped<Services.WorkOrders.WorkOrderEstimateService>();
        services.AddScoped<Services.Documents.DocumentService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<DealerAdminService>();
        services.AddScoped<SessionAdminService>();
        services.AddScoped<AuditService>();
        services.AddScoped<ModulePermissionAdmin>();
        services.AddScoped<Services.Catalog.CatalogService>();
        services.AddScoped<Services.Catalog.LaborCatalogService>();
        services.AddScoped<Services.Dashboard.DashboardService>();
        services.AddScoped<Services.Reports.ReportService>();
        services.AddScoped<Services.Inventory.InventoryService>();
        services.AddScoped<Services.Inventory.ReceivingService>();
        services.AddScoped<Services.Inventory.ReorderService>();
        services.AddScoped<Services.Inventory.ValuationService>();
        services.AddScoped<Services.Inventory.StockTakeService>();
        services.AddSingleton<Services.Files.AttachmentStore>();
        services.AddScoped<Services.Files.WorkOrderAttachmentService>();
        services.AddScoped<Services.Workshop.WorkshopService>();
        services.AddScoped<Services.Workshop.ClockService>();
        services.AddScoped<Services.Workshop.InspectionService>();
        services.AddScoped<Services.Workshop.InspectionTemplateService>();
        services.AddScoped<Services.Finance.InvoiceService>();
        services.AddScoped<Services.Finance.InvoiceListService>();
        services.AddScoped<Services.Finance.PaymentService>();
        services.AddScoped<Services.Finance.PaymentListService>();
        return services;
    }
}
