using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Vehicles;
using MotorTrace.Web.Services.Grid;
using MotorTrace.Web.Services.Identity;

namespace MotorTrace.Web.Services.Vehicles;

/// <summary>A running cost of the car, as the desk logs it for the owner.</summary>
public sealed class ExpenseForm
{
    [Required(ErrorMessage = "Enter the date.")]
    /// <summary>The day (a date picker's value; its time is ignored).</summary>
    public DateTime? Date { get; set; }

    [Required(ErrorMessage = "Choose a category.")]
    public ExpenseCategory? Category { get; set; }

    [Required(ErrorMessage = "Enter the amount.")]
    [Range(typeof(decimal), "0.01", "10000000", ErrorMessage = "Enter an amount above zero.")]
    public decimal? Amount { get; set; }

    [StringLength(500, ErrorMessage = "Keep the description under 500 characters.")]
    public string? Description { get; set; }

    [StringLength(200, ErrorMessage = "Keep the provider under 200 characters.")]
    public string? Provider { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }
}

public sealed record ExpenseRow(Guid Id, DateOnly Date, ExpenseCategory Category, string? Description, string? Provider, decimal Amount, string? Notes);

public sealed record ExpenseTotal<TKey>(TKey Key, int Count, decimal Amount);

/// <summary>Totals of all of a vehicle's expenses, per category and per year.</summary>
public sealed record ExpenseTotals(IReadOnlyList<ExpenseTotal<ExpenseCategory>> ByCategory, IReadOnlyList<ExpenseTotal<int>> ByYear, decimal Total, int Count);

/// <summary>
/// The running costs of a vehicle (<see cref="CarExpense"/>). Money is summed in C#, never in SQL: SQLite has no
/// decimal type, and a rounded total is worse than none.
/// </summary>
public sealed class VehicleExpenseService(IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext zone)
{
    public static readonly string[] FilterNames = ["category", "year"];

    public static readonly GridSortMap<CarExpense> Sorts = CreateSorts();

    private static GridSortMap<CarExpense> CreateSorts()
    {
        // No sort by amount: SQLite cannot order decimals.
        var sorts = new GridSortMap<CarExpense>("date", SortOrder.Desc);
        sorts.Add("date", e => e.Date);
        sorts.Add("category", e => e.Category);
        sorts.Add("provider", e => e.Provider);
        sorts.ThenBy(e => e.CreatedAt).ThenBy(e => e.Id);
        return sorts;
    }

    public async Task<GridResult<ExpenseRow>> ListAsync(Guid vehicleId, GridQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expenses = db.CarExpenses.AsNoTracking().Where(e => e.VehicleId == vehicleId);
        if (Enum.TryParse<ExpenseCategory>(query.Filter("category"), ignoreCase: true, out var category) && Enum.IsDefined(category))
            expenses = expenses.Where(e => e.Category == category);
        if (int.TryParse(query.Filter("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            expenses = expenses.Where(e => e.Date >= from && e.Date < to);
        }
        if (query.Search is { } search)
        {
            var term = search.ToLower();
            expenses = expenses.Where(e => (e.Description != null && e.Description.ToLower().Contains(term))
                || (e.Provider != null && e.Provider.ToLower().Contains(term)) || (e.Notes != null && e.Notes.ToLower().Contains(term)));
        }
        return await expenses.ToGridResultAsync(query, Sorts, e => new ExpenseRow(e.Id, e.Date, e.Category, e.Description, e.Provider, e.Amount, e.Notes), cancellationToken);
    }

    public async Task<ExpenseTotals> TotalsAsync(Guid vehicleId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var all = await db.CarExpenses.AsNoTracking().Where(e => e.VehicleId == vehicleId)
            .Select(e => new { e.Category, e.Date, e.Amount }).ToListAsync();
        return new ExpenseTotals(
            all.GroupBy(e => e.Category).Select(g => new ExpenseTotal<ExpenseCategory>(g.Key, g.Count(), g.Sum(e => e.Amount)))
                .OrderByDescending(t => t.Amount).ThenBy(t => t.Key).ToList(),
            all.GroupBy(e => e.Date.Year).Select(g => new ExpenseTotal<int>(g.Key, g.Count(), g.Sum(e => e.Amount)))
                .OrderByDescending(t => t.Key).ToList(),
            all.Sum(e => e.Amount),
            all.Count);
    }

    public async Task<ServiceResult> AddAsync(Guid vehicleId, ExpenseForm form)
    {
        if (user.DealerScope is null) return ServiceResult.NoDealerChosen;
        await zone.LoadAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.DealerOfVehicleAsync(vehicleId) is not { } dealerId) return VehicleLookup.Gone;
        var errors = new List<(string, string)>();
        if (form.Date is not { } day) errors.Add((nameof(form.Date), "Enter the date."));
        else if (DateOnly.FromDateTime(day) > zone.Today) errors.Add((nameof(form.Date), "The date cannot be in the future."));
        if (form.Category is not { } category || !Enum.IsDefined(category)) errors.Add((nameof(form.Category), "Choose a category."));
        if (form.Amount is not > 0) errors.Add((nameof(form.Amount), "Enter an amount above zero."));
        if (errors.Count > 0) return new ServiceResult { Errors = errors };

        db.CarExpenses.Add(new CarExpense
        {
            DealerId = dealerId,
            VehicleId = vehicleId,
            Date = DateOnly.FromDateTime(form.Date!.Value),
            Category = form.Category!.Value,
            Amount = Math.Round(form.Amount!.Value, 2),
            Description = form.Description.TrimToNull(),
            Provider = form.Provider.TrimToNull(),
            Notes = form.Notes.TrimToNull(),
        });
        await db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    /// <summary>False when the vehicle or the expense is not found (404).</summary>
    public async Task<bool> DeleteAsync(Guid vehicleId, Guid expenseId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var expense = await db.CarExpenses.FirstOrDefaultAsync(e => e.Id == expenseId && e.VehicleId == vehicleId);
        if (expense is null) return false;
        db.CarExpenses.Remove(expense);
        await db.SaveChangesAsync();
        return true;
    }
}
