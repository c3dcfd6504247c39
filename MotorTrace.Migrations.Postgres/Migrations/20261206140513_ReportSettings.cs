using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotorTrace.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReportSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "LaborCostPerHour",
                table: "DealerSettings",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LaborCostPerHour",
                table: "DealerSettings");
        }
    }
}
