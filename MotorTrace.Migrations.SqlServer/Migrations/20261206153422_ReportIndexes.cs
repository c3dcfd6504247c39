using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotorTrace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderLabor_DealerId_Status_CompletedAt",
                table: "WorkOrderLabor",
                columns: new[] { "DealerId", "Status", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkOrderLabor_DealerId_Status_CompletedAt",
                table: "WorkOrderLabor");
        }
    }
}
