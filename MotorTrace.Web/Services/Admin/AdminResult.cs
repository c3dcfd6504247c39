using Microsoft.AspNetCore.Components.Forms;

namespace MotorTrace.Web.Services.Admin;

/// <summary>A business-rule failure tied to one form field; an empty <paramref name="Field"/> means the whole form.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of an administration command: success, or the messages to show next to the fields.</summary>
public record AdminResult(IReadOnlyList<FieldError> Errors)
{
    public static readonly AdminResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AdminResult Fail(string field, string message) => new([new FieldError(field, message)]);

    /// <summary>Puts each message next to its field; whole-form messages go on the model (shown by a ValidationSummary).</summary>
    public void ShowOn(EditContext context, ValidationMessageStore messages)
    {
        foreach (var error in Errors)
            messages.Add(error.Field.Length == 0 ? new FieldIdentifier(context.Model, "") : context.Field(error.Field), error.Message);
        context.NotifyValidationStateChanged();
    }
}

public sealed record AdminResult<T>(T? Value, IReadOnlyList<FieldError> Errors) : AdminResult(Errors)
{
    public static AdminResult<T> Success(T value) => new(value, []);
    public static new AdminResult<T> Fail(string field, string message) => new(default, [new FieldError(field, message)]);
    public static AdminResult<T> Fail(IReadOnlyList<FieldError> errors) => new(default, errors);
}
