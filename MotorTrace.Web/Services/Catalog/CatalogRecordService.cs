using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Web.Services.Catalog;

/// <summary>What the labor and canned-service forms share: the code and the stamp of the copy being edited.</summary>
public interface ICatalogForm
{
    string Code { get; }

    /// <summary>The record's UpdatedAt when the form was loaded, in ticks (see <see cref="CatalogConcurrency"/>).</summary>
    long UpdatedAtTicks { get; }
}

/// <summary>
/// The life cycle both catalogue records share (labor operations, canned services): a code unique per dealer,
/// created in the dealer being worked in, saved only over the copy the form was loaded from, one-flag changes
/// (deactivate, archive), and deleted only while nothing refers to them.
/// </summary>
public abstract class CatalogRecordService<T, TForm>(MotorTraceDbContext db)
    where T : AuditableEntity, IDealerOwned, new()
    where TForm : ICatalogForm
{
    protected MotorTraceDbContext Db { get; } = db;

    /// <summary>"labor operation": how messages name the record.</summary>
    protected abstract string What { get; }

    /// <summary>The answer when a used record is to be deleted.</summary>
    protected abstract ServiceResult InUse { get; }

    /// <summary>The records whose code is <paramref name="code"/> (upper case), whatever the case they were stored in.</summary>
    protected abstract IQueryable<T> WithCode(IQueryable<T> records, string code);

    /// <summary>How a code clash names the record that has the code, e.g. “Brake fluid replacement” (archived).</summary>
    protected abstract IQueryable<string> Describe(IQueryable<T> records);

    /// <summary>The form's own rules, besides the code.</summary>
    protected abstract void ValidateFields(TForm form, List<(string Field, string Message)> errors);

    /// <summary>Copies a validated form onto the record.</summary>
    protected abstract void Apply(TForm form, T record);

    /// <summary>Whether anything refers to the record (what makes it undeletable).</summary>
    protected abstract Task<bool> IsUsedAsync(Guid id);

    /// <summary>The record as it is deleted: with the children the delete takes along, so each gets its audit row.</summary>
    protected virtual IQueryable<T> ForDelete(IQueryable<T> records) => records;

    /// <summary>A manufacturer user in "All dealers": lists mix dealers and show whose each line is; nothing can be created.</summary>
    public bool ShowsAllDealers => Db.DealerScope is null;

    private ServiceResult Missing => ServiceResult.Fail("", $"This {What} no longer exists.");

    /// <summary>The dealer's currency for a new record's money, or null in "All dealers".</summary>
    public async Task<string?> CurrencyAsync() =>
        Db.DealerScope is { } dealerId
            ? await Db.DealerSettings.Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync() ?? CatalogText.DefaultCurrency
            : null;

    public async Task<ServiceResult<Guid>> CreateAsync(TForm form)
    {
        if (Db.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        var validation = await ValidateAsync(form, dealerId, exceptId: null);
        if (!validation.Succeeded) return validation;

        var record = new T { DealerId = dealerId };
        Apply(form, record);
        Db.Set<T>().Add(record);
        return await SaveAsync(record, form) is { } failure ? failure : new ServiceResult<Guid>(record.Id, ServiceResult.Ok);
    }

    /// <summary>Saves the form unless the record changed since the form was loaded (see <see cref="CatalogConcurrency"/>).</summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, TForm form)
    {
        var dealerId = await Db.Set<T>().Where(r => r.Id == id).Select(r => (Guid?)r.DealerId).FirstOrDefaultAsync();
        if (dealerId is null) return Missing;
        var validation = await ValidateAsync(form, dealerId.Value, exceptId: id);
        if (!validation.Succeeded) return validation;

        await using var transaction = await CatalogConcurrency.ClaimAsync<T>(Db, id, form.UpdatedAtTicks);
        if (transaction is null) return ServiceResult.Conflict(What);
        var record = await Db.Set<T>().SingleAsync(r => r.Id == id);
        Apply(form, record);
        if (await SaveAsync(record, form) is { } failure) return failure;
        await transaction.CommitAsync();
        return ServiceResult.Ok;
    }

    /// <summary>A one-field change (deactivate, archive): it overwrites nothing anyone typed, so it needs no stamp.</summary>
    protected async Task<ServiceResult> ChangeAsync(Guid id, Action<T> change)
    {
        var record = await Db.Set<T>().FirstOrDefaultAsync(r => r.Id == id);
        if (record is null) return Missing;
        change(record);
        await Db.SaveChangesAsync();
        return ServiceResult.Ok;
    }

    /// <summary>Deletes a record nothing refers to; a used one is refused with <see cref="InUse"/>.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid id)
    {
        var record = await ForDelete(Db.Set<T>()).FirstOrDefaultAsync(r => r.Id == id);
        if (record is null) return Missing;
        if (await IsUsedAsync(id)) return InUse;
        Db.Set<T>().Remove(record);
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Taken up between our check and the delete (the foreign keys restrict).
            Db.ChangeTracker.Clear();
            if (!await IsUsedAsync(id)) throw;
            return InUse;
        }
        return ServiceResult.Ok;
    }

    private async Task<ServiceResult> ValidateAsync(TForm form, Guid dealerId, Guid? exceptId)
    {
        var errors = new List<(string Field, string Message)>();
        if (!CatalogText.IsValidCode(form.Code)) errors.Add((nameof(ICatalogForm.Code), CatalogLimits.CodeMessage));
        else
        {
            var code = CatalogText.NormalizeCode(form.Code);
            // Explicit dealer: a manufacturer user in "All dealers" has no tenancy filter narrowing this.
            var owner = await Describe(WithCode(Db.Set<T>().AsNoTracking().Where(r => r.DealerId == dealerId && r.Id != exceptId), code))
                .FirstOrDefaultAsync();
            if (owner is not null) errors.Add((nameof(ICatalogForm.Code), $"{code} is already the code of {owner}. Choose another code."));
        }
        ValidateFields(form, errors);
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    /// <summary>Null when saved; the unique index on (dealer, code) is the last word when two managers race.</summary>
    private async Task<ServiceResult?> SaveAsync(T record, TForm form)
    {
        try
        {
            await Db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException)
        {
            Db.ChangeTracker.Clear();
            var code = CatalogText.NormalizeCode(form.Code);
            if (!await WithCode(Db.Set<T>().Where(r => r.DealerId == record.DealerId && r.Id != record.Id), code).AnyAsync()) throw;
            return ServiceResult.Fail(nameof(ICatalogForm.Code), $"{code} was just given to another {What}. Choose another code.");
        }
    }
}
