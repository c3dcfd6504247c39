using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Data.Entities.WorkOrders;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>A service done elsewhere, as the customer tells the desk about it.</summary>
public sealed class ExternalServiceForm
{
    [Required(ErrorMessage = "Enter the date of the service.")]
    /// <summary>The day (a date picker's value; its time is ignored).</summary>
    public DateTime? ServiceDate { get; set; }

    [Required(ErrorMessage = "Choose or type the kind of service.")]
    [StringLength(100, ErrorMessage = "Keep the kind of service under 100 characters.")]
    public string? ServiceType { get; set; }

    [Required(ErrorMessage = "Describe the service, e.g. “Front brake pads replaced”.")]
    [StringLength(200, ErrorMessage = "Keep the description under 200 characters.")]
    public string? ServiceName { get; set; }

    [Range(0, 2_000_000, ErrorMessage = "Enter the odometer reading in km (0 to 2,000,000).")]
    public int? Mileage { get; set; }

    [Required(ErrorMessage = "Enter the workshop that did it.")]
    [StringLength(200, ErrorMessage = "Keep the workshop's name under 200 characters.")]
    public string? Provider { get; set; }

    [Range(typeof(decimal), "0", "10000000", ErrorMessage = "Enter the cost as a positive amount.")]
    public decimal? Cost { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }
}

/// <summary>One line of a vehicle's service history: a recorded service, or a finished work order that has no record yet.</summary>
public sealed record ServiceHistoryRow(
    Guid? HistoryId, Guid? WorkOrderId, string? WorkOrderNumber, DateOnly Date, string ServiceType, string ServiceName,
    int? Mileage, string? Provider, decimal? Cost, string? Notes)
{
    /// <summary>Entered by hand for work done at another workshop (it may be deleted again).</summary>
    public bool IsExternal => WorkOrderId is null;
}

/// <summary>
/// The service history of a vehicle: <see cref="VehicleServiceHistory"/> rows (written when a work order closes, or
/// entered for work done elsewhere) plus the finished work orders that have no history row yet. A work order with
/// history rows appears only through them, so nothing is counted twice.
/// </summary>
public sealed class VehicleHistoryService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext zone)
{
    /// <summary>Work orders whose work is done; earlier statuses are visits in progress, not history.</summary>
    public static readonly WorkOrderStatus[] Finished = [WorkOrderStatus.Completed, WorkOrderStatus.Invoiced, WorkOrderStatus.Closed];

    public static readonly IReadOnlyList<string> ServiceTypes =
        ["Periodic maintenance", "Oil change", "Brakes", "Tyres", "Battery", "Air conditioning", "Inspection", "Repair", "Body work", "Other"];

    public static readonly GridSortMap<ServiceHistoryRow> Sorts = CreateSorts();

    private static GridSortMap<ServiceHistoryRow> CreateSorts()
    {
        // The rows are merged in memory (see ListAsync), so any column may sort, money included.
        var sorts = new GridSortMap<ServiceHistoryRow>("date", SortOrder.Desc);
        sorts.Add("date", r => r.Date);
        sorts.Add("mileage", r => r.Mileage);
        sorts.Add("type", r => r.ServiceType);
        sorts.Add("provider", r => r.Provider);
        sorts.Add("cost", r => r.Cost);
        sorts.ThenBy(r => r.WorkOrderNumber).ThenBy(r => r.ServiceName);
        return sorts;
    }

