using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MotorTrace.Data.Migrations;

/// <summary>
/// Front desk: dealer settings and shop hours, per-dealer numbering, customer notes, appointment
/// status history and vehicle transfers; a concurrency token on dealers. Hand-written, provider-neutral operations (ADR-004): column
/// types come from the CLR types, so the same code yields SQLite and PostgreSQL DDL.
/// </summary>
[DbContext(typeof(MotorTraceDbContext))]
[Migration("20261122000000_FrontDesk")]
public sealed class FrontDesk : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "Version", table: "Dealers", nullable: false, defaultValue: Guid.Empty);

        migrationBuilder.CreateTable(
            name: "DealerSettings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                MaxAppointmentsPerDay = table.Column<int>(nullable: false),
                MaxAppointmentsPerBlock = table.Column<int>(nullable: false),
                BlockMinutes = table.Column<int>(nullable: false),
                MinNoticeHours = table.Column<int>(nullable: false),
                MaxDaysAhead = table.Column<int>(nullable: false),
                TaxRatePercent = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                CurrencyCode = table.Column<string>(maxLength: 3, nullable: false),
                InvoiceDueDays = table.Column<int>(nullable: false),
                InvoiceTerms = table.Column<string>(type: "text", nullable: true),
                Version = table.Column<Guid>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: true),
                UpdatedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DealerSettings", x => x.Id);
                table.ForeignKey("FK_DealerSettings_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DealerSettings_DealerId", "DealerSettings", "DealerId", unique: true);

        migrationBuilder.CreateTable(
            name: "DealerShopHours",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                DayOfWeek = table.Column<string>(maxLength: 40, nullable: false),
                IsOpen = table.Column<bool>(nullable: false),
                OpensAt = table.Column<TimeOnly>(nullable: false),
                ClosesAt = table.Column<TimeOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DealerShopHours", x => x.Id);
                table.ForeignKey("FK_DealerShopHours_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DealerShopHours_DealerId_DayOfWeek", "DealerShopHours", ["DealerId", "DayOfWeek"], unique: true);

        migrationBuilder.CreateTable(
            name: "DealerSequences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                NextValue = table.Column<long>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_DealerSequences", x => x.Id);
                table.ForeignKey("FK_DealerSequences_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DealerSequences_DealerId_Name", "DealerSequences", ["DealerId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "CustomerNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                CustomerId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(type: "text", nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                CreatedById = table.Column<Guid>(nullable: true),
                UpdatedById = table.Column<Guid>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CustomerNotes", x => x.Id);
                table.ForeignKey("FK_CustomerNotes_Customers_CustomerId", x => x.CustomerId, "Customers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_CustomerNotes_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CustomerNotes_CustomerId_CreatedAt", "CustomerNotes", ["CustomerId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_CustomerNotes_DealerId", "CustomerNotes", "DealerId");

        migrationBuilder.CreateTable(
            name: "AppointmentStatusChanges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                AppointmentId = table.Column<Guid>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 40, nullable: true),
                ToStatus = table.Column<string>(maxLength: 40, nullable: false),
                ChangedById = table.Column<Guid>(nullable: true),
                ChangedAt = table.Column<DateTime>(nullable: false),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppointmentStatusChanges", x => x.Id);
                table.ForeignKey("FK_AppointmentStatusChanges_Appointments_AppointmentId", x => x.AppointmentId, "Appointments", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AppointmentStatusChanges_AspNetUsers_ChangedById", x => x.ChangedById, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AppointmentStatusChanges_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AppointmentStatusChanges_AppointmentId_ChangedAt", "AppointmentStatusChanges", ["AppointmentId", "ChangedAt"]);
        migrationBuilder.CreateIndex("IX_AppointmentStatusChanges_ChangedById", "AppointmentStatusChanges", "ChangedById");
        migrationBuilder.CreateIndex("IX_AppointmentStatusChanges_DealerId", "AppointmentStatusChanges", "DealerId");

        migrationBuilder.CreateTable(
            name: "VehicleTransfers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DealerId = table.Column<Guid>(nullable: false),
                VehicleId = table.Column<Guid>(nullable: false),
                FromCustomerId = table.Column<Guid>(nullable: false),
                ToCustomerId = table.Column<Guid>(nullable: false),
                TransferredAt = table.Column<DateTime>(nullable: false),
                TransferredById = table.Column<Guid>(nullable: true),
                Note = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_VehicleTransfers", x => x.Id);
                table.ForeignKey("FK_VehicleTransfers_AspNetUsers_TransferredById", x => x.TransferredById, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VehicleTransfers_Customers_FromCustomerId", x => x.FromCustomerId, "Customers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VehicleTransfers_Customers_ToCustomerId", x => x.ToCustomerId, "Customers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VehicleTransfers_Dealers_DealerId", x => x.DealerId, "Dealers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_VehicleTransfers_Vehicles_VehicleId", x => x.VehicleId, "Vehicles", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_VehicleTransfers_DealerId", "VehicleTransfers", "DealerId");
        migrationBuilder.CreateIndex("IX_VehicleTransfers_FromCustomerId", "VehicleTransfers", "FromCustomerId");
        migrationBuilder.CreateIndex("IX_VehicleTransfers_ToCustomerId", "VehicleTransfers", "ToCustomerId");
        migrationBuilder.CreateIndex("IX_VehicleTransfers_TransferredById", "VehicleTransfers", "TransferredById");
        migrationBuilder.CreateIndex("IX_VehicleTransfers_VehicleId_TransferredAt", "VehicleTransfers", ["VehicleId", "TransferredAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "VehicleTransfers", "AppointmentStatusChanges", "CustomerNotes", "DealerSequences", "DealerShopHours", "DealerSettings" })
            migrationBuilder.DropTable(table);
        migrationBuilder.DropColumn(name: "Version", table: "Dealers");
    }
}
