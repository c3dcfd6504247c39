using MotorTrace.Data.Migrations;

namespace MotorTrace.Migrations.Postgres;

/// <summary>Lets `dotnet ef` find the context from this project; the provider comes after `--` (ADR-008).</summary>
public sealed class DesignTimeFactory : DesignTimeDbContextFactory;