    /// <summary>
    /// The whole history of one vehicle is short (a few visits a year), so both sources are read in full and merged,
    /// searched and paged in memory; two queries whatever the page.
    /// </summary>
    public async Task<GridResult<ServiceHistoryRow>> ListAsync(Guid vehicleId, GridQuery query, CancellationToken cancellationToken = default)
    {
        await zone.LoadAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recorded = await db.VehicleServiceHistories.AsNoTracking().Where(h => h.VehicleId == vehicleId)
            .Select(h => new ServiceHistoryRow(h.Id, h.WorkOrderId, h.WorkOrder != null ? h.WorkOrder.WorkOrderNumber : null, h.ServiceDate,
                h.ServiceType, h.ServiceName, h.ServiceMileage, h.Provider, h.Cost, h.Notes))
            .ToListAsync();
        var unrecorded = await db.WorkOrders.AsNoTracking()
            .Where(w => w.VehicleId == vehicleId && Finished.Contains(w.Status) && !db.VehicleServiceHistories.Any(h => h.WorkOrderId == w.Id))
            .Select(w => new
            {
                w.Id,
                w.WorkOrderNumber,
                w.JobType,
                Done = w.ClosedAt ?? w.FinalizedAt ?? w.UpdatedAt,
                w.OdometerReading,
                w.TotalAmount,
                w.Complaint,
                Dealer = db.Dealers.Where(d => d.Id == w.DealerId).Select(d => d.Name).FirstOrDefault(),
                Services = w.Services.Where(s => !s.CustomerRejected && s.Status != ServiceStatus.Cancelled).OrderBy(s => s.CreatedAt).Select(s => s.Description).ToList(),
            })
            .ToListAsync();

        var rows = recorded.Concat(unrecorded.Select(w => new ServiceHistoryRow(null, w.Id, w.WorkOrderNumber,
            DateOnly.FromDateTime(zone.ToLocal(w.Done)), VehicleDisplay.Humanize(w.JobType),
            w.Services.Count > 0 ? string.Join("; ", w.Services) : w.Complaint ?? $"Work order {w.WorkOrderNumber}",
            w.OdometerReading, w.Dealer, w.TotalAmount, null)));
        if (query.Search is { } search)
            rows = rows.Where(r => Contains(r.ServiceName, search) || Contains(r.ServiceType, search) || Contains(r.Provider, search)
                || Contains(r.WorkOrderNumber, search) || Contains(r.Notes, search));
        return await rows.AsQueryable().ToGridResultAsync(query, Sorts);
    }

    private static bool Contains(string? text, string term) => text?.Contains(term, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Records a service done at another workshop.</summary>
    public async Task<ServiceResult> AddExternalAsync(Guid vehicleId, ExternalServiceForm form)
    {
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        await zone.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.DealerOfVehicleAsync(vehicleId) is not { } dealerId) return VehicleLookup.Gone;
        var errors = new List<(string, string)>();
        if (form.ServiceDate is not { } day) errors.Add((nameof(form.ServiceDate), "Enter the date of the service."));
        else if (DateOnly.FromDateTime(day) > zone.Today) errors.Add((nameof(form.ServiceDate), "The date cannot be in the future."));
        if (string.IsNullOrWhiteSpace(form.ServiceType)) errors.Add((nameof(form.ServiceType), "Choose or type the kind of service."));
        if (string.IsNullOrWhiteSpace(form.ServiceName)) errors.Add((nameof(form.ServiceName), "Describe the service."));
        if (string.IsNullOrWhiteSpace(form.Provider)) errors.Add((nameof(form.Provider), "Enter the workshop that did it."));
        if (form.Cost is < 0) errors.Add((nameof(form.Cost), "Enter the cost as a positive amount."));
        if (errors.Count > 0) return new ServiceResult { Errors = errors };

        db.VehicleServiceHistories.Add(new VehicleServiceHistory
        {
            DealerId = dealerId,
            VehicleId = vehicleId,
            ServiceDate = DateOnly.FromDateTime(form.ServiceDate!.Value),
            ServiceType = form.ServiceType!.Trim(),
            ServiceName = form.ServiceName!.Trim(),
            ServiceMileage = form.Mileage,
            Provider = form.Provider!.Trim(),
            Cost = form.Cost is { } cost ? Math.Round(cost, 2) : null,
            Notes = form.Notes.TrimToNull(),
        });
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    /// <summary>
    /// Deletes a hand-entered service. Rows written from a work order are the workshop's record and stay.
    /// Null when the vehicle or the row is not found (404).
    /// </summary>
    public async Task<bool?> DeleteExternalAsync(Guid vehicleId, Guid historyId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var row = await db.VehicleServiceHistories.FirstOrDefaultAsync(h => h.Id == historyId && h.VehicleId == vehicleId);
        if (row is null) return null;
        if (row.WorkOrderId is not null) return false;
        db.VehicleServiceHistories.Remove(row);
        await db.SaveChangesAsync();
        return true;
    }
}
