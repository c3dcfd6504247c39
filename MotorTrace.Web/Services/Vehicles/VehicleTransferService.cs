using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Customers;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>A change of owner: the new owner, chosen from the dealer's customers, and why.</summary>
public sealed class VehicleTransferForm
{
    [Required(ErrorMessage = "Choose the new owner.")]
    public Guid? NewOwnerId { get; set; }

    [StringLength(500, ErrorMessage = "Keep the note under 500 characters.")]
    public string? Note { get; set; }

    /// <summary>The vehicle's <c>Version</c> when the form was loaded.</summary>
    public Guid Version { get; set; }
}

/// <summary>One owner of the vehicle on its ownership timeline, from when they owned it.</summary>
public sealed record OwnershipPeriod(Guid CustomerId, string CustomerName, DateTime Since, string? TransferredBy, string? Note, bool IsFirst, bool IsCurrent);

/// <summary>
/// Transfers a vehicle to another customer of the same dealer. The vehicle keeps its whole history (mileage,
/// services, expenses, recommendations); the change is a <see cref="VehicleTransfer"/> row on its ownership timeline.
/// </summary>
public sealed class VehicleTransferService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, CustomerService customers, TimeProvider clock)
{
    /// <summary>A transfer writes a new record, so a manufacturer user must be working in one dealer.</summary>
    public bool DealerChosen => user.DealerScope is not null;

    /// <summary>The vehicle's owner; null when the vehicle is missing or another dealer's.</summary>
    public async Task<Guid?> CurrentOwnerAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId).Select(v => (Guid?)v.CustomerId).FirstOrDefaultAsync();
    }

    /// <summary>Customers to transfer to: the dealer's customers matching the search, without the current owner.</summary>
    public async Task<IReadOnlyList<CustomerMatch>> CandidatesAsync(Guid currentOwnerId, string? search, Guid? chosenId = null)
    {
        var matches = string.IsNullOrWhiteSpace(search) ? [] : (await customers.SearchAsync(search, 11)).Where(c => c.Id != currentOwnerId).Take(10).ToList();
        // A choice posted back with an error stays on screen, even if the search has moved on.
        if (chosenId is { } id && id != currentOwnerId && matches.All(c => c.Id != id))
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var chosen = await db.Customers.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new { c.Id, c.Name, c.Phone, c.Email, Plates = c.Vehicles.Select(v => v.LicensePlate ?? v.Vin).ToList() })
                .FirstOrDefaultAsync();
            if (chosen is not null) matches.Insert(0, new CustomerMatch(chosen.Id, chosen.Name, chosen.Phone, chosen.Email, chosen.Plates));
        }
        return matches;
    }

    /// <summary>The owners of the vehicle at this dealer, oldest first; the last one is the current owner.</summary>
    public async Task<IReadOnlyList<OwnershipPeriod>> TimelineAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var vehicle = await db.Vehicles.AsNoTracking().Where(v => v.Id == vehicleId)
            .Select(v => new { v.CustomerId, CustomerName = v.Customer.Name, v.CreatedAt }).FirstOrDefaultAsync();
        if (vehicle is null) return [];
        var transfers = await db.VehicleTransfers.AsNoTracking().Where(t => t.VehicleId == vehicleId)
            .OrderBy(t => t.TransferredAt).ThenBy(t => t.Id)
            .Select(t => new
            {
                t.FromCustomerId,
                t.ToCustomerId,
                t.TransferredAt,
                t.Note,
                FromName = db.Customers.Where(c => c.Id == t.FromCustomerId).Select(c => c.Name).FirstOrDefault(),
                ToName = db.Customers.Where(c => c.Id == t.ToCustomerId).Select(c => c.Name).FirstOrDefault(),
                By = db.Users.Where(u => u.Id == t.TransferredById).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync();

        var periods = new List<OwnershipPeriod>();
        var first = transfers.FirstOrDefault();
        periods.Add(first is null
            ? new OwnershipPeriod(vehicle.CustomerId, vehicle.CustomerName, vehicle.CreatedAt, null, null, true, true)
            : new OwnershipPeriod(first.FromCustomerId, first.FromName ?? "Unknown customer", vehicle.CreatedAt, null, null, true, false));
        for (var i = 0; i < transfers.Count; i++)
        {
            var t = transfers[i];
            periods.Add(new OwnershipPeriod(t.ToCustomerId, t.ToName ?? "Unknown customer", t.TransferredAt, t.By, t.Note, false, i == transfers.Count - 1));
        }
        return periods;
    }

    /// <summary>
    /// Moves the vehicle to <see cref="VehicleTransferForm.NewOwnerId"/>, who must be another customer of the vehicle's
    /// own dealer; refuses a stale <see cref="VehicleTransferForm.Version"/>.
    /// </summary>
    public async Task<ServiceResult> TransferAsync(Guid vehicleId, VehicleTransferForm form)
    {
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        await using var db = await dbFactory.CreateDbContextAsync();
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == vehicleId);
        if (vehicle is null) return VehicleLookup.Gone;
        if (form.NewOwnerId is not { } newOwnerId) return ServiceResult.Fail(nameof(form.NewOwnerId), "Choose the new owner.");
        if (newOwnerId == vehicle.CustomerId) return ServiceResult.Fail(nameof(form.NewOwnerId), "This customer already owns the vehicle: choose someone else.");
        var newOwner = await db.Customers.Where(c => c.Id == newOwnerId && c.DealerId == vehicle.DealerId).Select(c => new { c.Id }).FirstOrDefaultAsync();
        if (newOwner is null) return ServiceResult.Fail(nameof(form.NewOwnerId), "That customer was not found at this dealer: search again and choose one from the list.");

        db.Entry(vehicle).Property(v => v.Version).OriginalValue = form.Version;
        db.VehicleTransfers.Add(new VehicleTransfer
        {
            DealerId = vehicle.DealerId,
            VehicleId = vehicle.Id,
            FromCustomerId = vehicle.CustomerId,
            ToCustomerId = newOwner.Id,
            TransferredAt = clock.GetUtcNow().UtcDateTime,
            TransferredById = user.UserId,
            Note = form.Note.TrimToNull(),
        });
        vehicle.CustomerId = newOwner.Id;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await db.StaleAsync(vehicleId, dealer);
        }
        return ServiceResult.Ok;
    }
}
