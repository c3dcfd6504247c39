using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.WorkOrders;
using WorkOrderServiceLine = MotorTrace.Data.Entities.WorkOrders.WorkOrderService;

namespace MotorTrace.Web.Services.WorkOrders;

/// <summary>What adding a canned service or labour operation put on the estimate.</summary>
public sealed record AddedLines(WorkOrderServiceLine Service, IReadOnlyList<WorkOrderPart> Parts, IReadOnlyList<string> CategoriesWithoutStock);

/// <summary>
/// Builds priced estimate lines from the catalogue, the one way the advisor's page and an inspection finding do it:
/// a canned service brings its price, its labour steps (book minutes, in order) and a proposed part at the current
/// sell price for each required parts category (the active stocked item with the most units on hand); a labour
/// operation becomes a service line priced at its book time × rate with that one labour step.
/// The lines are added to <paramref name="db"/>; the caller saves, recomputes the totals and records the change.
/// </summary>
public static class WorkOrderLines
{
    public static async Task<AddedLines?> AddCannedServiceAsync(MotorTraceDbContext db, WorkOrder workOrder, Guid cannedServiceId, Guid? inspectionItemId = null)
    {
        var canned = await db.CannedServices.AsNoTracking()
            .Where(c => c.Id == cannedServiceId && !c.IsArchived)
            .Select(c => new
            {
                c.Id, c.Name, c.Price,
                Labor = c.Labor.OrderBy(l => l.Sequence).Select(l => new { l.LaborCatalogId, l.LaborCatalog.Name, l.EstimatedMinutes }).ToList(),
                Categories = c.PartsCategories.Where(p => p.IsRequired).Select(p => new { p.CategoryId, p.Category.Name }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (canned is null) return null;

        var service = NewService(workOrder, canned.Name, canned.Price, inspectionItemId);
        service.CannedServiceId = canned.Id;
        foreach (var step in canned.Labor)
            service.Labor.Add(NewLabor(workOrder, service, step.LaborCatalogId, step.Name, step.EstimatedMinutes));

        var parts = new List<WorkOrderPart>();
        var missing = new List<string>();
        foreach (var category in canned.Categories)
        {
            var item = await db.InventoryItems.AsNoTracking()
                .Where(i => i.CategoryId == category.CategoryId && i.IsActive)
                .OrderByDescending(i => i.Quantity).ThenBy(i => i.Name)
                .Select(i => new { i.Id, i.Name, i.PartNumber, i.UnitPrice, i.Quantity }).FirstOrDefaultAsync();
            if (item is null || item.Quantity == 0)
            {
                missing.Add(category.Name);
                if (item is null) continue;
            }
            var part = new WorkOrderPart
            {
                DealerId = workOrder.DealerId,
                WorkOrderId = workOrder.Id,
                Service = service,
                InventoryItemId = item.Id,
                Description = item.PartNumber is null ? item.Name : $"{item.Name} ({item.PartNumber})",
                Quantity = 1,
                UnitPrice = item.UnitPrice,
                Subtotal = WorkOrderTotals.Round(item.UnitPrice),
                Source = PartSource.Inventory,
            };
            parts.Add(part);
            db.WorkOrderParts.Add(part);
        }
        db.WorkOrderServices.Add(service);
        return new AddedLines(service, parts, missing);
    }

    public static async Task<AddedLines?> AddLaborOperationAsync(MotorTraceDbContext db, WorkOrder workOrder, Guid laborCatalogId, Guid? inspectionItemId = null)
    {
        var labor = await db.LaborCatalog.AsNoTracking().Where(l => l.Id == laborCatalogId && l.IsActive)
            .Select(l => new { l.Id, l.Name, l.EstimatedMinutes, l.Rate }).FirstOrDefaultAsync();
        if (labor is null) return null;
        var service = NewService(workOrder, labor.Name, LaborPrice(labor.EstimatedMinutes, labor.Rate), inspectionItemId);
        service.Labor.Add(NewLabor(workOrder, service, labor.Id, labor.Name, labor.EstimatedMinutes));
        db.WorkOrderServices.Add(service);
        return new AddedLines(service, [], []);
    }

    /// <summary>Book minutes at the hourly rate, to the cent.</summary>
    public static decimal LaborPrice(int minutes, decimal hourlyRate) => WorkOrderTotals.Round(minutes * hourlyRate / 60m);

    private static WorkOrderServiceLine NewService(WorkOrder workOrder, string description, decimal price, Guid? inspectionItemId) => new()
    {
        DealerId = workOrder.DealerId,
        WorkOrderId = workOrder.Id,
        Description = description,
        Quantity = 1,
        UnitPrice = price,
        Subtotal = WorkOrderTotals.Round(price),
        InspectionItemId = inspectionItemId,
        Payer = workOrder.JobType is JobType.Warranty or JobType.Recall ? LinePayer.Warranty : LinePayer.Customer,
    };

    private static WorkOrderLabor NewLabor(WorkOrder workOrder, WorkOrderServiceLine service, Guid laborCatalogId, string name, int minutes) => new()
    {
        DealerId = workOrder.DealerId,
        WorkOrderId = workOrder.Id,
        Service = service,
        LaborCatalogId = laborCatalogId,
        Description = name,
        EstimatedMinutes = minutes,
    };
}
