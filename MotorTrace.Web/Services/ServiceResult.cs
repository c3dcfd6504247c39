namespace MotorTrace.Web.Services;

/// <summary>
/// The outcome of a change a user asked for. Business-rule failures name the form field they belong to
/// (empty string for the whole form), so the page shows each message next to its field.
/// </summary>
public sealed record ServiceResult
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; init; } = [];
    public bool Succeeded => Errors.Count == 0;

    public static readonly ServiceResult Ok = new();

    public static ServiceResult Fail(string field, string message) => new() { Errors = [(field, message)] };

    public static ServiceResult Fail(IReadOnlyList<(string Field, string Message)> errors) => new() { Errors = errors };

    /// <summary>Another user saved the same record since it was loaded (optimistic concurrency).</summary>
    public static ServiceResult Conflict(string what) =>
        Fail("", $"Someone else changed this {what} while you were editing. Reload to see their changes, then make yours again.");

    /// <summary>The record was saved by someone else since the form was opened: who and when (the dealer's local time).</summary>
    public static ServiceResult ChangedBy(string what, string? by, DateTime localTime) =>
        Fail("", $"This {what} was changed by {by ?? "someone else"} at {localTime:HH:mm} while you were editing. " +
                 "Your input is kept: reload to see their change, then save again.");

    /// <summary>A manufacturer user working in "All dealers" must pick a dealer before creating workshop records.</summary>
    public static readonly ServiceResult NoDealerChosen =
        Fail("", "Choose a dealer in the header first: new records belong to one dealer.");
}

/// <summary>A result that also carries the created or changed record's id.</summary>
public sealed record ServiceResult<T>(T? Value, ServiceResult Result)
{
    public bool Succeeded => Result.Succeeded;
    public static implicit operator ServiceResult<T>(ServiceResult failure) => new(default, failure);
}
