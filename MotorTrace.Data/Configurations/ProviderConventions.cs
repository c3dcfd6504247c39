using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MotorTrace.Data.Configurations;

/// <summary>
/// Where SQLite, PostgreSQL and SQL Server differ, decided once for the whole model (ADR-008). Everything else
/// (money as <c>decimal(18,2)</c>, enums as strings, string lengths) is the same convention on all three.
/// Case-insensitive search needs nothing here: search compares normalised columns (upper-cased plates and VINs,
/// lower-cased emails, digits-only phones) and <c>ToLower()</c> of names, which every database and collation
/// answers the same way.
/// </summary>
public static class ProviderConventions
{
    /// <summary>
    /// Timestamps are UTC everywhere. PostgreSQL's <c>timestamptz</c> hands them back as UTC; SQLite (text) and
    /// SQL Server (<c>datetime2</c>) hand back a kind-less value, which is marked UTC on the way in.
    /// </summary>
    public static void Apply(ModelConfigurationBuilder builder, DatabaseFacade database)
    {
        if (database.IsNpgsql()) return;
        builder.Properties<DateTime>().HaveConversion<UtcOnReadConverter>();
    }

    /// <summary>
    /// SQL Server only:
    /// <list type="bullet">
    /// <item>Unlimited text: <c>text</c> (<see cref="PropertyBuilderExtensions.IsText{T}"/>) on SQLite and PostgreSQL is
    /// a deprecated non-Unicode type on SQL Server, which gets <c>nvarchar(max)</c> instead.</item>
    /// <item>A primary key is its clustered index, at most 900 bytes: string key columns (Identity's login provider,
    /// provider key and token name) are at most 128 characters, as Identity makes them with <c>MaxLengthForKeys</c>.
    /// Other indexes stay within 1700 bytes with the 256-character default; a test checks every key.</item>
    /// </list>
    /// </summary>
    public static void Apply(ModelBuilder builder, DatabaseFacade database)
    {
        if (!database.IsSqlServer()) return;
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetDeclaredProperties())
                if (string.Equals(property.GetColumnType(), PropertyBuilderExtensions.TextColumnType, StringComparison.OrdinalIgnoreCase))
                    property.SetColumnType("nvarchar(max)");
            foreach (var property in entityType.FindPrimaryKey()?.Properties ?? [])
                if (property.ClrType == typeof(string) && property.GetMaxLength() is null or > MaxKeyStringLength)
                    property.SetMaxLength(MaxKeyStringLength);
        }
    }

    public const int MaxKeyStringLength = 128;

    /// <summary>Stores the value as it is; marks what comes back as UTC.</summary>
    public sealed class UtcOnReadConverter() : ValueConverter<DateTime, DateTime>(
        value => value,
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
