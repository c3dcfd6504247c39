using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MotorTrace.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkOrderWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Brand",
                table: "WorkOrderTyreChecks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Size",
                table: "WorkOrderTyreChecks",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "InspectionItemId",
                table: "WorkOrderServices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Payer",
                table: "WorkOrderServices",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscountApprovedAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DiscountApprovedById",
                table: "WorkOrders",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DiscountRequestedAt",
                table: "WorkOrders",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "DiscountValue",
                table: "WorkOrders",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<int>(
                name: "IssuedQuantity",
                table: "WorkOrderParts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Payer",
                table: "WorkOrderParts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceId",
                table: "WorkOrderParts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAt",
                table: "WorkOrderLabor",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CannedServiceId",
                table: "WorkOrderInspectionItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CheckedAt",
                table: "WorkOrderInspectionItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CheckedById",
                table: "WorkOrderInspectionItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EstimateServiceId",
                table: "WorkOrderInspectionItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LaborCatalogId",
                table: "WorkOrderInspectionItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ItemId",
                table: "WorkOrderInspectionAttachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "RuleId",
                table: "ServiceRecommendations",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "CannedServiceId",
                table: "ServiceRecommendations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "ServiceRecommendations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "WorkOrderId",
                table: "ServiceRecommendations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AttachmentMaxMegabytes",
                table: "DealerSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentTypes",
                table: "DealerSettings",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "DiscountApprovalPercent",
                table: "DealerSettings",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "InspectionTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    IncludesTyres = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTemplates_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LaborClockEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    LaborId = table.Column<Guid>(type: "uuid", nullable: false),
                    TechnicianId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaborClockEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaborClockEvents_AspNetUsers_TechnicianId",
                        column: x => x.TechnicianId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LaborClockEvents_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LaborClockEvents_WorkOrderLabor_LaborId",
                        column: x => x.LaborId,
                        principalTable: "WorkOrderLabor",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ResultId = table.Column<Guid>(type: "uuid", nullable: true),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessedRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProcessedRequests_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderLineApprovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    LineKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LineId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Description = table.Column<string>(type: "text", maxLength: 256, nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    PriceShown = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ApprovedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    Signature = table.Column<string>(type: "text", maxLength: 256, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderLineApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderLineApprovals_AspNetUsers_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrderLineApprovals_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrderLineApprovals_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrderStatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrderStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrderStatusChanges_AspNetUsers_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrderStatusChanges_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrderStatusChanges_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTemplateItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealerId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Section = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CannedServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    LaborCatalogId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTemplateItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTemplateItems_CannedServices_CannedServiceId",
                        column: x => x.CannedServiceId,
                        principalTable: "CannedServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTemplateItems_Dealers_DealerId",
                        column: x => x.DealerId,
                        principalTable: "Dealers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionTemplateItems_InspectionTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "InspectionTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTemplateItems_LaborCatalog_LaborCatalogId",
                        column: x => x.LaborCatalogId,
                        principalTable: "LaborCatalog",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderServices_InspectionItemId",
                table: "WorkOrderServices",
                column: "InspectionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DealerId_PromisedAt",
                table: "WorkOrders",
                columns: new[] { "DealerId", "PromisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DiscountApprovedById",
                table: "WorkOrders",
                column: "DiscountApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderParts_ServiceId",
                table: "WorkOrderParts",
                column: "ServiceId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_WorkOrderParts_IssuedQuantity",
                table: "WorkOrderParts",
                sql: "\"IssuedQuantity\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderInspectionItems_CannedServiceId",
                table: "WorkOrderInspectionItems",
                column: "CannedServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderInspectionItems_CheckedById",
                table: "WorkOrderInspectionItems",
                column: "CheckedById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderInspectionItems_LaborCatalogId",
                table: "WorkOrderInspectionItems",
                column: "LaborCatalogId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderInspectionAttachments_ItemId",
                table: "WorkOrderInspectionAttachments",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecommendations_CannedServiceId",
                table: "ServiceRecommendations",
                column: "CannedServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecommendations_WorkOrderId",
                table: "ServiceRecommendations",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplateItems_CannedServiceId",
                table: "InspectionTemplateItems",
                column: "CannedServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplateItems_DealerId",
                table: "InspectionTemplateItems",
                column: "DealerId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplateItems_LaborCatalogId",
                table: "InspectionTemplateItems",
                column: "LaborCatalogId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplateItems_TemplateId_Sequence",
                table: "InspectionTemplateItems",
                columns: new[] { "TemplateId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplates_DealerId_Name",
                table: "InspectionTemplates",
                columns: new[] { "DealerId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaborClockEvents_DealerId_TechnicianId_At",
                table: "LaborClockEvents",
                columns: new[] { "DealerId", "TechnicianId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LaborClockEvents_LaborId_At",
                table: "LaborClockEvents",
                columns: new[] { "LaborId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LaborClockEvents_TechnicianId",
                table: "LaborClockEvents",
                column: "TechnicianId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedRequests_DealerId",
                table: "ProcessedRequests",
                column: "DealerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedRequests_UserId",
                table: "ProcessedRequests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderLineApprovals_DealerId",
                table: "WorkOrderLineApprovals",
                column: "DealerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderLineApprovals_RecordedById",
                table: "WorkOrderLineApprovals",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderLineApprovals_WorkOrderId_LineId_RecordedAt",
                table: "WorkOrderLineApprovals",
                columns: new[] { "WorkOrderId", "LineId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderStatusChanges_ChangedById",
                table: "WorkOrderStatusChanges",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderStatusChanges_DealerId",
                table: "WorkOrderStatusChanges",
                column: "DealerId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrderStatusChanges_WorkOrderId_ChangedAt",
                table: "WorkOrderStatusChanges",
                columns: new[] { "WorkOrderId", "ChangedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceRecommendations_CannedServices_CannedServiceId",
                table: "ServiceRecommendations",
                column: "CannedServiceId",
                principalTable: "CannedServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ServiceRecommendations_WorkOrders_WorkOrderId",
                table: "ServiceRecommendations",
                column: "WorkOrderId",
                principalTable: "WorkOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderInspectionAttachments_WorkOrderInspectionItems_Ite~",
                table: "WorkOrderInspectionAttachments",
                column: "ItemId",
                principalTable: "WorkOrderInspectionItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderInspectionItems_AspNetUsers_CheckedById",
                table: "WorkOrderInspectionItems",
                column: "CheckedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderInspectionItems_CannedServices_CannedServiceId",
                table: "WorkOrderInspectionItems",
                column: "CannedServiceId",
                principalTable: "CannedServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderInspectionItems_LaborCatalog_LaborCatalogId",
                table: "WorkOrderInspectionItems",
                column: "LaborCatalogId",
                principalTable: "LaborCatalog",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderParts_WorkOrderServices_ServiceId",
                table: "WorkOrderParts",
                column: "ServiceId",
                principalTable: "WorkOrderServices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrders_AspNetUsers_DiscountApprovedById",
                table: "WorkOrders",
                column: "DiscountApprovedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_WorkOrderServices_WorkOrderInspectionItems_InspectionItemId",
                table: "WorkOrderServices",
                column: "InspectionItemId",
                principalTable: "WorkOrderInspectionItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ServiceRecommendations_CannedServices_CannedServiceId",
                table: "ServiceRecommendations");

            migrationBuilder.DropForeignKey(
                name: "FK_ServiceRecommendations_WorkOrders_WorkOrderId",
                table: "ServiceRecommendations");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderInspectionAttachments_WorkOrderInspectionItems_Ite~",
                table: "WorkOrderInspectionAttachments");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderInspectionItems_AspNetUsers_CheckedById",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderInspectionItems_CannedServices_CannedServiceId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderInspectionItems_LaborCatalog_LaborCatalogId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderParts_WorkOrderServices_ServiceId",
                table: "WorkOrderParts");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrders_AspNetUsers_DiscountApprovedById",
                table: "WorkOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_WorkOrderServices_WorkOrderInspectionItems_InspectionItemId",
                table: "WorkOrderServices");

            migrationBuilder.DropTable(
                name: "InspectionTemplateItems");

            migrationBuilder.DropTable(
                name: "LaborClockEvents");

            migrationBuilder.DropTable(
                name: "ProcessedRequests");

            migrationBuilder.DropTable(
                name: "WorkOrderLineApprovals");

            migrationBuilder.DropTable(
                name: "WorkOrderStatusChanges");

            migrationBuilder.DropTable(
                name: "InspectionTemplates");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderServices_InspectionItemId",
                table: "WorkOrderServices");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DealerId_PromisedAt",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_DiscountApprovedById",
                table: "WorkOrders");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderParts_ServiceId",
                table: "WorkOrderParts");

            migrationBuilder.DropCheckConstraint(
                name: "CK_WorkOrderParts_IssuedQuantity",
                table: "WorkOrderParts");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderInspectionItems_CannedServiceId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderInspectionItems_CheckedById",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderInspectionItems_LaborCatalogId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkOrderInspectionAttachments_ItemId",
                table: "WorkOrderInspectionAttachments");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRecommendations_CannedServiceId",
                table: "ServiceRecommendations");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRecommendations_WorkOrderId",
                table: "ServiceRecommendations");

            migrationBuilder.DropColumn(
                name: "Brand",
                table: "WorkOrderTyreChecks");

            migrationBuilder.DropColumn(
                name: "Size",
                table: "WorkOrderTyreChecks");

            migrationBuilder.DropColumn(
                name: "InspectionItemId",
                table: "WorkOrderServices");

            migrationBuilder.DropColumn(
                name: "Payer",
                table: "WorkOrderServices");

            migrationBuilder.DropColumn(
                name: "DiscountApprovedAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "DiscountApprovedById",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "DiscountRequestedAt",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "DiscountValue",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "IssuedQuantity",
                table: "WorkOrderParts");

            migrationBuilder.DropColumn(
                name: "Payer",
                table: "WorkOrderParts");

            migrationBuilder.DropColumn(
                name: "ServiceId",
                table: "WorkOrderParts");

            migrationBuilder.DropColumn(
                name: "CompletedAt",
                table: "WorkOrderLabor");

            migrationBuilder.DropColumn(
                name: "CannedServiceId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropColumn(
                name: "CheckedAt",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropColumn(
                name: "CheckedById",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropColumn(
                name: "EstimateServiceId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropColumn(
                name: "LaborCatalogId",
                table: "WorkOrderInspectionItems");

            migrationBuilder.DropColumn(
                name: "ItemId",
                table: "WorkOrderInspectionAttachments");

            migrationBuilder.DropColumn(
                name: "CannedServiceId",
                table: "ServiceRecommendations");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "ServiceRecommendations");

            migrationBuilder.DropColumn(
                name: "WorkOrderId",
                table: "ServiceRecommendations");

            migrationBuilder.DropColumn(
                name: "AttachmentMaxMegabytes",
                table: "DealerSettings");

            migrationBuilder.DropColumn(
                name: "AttachmentTypes",
                table: "DealerSettings");

            migrationBuilder.DropColumn(
                name: "DiscountApprovalPercent",
                table: "DealerSettings");

            migrationBuilder.AlterColumn<Guid>(
                name: "RuleId",
                table: "ServiceRecommendations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
