using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotorTrace.Data.Configurations;

public static class PropertyBuilderExtensions
{
    /// <summary>Free text without a length limit (notes, descriptions, JSON documents): <c>text</c> on both providers.</summary>
    public static PropertyBuilder<T> IsText<T>(this PropertyBuilder<T> property) => property.HasColumnType("text");
}
