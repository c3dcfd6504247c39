using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MotorTrace.Web.Hosting;

/// <summary>
/// Adds a <c>Server-Timing</c> header to every response: server time and the number of SQL statements
/// the request ran. Benchmarks read it (docs/performance.md), and browser dev tools show it, so an N+1
/// query is visible at a glance. Costs one counter per statement.
/// </summary>
public static class ServerTiming
{
    private const string CounterKey = "mt:sql-count";

    public sealed class SqlCounter(IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        private void Count()
        {
            if (http.HttpContext?.Items is { } items)
                items[CounterKey] = (items.TryGetValue(CounterKey, out var n) ? (int)n! : 0) + 1;
        }
    }

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var sql = context.Items.TryGetValue(CounterKey, out var n) ? (int)n! : 0;
            context.Response.Headers["Server-Timing"] =
                string.Create(CultureInfo.InvariantCulture, $"app;dur={ms:0.0}, sql;desc=\"statements\";dur={sql}");
            return Task.CompletedTask;
        });
        await next();
    });
}
