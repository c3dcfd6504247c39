using Microsoft.EntityFrameworkCore;
using MotorTrace.Data.Entities.Appointments;
using MotorTrace.Data.Entities.Catalog;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Data.Entities.Customers;
using MotorTrace.Data.Entities.Finance;
using MotorTrace.Data.Entities.Inventory;
using MotorTrace.Data.Entities.Programmes;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;

namespace MotorTrace.Data;

/// <summary>The workshop and dealer-programme tables (seed 000 and the programme half of seed 003).</summary>
public partial class MotorTraceDbContext
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    public DbSet<VehicleProfile> VehicleProfiles => Set<VehicleProfile>();
    public DbSet<VehicleMileage> VehicleMileages => Set<VehicleMileage>();
    public DbSet<MileageEntry> MileageEntries => Set<MileageEntry>();
    public DbSet<VehicleServiceHistory> VehicleServiceHistories => Set<VehicleServiceHistory>();
    public DbSet<ServiceRecommendation> ServiceRecommendations => Set<ServiceRecommendation>();
    public DbSet<CarExpense> CarExpenses => Set<CarExpense>();
    public DbSet<ServiceRule> ServiceRules => Set<ServiceRule>();

    public DbSet<CannedService> CannedServices => Set<CannedService>();
    public DbSet<CannedServiceLabor> CannedServiceLabor => Set<CannedServiceLabor>();
    public DbSet<CannedServicePartsCategory> CannedServicePartsCategories => Set<CannedServicePartsCategory>();
    public DbSet<LaborCatalog> LaborCatalog => Set<LaborCatalog>();

    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentCannedService> AppointmentCannedServices => Set<AppointmentCannedService>();

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<WorkOrderService> WorkOrderServices => Set<WorkOrderService>();
    public DbSet<WorkOrderPart> WorkOrderParts => Set<WorkOrderPart>();
    public DbSet<WorkOrderLabor> WorkOrderLabor => Set<WorkOrderLabor>();
    public DbSet<WorkOrderInspection> WorkOrderInspections => Set<WorkOrderInspection>();
    public DbSet<WorkOrderInspectionItem> WorkOrderInspectionItems => Set<WorkOrderInspectionItem>();
    public DbSet<WorkOrderTyreCheck> WorkOrderTyreChecks => Set<WorkOrderTyreCheck>();
    public DbSet<WorkOrderInspectionAttachment> WorkOrderInspectionAttachments => Set<WorkOrderInspectionAttachment>();
    public DbSet<WorkOrderQc> WorkOrderQcs => Set<WorkOrderQc>();
    public DbSet<WorkOrderAttachment> WorkOrderAttachments => Set<WorkOrderAttachment>();
    public DbSet<WorkOrderLineApproval> WorkOrderLineApprovals => Set<WorkOrderLineApproval>();
    public DbSet<WorkOrderStatusChange> WorkOrderStatusChanges => Set<WorkOrderStatusChange>();
    public DbSet<LaborClockEvent> LaborClockEvents => Set<LaborClockEvent>();
    public DbSet<InspectionTemplate> InspectionTemplates => Set<InspectionTemplate>();
    public DbSet<InspectionTemplateItem> InspectionTemplateItems => Set<InspectionTemplateItem>();
    public DbSet<ProcessedRequest> ProcessedRequests => Set<ProcessedRequest>();

    public DbSet<InventoryCategory> InventoryCategories => Set<InventoryCategory>();
    public DbSet<InventoryItem> InventoryItems => Set<InventoryItem>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<StockReceipt> StockReceipts => Set<StockReceipt>();
    public DbSet<StockReceiptLine> StockReceiptLines => Set<StockReceiptLine>();
    public DbSet<StockTake> StockTakes => Set<StockTake>();
    public DbSet<StockTakeLine> StockTakeLines => Set<StockTakeLine>();

    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceLineItem> InvoiceLineItems => Set<InvoiceLineItem>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<PaymentRefund> PaymentRefunds => Set<PaymentRefund>();

    public DbSet<DealerPccApplication> DealerPccApplications => Set<DealerPccApplication>();
    public DbSet<ApiRegistration> ApiRegistrations => Set<ApiRegistration>();
    public DbSet<MtMeetRegistration> MtMeetRegistrations => Set<MtMeetRegistration>();
    public DbSet<Survey> Surveys => Set<Survey>();
}
