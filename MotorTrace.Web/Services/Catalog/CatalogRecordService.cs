using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Common;
using MotorTrace.Web.Services.Authorization;
using MotorTrace.Web.Services.Identity;

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
/// (deactivate, archive), and deleted only while nothing refers to them. Every operation has a context of its own
/// (a circuit outlives a request), and the acting user and dealer come from <see cref="CurrentUser"/>. Every member
/// of staff reads the catalogue; only CatalogEdit (managers, admins) changes it, checked here on every change, not
/// only by the pages hiding their buttons.
/// </summary>
public abstract class CatalogRecordService<T, TForm>(
    IDbContextFactory<MotorTraceDbContext> dbFactory, CurrentUser user, DealerContext dealer, IAuthorizationService authorization)
    where T : AuditableEntity, IDealerOwned, new()
    where TForm : ICatalogForm
{
    protected IDbContextFactory<MotorTraceDbContext> DbFactory { get; } = dbFactory;
    protected CurrentUser User { get; } = user;

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
    protected abstract Task<bool> IsUsedAsync(MotorTraceDbContext db, Guid id);

    /// <summary>The record as it is deleted: with the children the delete takes along, so each gets its audit row.</summary>
    protected virtual IQueryable<T> ForDelete(IQueryable<T> records) => records;

    /// <summary>A manufacturer user in "All dealers": lists mix dealers and show whose each line is; nothing can be created.</summary>
    public bool ShowsAllDealers => User.DealerScope is null;

    public static readonly ServiceResult NotAllowed =
        ServiceResult.Fail("", "Only managers change the catalogue. Ask a manager to make this change.");

    /// <summary>Whether the acting user may change the catalogue (the CatalogEdit policy).</summary>
    public async Task<bool> CanEditAsync() => (await authorization.AuthorizeAsync(User.Principal, Policies.CatalogEdit)).Succeeded;

    /// <summary>Null when the acting user may change the catalogue; otherwise the refusal.</summary>
    protected async Task<ServiceResult?> RefusedAsync() => await CanEditAsync() ? null : NotAllowed;

    private ServiceResult Missing => ServiceResult.Fail("", $"This {What} no longer exists.");

    /// <summary>The dealer's currency for a new record's money, or null in "All dealers".</summary>
    public async Task<string?> CurrencyAsync()
    {
        if (User.DealerScope is not { } dealerId) return null;
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.DealerSettings.Where(s => s.DealerId == dealerId).Select(s => s.CurrencyCode).FirstOrDefaultAsync() ?? CatalogText.DefaultCurrency;
    }

    public async Task<ServiceResult<Guid>> CreateAsync(TForm form)
    {
        if (await RefusedAsync() is { } refused) return refused;
        if (User.DealerScope is not { } dealerId) return ServiceResult.NoDealerChosen;
        await using var db = await DbFactory.CreateDbContextAsync();
        var validation = await ValidateAsync(db, form, dealerId, exceptId: null);
        if (!validation.Succeeded) return validation;

        var record = new T { DealerId = dealerId };
        Apply(form, record);
        db.Set<T>().Add(record);
        return await SaveAsync(db, record, form) is { } failure ? failure : new ServiceResult<Guid>(record.Id, ServiceResult.Ok);
    }

    /// <summary>
    /// Saves the form unless the record changed since the form was loaded (see <see cref="CatalogConcurrency"/>): then
    /// the answer names who changed it and when ("changed by Priya Nair at 14:05"), and the form keeps what was typed.
    /// </summary>
    public async Task<ServiceResult> UpdateAsync(Guid id, TForm form)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var dealerId = await db.Set<T>().Where(r => r.Id == id).Select(r => (Guid?)r.DealerId).FirstOrDefaultAsync();
        if (dealerId is null) return Missing;
        var validation = await ValidateAsync(db, form, dealerId.Value, exceptId: id);
        if (!validation.Succeeded) return validation;

        await using (var transaction = await CatalogConcurrency.ClaimAsync<T>(db, id, form.UpdatedAtTicks))
        {
            if (transaction is not null)
            {
                var record = await db.Set<T>().SingleAsync(r => r.Id == id);
                Apply(form, record);
                if (await SaveAsync(db, record, form) is { } failure) return failure;
                await transaction.CommitAsync();
                return ServiceResult.Ok;
            }
        }
        return await StaleAsync(db, id);
    }

    /// <summary>"Changed by X at HH:MM" (the dealer's time): who saved the record last, read fresh.</summary>
    private async Task<ServiceResult> StaleAsync(MotorTraceDbContext db, Guid id)
    {
        db.ChangeTracker.Clear();
        var last = await db.Set<T>().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.UpdatedAt, By = db.Users.Where(u => u.Id == r.UpdatedById).Select(u => u.FullName).FirstOrDefault() })
            .FirstOrDefaultAsync();
        if (last is null) return Missing;
        await dealer.LoadAsync();
        var at = dealer.ToLocal(last.UpdatedAt).ToString("HH:mm", CultureInfo.InvariantCulture);
        return ServiceResult.Fail("", $"This {What} was changed by {last.By ?? "someone else"} at {at} while you were editing. " +
                                      "Your input is kept: reload to see their change, then save again.");
    }

    /// <summary>
    /// A one-field change (deactivate, archive): it overwrites nothing anyone typed, so it is made whatever the record's
    /// stamp. The answer carries the record's new stamp only when the record was still as the caller's open form saw it
    /// (<paramref name="formStamp"/>, claimed like a save): the form may then take it and save over the record later.
    /// Otherwise someone else changed the record meanwhile, the form keeps its old stamp, and its next save is refused
    /// as stale rather than overwriting their change.
    /// </summary>
    protected async Task<ServiceResult<long?>> ChangeAsync(Guid id, Action<T> change, long? formStamp)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        await using var transaction = formStamp is { } stamp ? await CatalogConcurrency.ClaimAsync<T>(db, id, stamp) : null;
        var record = await db.Set<T>().FirstOrDefaultAsync(r => r.Id == id);
        if (record is null) return Missing;
        change(record);
        await db.SaveChangesAsync();
        if (transaction is null) return new ServiceResult<long?>(null, ServiceResult.Ok);
        await transaction.CommitAsync();
        return new ServiceResult<long?>(CatalogConcurrency.Stamp(record.UpdatedAt), ServiceResult.Ok);
    }

    /// <summary>Deletes a record nothing refers to; a used one is refused with <see cref="InUse"/>.</summary>
    public async Task<ServiceResult> DeleteAsync(Guid id)
    {
        if (await RefusedAsync() is { } refused) return refused;
        await using var db = await DbFactory.CreateDbContextAsync();
        var record = await ForDelete(db.Set<T>()).FirstOrDefaultAsync(r => r.Id == id);
        if (record is null) return Missing;
        if (await IsUsedAsync(db, id)) return InUse;
        db.Set<T>().Remove(record);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Taken up between our check and the delete (the foreign keys restrict).
            db.ChangeTracker.Clear();
            if (!await IsUsedAsync(db, id)) throw;
            return InUse;
        }
        return ServiceResult.Ok;
    }

    private async Task<ServiceResult> ValidateAsync(MotorTraceDbContext db, TForm form, Guid dealerId, Guid? exceptId)
    {
        var errors = new List<(string Field, string Message)>();
        if (!CatalogText.IsValidCode(form.Code)) errors.Add((nameof(ICatalogForm.Code), CatalogLimits.CodeMessage));
        else
        {
            var code = CatalogText.NormalizeCode(form.Code);
            // Explicit dealer: a manufacturer user in "All dealers" has no tenancy filter narrowing this.
            var owner = await Describe(WithCode(db.Set<T>().AsNoTracking().Where(r => r.DealerId == dealerId && r.Id != exceptId), code))
                .FirstOrDefaultAsync();
            if (owner is not null) errors.Add((nameof(ICatalogForm.Code), $"{code} is already the code of {owner}. Choose another code."));
        }
        ValidateFields(form, errors);
        return errors.Count == 0 ? ServiceResult.Ok : new ServiceResult { Errors = errors };
    }

    /// <summary>Null when saved; the unique index on (dealer, code) is the last word when two managers race.</summary>
    private async Task<ServiceResult?> SaveAsync(MotorTraceDbContext db, T record, TForm form)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var code = CatalogText.NormalizeCode(form.Code);
            if (!await WithCode(db.Set<T>().Where(r => r.DealerId == record.DealerId && r.Id != record.Id), code).AnyAsync()) throw;
            return ServiceResult.Fail(nameof(ICatalogForm.Code), $"{code} was just given to another {What}. Choose another code.");
        }
    }
}
