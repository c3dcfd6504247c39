namespace MotorTrace.Data.Entities.Common;

/// <summary>Every table's key is a GUID; version 7 keeps new rows in index order.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
}

/// <summary>Created/updated stamps, set by <see cref="Auditing.AuditingInterceptor"/>, never by hand.</summary>
public abstract class AuditableEntity : Entity, IAuditable
{
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? CreatedById { get; set; }
    public Guid? UpdatedById { get; set; }
}

public interface IAuditable
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
    Guid? CreatedById { get; set; }
    Guid? UpdatedById { get; set; }
}

/// <summary>A workshop record that belongs to one dealer. The tenancy query filter applies to every such type.</summary>
public interface IDealerOwned
{
    Guid DealerId { get; set; }
}

/// <summary>
/// A record several people edit at once. <see cref="Version"/> is the optimistic concurrency token:
/// the interceptor gives it a new value on every update, so a save based on a stale copy fails.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid Version { get; set; }
}
