namespace MotorTrace.Data.Entities.Common;

/// <summary>
/// A user action that has been carried out, keyed by the id the page gave it before sending (a tap on the
/// tablet, a payment): the key is the primary key, so a repeat after a reconnect finds the row and does
/// nothing twice. <see cref="ResultId"/> is what the first attempt created.
/// </summary>
public class ProcessedRequest : IDealerOwned
{
    public Guid Id { get; set; }
    public Guid DealerId { get; set; }
    public string Action { get; set; } = "";
    public Guid? ResultId { get; set; }
    public Guid UserId { get; set; }
    public DateTime ProcessedAt { get; set; }
}
