using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotorTrace.Data.Configurations;

public static class PropertyBuilderExtensions
{
    public const string TextColumnType = "text";

    /// <summary>
    /// Free text without a length limit (notes, descriptions, JSON documents): <c>text</c> on SQLite and PostgreSQL,
    /// <c>nvarchar(max)</c> on SQL Server (<see cref="ProviderConventions"/>). Never index such a column.
    /// </summary>
    public static PropertyBuilder<T> IsText<T>(this PropertyBuilder<T> property) => property.HasColumnType(TextColumnType);
}
