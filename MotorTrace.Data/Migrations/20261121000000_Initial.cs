using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// The whole first schema, as the provider's create script generated from the model
/// (<see cref="SchemaScripts.Generate"/>). Later changes are small hand-written migrations (ADR-004).
/// </summary>
[DbContext(typeof(MotorTraceDbContext))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261121000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SchemaScripts.Load(Id, migrationBuilder.ActiveProvider));

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("The initial schema is not reverted: drop the database instead.");
}
