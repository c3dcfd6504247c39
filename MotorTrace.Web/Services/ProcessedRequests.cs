using Microsoft.EntityFrameworkCore;
using MotorTrace.Data;
using MotorTrace.Data.Entities.Common;

namespace MotorTrace.Web.Services;

/// <summary>
/// Makes a user action happen once however often it arrives: the page gives each action an id when the user
/// taps (kept across a reconnect and the repeat), and the first attempt records it in <see cref="ProcessedRequest"/>
/// in the same transaction as the action's own changes. A repeat finds the record and returns the first result;
/// two copies arriving at the same moment collide on the primary key and the loser returns the winner's result.
/// </summary>
public static class ProcessedRequests
{
    /// <summary>
    /// Runs <paramref name="work"/> (which adds its changes to <paramref name="db"/> without saving) and saves them with
    /// the request record in one transaction, unless <paramref name="requestId"/> was processed before.
    /// </summary>
    public static async Task<ServiceResult<Guid>> OnceAsync(
        MotorTraceDbContext db, Guid requestId, string action, Guid dealerId, Guid userId, DateTime now, Func<Task<ServiceResult<Guid>>> work)
    {
        if (await PreviousAsync(db, requestId) is { } previous) return previous;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await work();
        if (!result.Succeeded) return result;
        db.ProcessedRequests.Add(new ProcessedRequest
        {
            Id = requestId, DealerId = dealerId, Action = action, ResultId = result.Value, UserId = userId, ProcessedAt = now,
        });
        try
        {
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return result;
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            if (await PreviousAsync(db, requestId) is { } winner) return winner;
            throw;
        }
    }

    private static async Task<ServiceResult<Guid>?> PreviousAsync(MotorTraceDbContext db, Guid requestId) =>
        await db.ProcessedRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.ResultId }).FirstOrDefaultAsync() is { } done
            ? new ServiceResult<Guid>(done.ResultId ?? Guid.Empty, ServiceResult.Ok)
            : null;
}
