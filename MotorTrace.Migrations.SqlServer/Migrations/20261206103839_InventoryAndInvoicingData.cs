using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotorTrace.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class InventoryAndInvoicingData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows made before this migration: card payments were credit-card payments; an invoice keeps the tax rate it
            // was computed with (its dealer's setting, else what its amounts say) and counts as finalised when it was made.
            migrationBuilder.Sql("UPDATE \"Payments\" SET \"Method\" = 'CreditCard' WHERE \"Method\" = 'Card'");
            migrationBuilder.Sql("UPDATE \"Invoices\" SET \"CurrencyCode\" = (SELECT s.\"CurrencyCode\" FROM \"DealerSettings\" s WHERE s.\"DealerId\" = \"Invoices\".\"DealerId\"), \"TaxRatePercent\" = (SELECT s.\"TaxRatePercent\" FROM \"DealerSettings\" s WHERE s.\"DealerId\" = \"Invoices\".\"DealerId\") WHERE EXISTS (SELECT 1 FROM \"DealerSettings\" s WHERE s.\"DealerId\" = \"Invoices\".\"DealerId\")");
            migrationBuilder.Sql("UPDATE \"Invoices\" SET \"TaxRatePercent\" = ROUND(\"TaxAmount\" * 100 / (\"Subtotal\" - \"DiscountAmount\"), 1) WHERE CAST(\"TaxRatePercent\" AS REAL) = 0 AND CAST(\"TaxAmount\" AS REAL) > 0 AND CAST(\"Subtotal\" AS REAL) - CAST(\"DiscountAmount\" AS REAL) > 0");
            migrationBuilder.Sql("UPDATE \"Invoices\" SET \"FinalisedAt\" = \"CreatedAt\" WHERE \"Status\" <> 'Draft'");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Payments\" SET \"Method\" = 'Card' WHERE \"Method\" IN ('CreditCard', 'DebitCard')");

        }
    }
}
