-- Test data only (ADR-008): the schema that the hand-written migrations 20261121000000_Initial and
-- 20261122000000_FrontDesk built on SQLite (sqlite3 .dump of a database they migrated), with their history rows.
-- LegacyDatabaseUpgradeTests builds an old database from it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY,
    "Timestamp" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);
INSERT INTO __EFMigrationsHistory VALUES('20261121000000_Initial','10.0.14');
INSERT INTO __EFMigrationsHistory VALUES('20261122000000_FrontDesk','10.0.14');
CREATE TABLE IF NOT EXISTS "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AuditLogs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditLogs" PRIMARY KEY,
    "UserId" TEXT NULL,
    "DealerId" TEXT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "OldValues" text NULL,
    "NewValues" text NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" text NULL,
    "CreatedAt" TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" text NOT NULL
);
CREATE TABLE IF NOT EXISTS "Dealers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Dealers" PRIMARY KEY,
    "DealerCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" text NULL,
    "City" TEXT NULL,
    "State" TEXT NULL,
    "Country" TEXT NOT NULL,
    "PostalCode" TEXT NULL,
    "Phone" TEXT NULL,
    "Email" TEXT NULL,
    "Brand" TEXT NULL,
    "Status" TEXT NOT NULL,
    "TimeZoneId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL
, "Version" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000');
CREATE TABLE IF NOT EXISTS "InventoryCategories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InventoryCategories" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "ServiceRules" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServiceRules" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" text NULL,
    "RuleType" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "MileageInterval" INTEGER NULL,
    "TimeIntervalMonths" INTEGER NULL,
    "TimeIntervalDays" INTEGER NULL,
    "ServiceType" TEXT NOT NULL,
    "ServiceName" TEXT NOT NULL,
    "Category" TEXT NULL,
    "DependsOn" TEXT NOT NULL,
    "ConflictsWith" TEXT NOT NULL,
    "CanBundle" INTEGER NOT NULL,
    "ApplicableVehicleTypes" TEXT NOT NULL,
    "ApplicableDrivingConditions" TEXT NOT NULL,
    "SevereConditionMultiplier" TEXT NOT NULL,
    "OffroadMultiplier" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "Settings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Category" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Value" text NULL,
    "Description" text NULL,
    "IsSystem" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL
);
CREATE TABLE IF NOT EXISTS "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "FullName" TEXT NOT NULL,
    "UserType" TEXT NOT NULL,
    "DealerId" TEXT NULL,
    "Designation" TEXT NULL,
    "ProfileImage" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "IsRegistrationComplete" INTEGER NOT NULL,
    "LastLoginAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" text NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "CannedServices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CannedServices" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" text NULL,
    "Duration" INTEGER NOT NULL,
    "Price" TEXT NOT NULL,
    "IsAvailable" INTEGER NOT NULL,
    "VariantLabel" TEXT NOT NULL,
    "VehicleType" TEXT NOT NULL,
    "HasOptionalParts" INTEGER NOT NULL,
    "HasOptionalLabor" INTEGER NOT NULL,
    "Category" TEXT NULL,
    "MinVehicleAge" INTEGER NULL,
    "MaxVehicleMileage" INTEGER NULL,
    "IsArchived" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_CannedServices_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "LaborCatalog" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LaborCatalog" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" text NULL,
    "EstimatedMinutes" INTEGER NOT NULL,
    "Category" TEXT NULL,
    "SkillLevel" TEXT NOT NULL,
    "Rate" TEXT NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_LaborCatalog_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "InventoryItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InventoryItems" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Sku" TEXT NOT NULL,
    "PartNumber" TEXT NULL,
    "Manufacturer" TEXT NULL,
    "Location" TEXT NULL,
    "Quantity" INTEGER NOT NULL,
    "MinStockLevel" INTEGER NOT NULL,
    "MaxStockLevel" INTEGER NOT NULL,
    "ReorderPoint" INTEGER NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "CostPrice" TEXT NOT NULL,
    "Supplier" TEXT NULL,
    "SupplierPartNumber" TEXT NULL,
    "Core" INTEGER NOT NULL,
    "CorePrice" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "CK_InventoryItems_Quantity" CHECK ("Quantity" >= 0),
    CONSTRAINT "FK_InventoryItems_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InventoryItems_InventoryCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "InventoryCategories" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ApiRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiRegistrations" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "RegisteredById" TEXT NOT NULL,
    "RegistrationNumber" TEXT NOT NULL,
    "EmployeeName" TEXT NOT NULL,
    "EmployeeEmail" TEXT NULL,
    "EmployeePhone" TEXT NULL,
    "EmployeeDesignation" TEXT NULL,
    "EventName" TEXT NOT NULL,
    "EventDate" TEXT NULL,
    "EventLocation" TEXT NULL,
    "CriteriaData" text NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_ApiRegistrations_AspNetUsers_RegisteredById" FOREIGN KEY ("RegisteredById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ApiRegistrations_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Customers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Customers" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "CompanyName" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "EmailNormalized" TEXT NULL,
    "PhoneNormalized" TEXT NULL,
    "Address" text NULL,
    "City" TEXT NULL,
    "PostalCode" TEXT NULL,
    "Notes" text NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Customers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Customers_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "DealerPccApplications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DealerPccApplications" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "SubmittedById" TEXT NOT NULL,
    "ApplicationNumber" TEXT NOT NULL,
    "ApplicationDate" TEXT NOT NULL,
    "CriteriaData" text NULL,
    "Status" TEXT NOT NULL,
    "ReviewedById" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewComments" text NULL,
    "ApprovedById" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "ApprovalComments" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_DealerPccApplications_AspNetUsers_ApprovedById" FOREIGN KEY ("ApprovedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DealerPccApplications_AspNetUsers_ReviewedById" FOREIGN KEY ("ReviewedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DealerPccApplications_AspNetUsers_SubmittedById" FOREIGN KEY ("SubmittedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DealerPccApplications_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "LoginActivities" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LoginActivities" PRIMARY KEY,
    "UserId" TEXT NULL,
    "Email" TEXT NULL,
    "Action" TEXT NOT NULL,
    "DeviceInfo" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" text NULL,
    "Location" TEXT NULL,
    "Reason" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_LoginActivities_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "ModuleAccess" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ModuleAccess" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Module" TEXT NOT NULL,
    "CanView" INTEGER NOT NULL,
    "CanCreate" INTEGER NOT NULL,
    "CanEdit" INTEGER NOT NULL,
    "CanDelete" INTEGER NOT NULL,
    "CanApprove" INTEGER NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "GrantedById" TEXT NULL,
    CONSTRAINT "FK_ModuleAccess_AspNetUsers_GrantedById" FOREIGN KEY ("GrantedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ModuleAccess_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "MtMeetRegistrations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MtMeetRegistrations" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "RegisteredById" TEXT NOT NULL,
    "RegistrationNumber" TEXT NOT NULL,
    "TechnicianName" TEXT NOT NULL,
    "TechnicianEmail" TEXT NULL,
    "TechnicianPhone" TEXT NULL,
    "TechnicianEmployeeId" TEXT NULL,
    "MeetName" TEXT NOT NULL,
    "MeetDate" TEXT NULL,
    "MeetLocation" TEXT NULL,
    "CriteriaData" text NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_MtMeetRegistrations_AspNetUsers_RegisteredById" FOREIGN KEY ("RegisteredById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MtMeetRegistrations_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "StaffProfiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StaffProfiles" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "EmployeeId" TEXT NOT NULL,
    "Department" TEXT NULL,
    "Mobile" TEXT NULL,
    "Specialization" TEXT NULL,
    "Certifications" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_StaffProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Surveys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Surveys" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubmittedById" TEXT NOT NULL,
    "SurveyNumber" TEXT NOT NULL,
    "SurveyPeriod" TEXT NULL,
    "SubmissionDate" TEXT NOT NULL,
    "Responses" text NOT NULL,
    "OverallScore" TEXT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Surveys_AspNetUsers_SubmittedById" FOREIGN KEY ("SubmittedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Surveys_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "SessionId" TEXT NOT NULL,
    "DeviceInfo" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" text NULL,
    "Location" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastActivityAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "EndedAt" TEXT NULL,
    "EndReason" TEXT NULL,
    "EndedById" TEXT NULL,
    CONSTRAINT "FK_UserSessions_AspNetUsers_EndedById" FOREIGN KEY ("EndedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_UserSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "CannedServicePartsCategories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CannedServicePartsCategories" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CannedServiceId" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "IsRequired" INTEGER NOT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_CannedServicePartsCategories_CannedServices_CannedServiceId" FOREIGN KEY ("CannedServiceId") REFERENCES "CannedServices" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CannedServicePartsCategories_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CannedServicePartsCategories_InventoryCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "InventoryCategories" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "CannedServiceLabor" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CannedServiceLabor" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CannedServiceId" TEXT NOT NULL,
    "LaborCatalogId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "EstimatedMinutes" INTEGER NOT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_CannedServiceLabor_CannedServices_CannedServiceId" FOREIGN KEY ("CannedServiceId") REFERENCES "CannedServices" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CannedServiceLabor_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CannedServiceLabor_LaborCatalog_LaborCatalogId" FOREIGN KEY ("LaborCatalogId") REFERENCES "LaborCatalog" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Vehicles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Vehicles" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Make" TEXT NOT NULL,
    "Model" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Vin" TEXT NOT NULL,
    "LicensePlate" TEXT NULL,
    "LicensePlateNormalized" TEXT NULL,
    "Color" TEXT NULL,
    "ImageUrl" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Vehicles_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Vehicles_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Appointments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "AssignedToId" TEXT NULL,
    "RequestedAt" TEXT NOT NULL,
    "StartTime" TEXT NOT NULL,
    "EndTime" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "Notes" text NULL,
    "StatusChangedAt" TEXT NULL,
    "StatusChangedById" TEXT NULL,
    "CancellationReason" TEXT NULL,
    "CapacityOverrideNote" text NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Appointments_AspNetUsers_AssignedToId" FOREIGN KEY ("AssignedToId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_AspNetUsers_StatusChangedById" FOREIGN KEY ("StatusChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Appointments_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "CarExpenses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CarExpenses" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Description" text NULL,
    "Amount" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Provider" TEXT NULL,
    "ReceiptUrl" TEXT NULL,
    "Notes" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_CarExpenses_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CarExpenses_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CarExpenses_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "MileageEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_MileageEntries" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Mileage" INTEGER NOT NULL,
    "FuelUsed" TEXT NULL,
    "Distance" INTEGER NULL,
    "Efficiency" TEXT NULL,
    "Latitude" TEXT NULL,
    "Longitude" TEXT NULL,
    "LocationName" TEXT NULL,
    "Notes" text NULL,
    "RecordedAt" TEXT NOT NULL,
    "IsOdometerCorrection" INTEGER NOT NULL,
    "CorrectionApprovedById" TEXT NULL,
    CONSTRAINT "FK_MileageEntries_AspNetUsers_CorrectionApprovedById" FOREIGN KEY ("CorrectionApprovedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MileageEntries_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MileageEntries_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MileageEntries_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "ServiceRecommendations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ServiceRecommendations" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "Severity" TEXT NOT NULL,
    "TriggeredAt" TEXT NOT NULL,
    "CurrentMileage" INTEGER NULL,
    "DueMileage" INTEGER NULL,
    "DueDate" TEXT NULL,
    "LastServiceDate" TEXT NULL,
    "LastServiceMileage" INTEGER NULL,
    "Reason" TEXT NULL,
    "EstimatedCost" TEXT NULL,
    "EstimatedDuration" INTEGER NULL,
    "DismissedAt" TEXT NULL,
    "DismissedReason" TEXT NULL,
    "ScheduledAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_ServiceRecommendations_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceRecommendations_ServiceRules_RuleId" FOREIGN KEY ("RuleId") REFERENCES "ServiceRules" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceRecommendations_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "VehicleMileages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VehicleMileages" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "CurrentMileage" INTEGER NOT NULL,
    "TotalDistance" INTEGER NOT NULL,
    "TotalFuelUsed" TEXT NULL,
    "AverageEfficiency" TEXT NULL,
    "LastUpdated" TEXT NOT NULL,
    "LastLocationLat" TEXT NULL,
    "LastLocationLng" TEXT NULL,
    "LastLocationName" TEXT NULL,
    CONSTRAINT "FK_VehicleMileages_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleMileages_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "VehicleProfiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VehicleProfiles" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "DrivingCondition" TEXT NOT NULL,
    "AverageDailyMileage" INTEGER NULL,
    "PrimaryUse" TEXT NULL,
    "EngineType" TEXT NULL,
    "TransmissionType" TEXT NULL,
    "FuelType" TEXT NULL,
    "PreferredServiceInterval" TEXT NOT NULL,
    "NotificationPreferences" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_VehicleProfiles_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleProfiles_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "AppointmentCannedServices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppointmentCannedServices" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "AppointmentId" TEXT NOT NULL,
    "CannedServiceId" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Price" TEXT NOT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_AppointmentCannedServices_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AppointmentCannedServices_CannedServices_CannedServiceId" FOREIGN KEY ("CannedServiceId") REFERENCES "CannedServices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AppointmentCannedServices_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "WorkOrders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrders" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderNumber" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "AppointmentId" TEXT NULL,
    "AdvisorId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "JobType" TEXT NOT NULL,
    "Priority" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Complaint" text NULL,
    "OdometerReading" INTEGER NULL,
    "WarrantyStatus" TEXT NOT NULL,
    "EstimatedTotal" TEXT NULL,
    "EstimateNotes" text NULL,
    "EstimateApproved" INTEGER NOT NULL,
    "SubtotalServices" TEXT NOT NULL,
    "SubtotalParts" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "DiscountAmount" TEXT NOT NULL,
    "DiscountType" TEXT NOT NULL,
    "DiscountReason" TEXT NULL,
    "TaxAmount" TEXT NOT NULL,
    "TotalAmount" TEXT NOT NULL,
    "PaidAmount" TEXT NOT NULL,
    "OpenedAt" TEXT NOT NULL,
    "PromisedAt" TEXT NULL,
    "ClosedAt" TEXT NULL,
    "WorkflowStep" TEXT NOT NULL,
    "InternalNotes" text NULL,
    "CustomerNotes" text NULL,
    "InvoiceNumber" TEXT NULL,
    "FinalizedAt" TEXT NULL,
    "PaymentStatus" TEXT NOT NULL,
    "WarrantyClaimNumber" TEXT NULL,
    "ThirdPartyApprovalCode" TEXT NULL,
    "CampaignId" TEXT NULL,
    "ServicePackageId" TEXT NULL,
    "CustomerSignature" text NULL,
    "CustomerFeedback" text NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_WorkOrders_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrders_AspNetUsers_AdvisorId" FOREIGN KEY ("AdvisorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrders_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrders_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrders_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Invoices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invoices" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InvoiceNumber" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "IssueDate" TEXT NOT NULL,
    "DueDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubtotalServices" TEXT NOT NULL,
    "SubtotalLabor" TEXT NOT NULL,
    "SubtotalParts" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "TaxAmount" TEXT NOT NULL,
    "DiscountAmount" TEXT NOT NULL,
    "TotalAmount" TEXT NOT NULL,
    "PaidAmount" TEXT NOT NULL,
    "BalanceDue" TEXT NOT NULL,
    "Notes" text NULL,
    "Terms" text NULL,
    "PdfUrl" TEXT NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Invoices_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Invoices_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "DealerId" TEXT NULL,
    "WorkOrderId" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Message" text NOT NULL,
    "Priority" TEXT NOT NULL,
    "IsRead" INTEGER NOT NULL,
    "ReadAt" TEXT NULL,
    "ActionUrl" TEXT NULL,
    "ActionText" TEXT NULL,
    "Metadata" text NULL,
    "SentViaEmail" INTEGER NOT NULL,
    "SentViaPush" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Notifications_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Notifications_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "VehicleServiceHistories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VehicleServiceHistories" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "WorkOrderId" TEXT NULL,
    "ServiceType" TEXT NOT NULL,
    "ServiceName" TEXT NOT NULL,
    "ServiceDate" TEXT NOT NULL,
    "ServiceMileage" INTEGER NULL,
    "Provider" TEXT NULL,
    "Cost" TEXT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_VehicleServiceHistories_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleServiceHistories_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleServiceHistories_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "WorkOrderAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderAttachments" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "FileUrl" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "FileType" TEXT NULL,
    "FileSize" INTEGER NOT NULL,
    "Description" text NULL,
    "Category" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_WorkOrderAttachments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderAttachments_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderAttachments_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderInspections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderInspections" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "InspectorId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "TemplateName" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Notes" text NULL,
    "StartedAt" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_WorkOrderInspections_AspNetUsers_InspectorId" FOREIGN KEY ("InspectorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderInspections_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderInspections_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderParts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderParts" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "InventoryItemId" TEXT NULL,
    "InstalledById" TEXT NULL,
    "Description" text NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "CustomerApproved" INTEGER NOT NULL,
    "CustomerRejected" INTEGER NOT NULL,
    "CustomerNotes" text NULL,
    "ApprovedAt" TEXT NULL,
    "RejectedAt" TEXT NULL,
    "Source" TEXT NOT NULL,
    "SupplierName" TEXT NULL,
    "SupplierInvoice" TEXT NULL,
    "WarrantyInfo" text NULL,
    "Notes" text NULL,
    "InstalledAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_WorkOrderParts_AspNetUsers_InstalledById" FOREIGN KEY ("InstalledById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderParts_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderParts_InventoryItems_InventoryItemId" FOREIGN KEY ("InventoryItemId") REFERENCES "InventoryItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderParts_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderQcs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderQcs" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "CheckedById" TEXT NOT NULL,
    "Passed" INTEGER NOT NULL,
    "Checklist" text NULL,
    "Notes" text NULL,
    "CheckedAt" TEXT NOT NULL,
    CONSTRAINT "FK_WorkOrderQcs_AspNetUsers_CheckedById" FOREIGN KEY ("CheckedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderQcs_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderQcs_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderServices" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderServices" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "CannedServiceId" TEXT NULL,
    "Description" text NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "CustomerApproved" INTEGER NOT NULL,
    "CustomerRejected" INTEGER NOT NULL,
    "CustomerNotes" text NULL,
    "ApprovedAt" TEXT NULL,
    "RejectedAt" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Notes" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_WorkOrderServices_CannedServices_CannedServiceId" FOREIGN KEY ("CannedServiceId") REFERENCES "CannedServices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderServices_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderServices_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "Payments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "InvoiceId" TEXT NULL,
    "ProcessedById" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "Reference" TEXT NULL,
    "Status" TEXT NOT NULL,
    "PaidAt" TEXT NULL,
    "Notes" text NULL,
    "RefundAmount" TEXT NOT NULL,
    "RefundReason" TEXT NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_Payments_AspNetUsers_ProcessedById" FOREIGN KEY ("ProcessedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "WorkOrderInspectionAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderInspectionAttachments" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InspectionId" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "FileUrl" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "FileType" TEXT NULL,
    "FileSize" INTEGER NOT NULL,
    "Description" text NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_WorkOrderInspectionAttachments_AspNetUsers_UploadedById" FOREIGN KEY ("UploadedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderInspectionAttachments_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderInspectionAttachments_WorkOrderInspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "WorkOrderInspections" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderInspectionItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderInspectionItems" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InspectionId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Section" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Condition" TEXT NOT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_WorkOrderInspectionItems_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderInspectionItems_WorkOrderInspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "WorkOrderInspections" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "WorkOrderTyreChecks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderTyreChecks" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InspectionId" TEXT NOT NULL,
    "Position" TEXT NOT NULL,
    "TreadDepthMm" TEXT NULL,
    "PressurePsi" TEXT NULL,
    "Condition" TEXT NOT NULL,
    "Notes" text NULL,
    CONSTRAINT "FK_WorkOrderTyreChecks_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderTyreChecks_WorkOrderInspections_InspectionId" FOREIGN KEY ("InspectionId") REFERENCES "WorkOrderInspections" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "StockMovements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StockMovements" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InventoryItemId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "QuantityAfter" INTEGER NOT NULL,
    "UnitCost" TEXT NULL,
    "WorkOrderId" TEXT NULL,
    "WorkOrderPartId" TEXT NULL,
    "Reference" TEXT NULL,
    "Reason" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_StockMovements_AspNetUsers_CreatedById" FOREIGN KEY ("CreatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StockMovements_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StockMovements_InventoryItems_InventoryItemId" FOREIGN KEY ("InventoryItemId") REFERENCES "InventoryItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StockMovements_WorkOrderParts_WorkOrderPartId" FOREIGN KEY ("WorkOrderPartId") REFERENCES "WorkOrderParts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StockMovements_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "WorkOrderLabor" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkOrderLabor" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "WorkOrderId" TEXT NOT NULL,
    "ServiceId" TEXT NULL,
    "LaborCatalogId" TEXT NULL,
    "TechnicianId" TEXT NULL,
    "Description" text NOT NULL,
    "EstimatedMinutes" INTEGER NULL,
    "StartTime" TEXT NULL,
    "EndTime" TEXT NULL,
    "ActualMinutes" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Notes" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_WorkOrderLabor_AspNetUsers_TechnicianId" FOREIGN KEY ("TechnicianId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderLabor_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderLabor_LaborCatalog_LaborCatalogId" FOREIGN KEY ("LaborCatalogId") REFERENCES "LaborCatalog" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderLabor_WorkOrderServices_ServiceId" FOREIGN KEY ("ServiceId") REFERENCES "WorkOrderServices" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkOrderLabor_WorkOrders_WorkOrderId" FOREIGN KEY ("WorkOrderId") REFERENCES "WorkOrders" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "InvoiceLineItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_InvoiceLineItems" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "InvoiceId" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Description" text NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "UnitPrice" TEXT NOT NULL,
    "Subtotal" TEXT NOT NULL,
    "WorkOrderServiceId" TEXT NULL,
    "WorkOrderLaborId" TEXT NULL,
    "WorkOrderPartId" TEXT NULL,
    "Notes" text NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_InvoiceLineItems_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InvoiceLineItems_Invoices_InvoiceId" FOREIGN KEY ("InvoiceId") REFERENCES "Invoices" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_InvoiceLineItems_WorkOrderLabor_WorkOrderLaborId" FOREIGN KEY ("WorkOrderLaborId") REFERENCES "WorkOrderLabor" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InvoiceLineItems_WorkOrderParts_WorkOrderPartId" FOREIGN KEY ("WorkOrderPartId") REFERENCES "WorkOrderParts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_InvoiceLineItems_WorkOrderServices_WorkOrderServiceId" FOREIGN KEY ("WorkOrderServiceId") REFERENCES "WorkOrderServices" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "DealerSettings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DealerSettings" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "MaxAppointmentsPerDay" INTEGER NOT NULL,
    "MaxAppointmentsPerBlock" INTEGER NOT NULL,
    "BlockMinutes" INTEGER NOT NULL,
    "MinNoticeHours" INTEGER NOT NULL,
    "MaxDaysAhead" INTEGER NOT NULL,
    "TaxRatePercent" TEXT NOT NULL,
    "CurrencyCode" TEXT NOT NULL,
    "InvoiceDueDays" INTEGER NOT NULL,
    "InvoiceTerms" text NULL,
    "Version" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_DealerSettings_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "DealerShopHours" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DealerShopHours" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "DayOfWeek" TEXT NOT NULL,
    "IsOpen" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    CONSTRAINT "FK_DealerShopHours_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "DealerSequences" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DealerSequences" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "NextValue" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_DealerSequences_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS "CustomerNotes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CustomerNotes" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "CustomerId" TEXT NOT NULL,
    "Text" text NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NULL,
    "UpdatedById" TEXT NULL,
    CONSTRAINT "FK_CustomerNotes_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CustomerNotes_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "AppointmentStatusChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AppointmentStatusChanges" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "AppointmentId" TEXT NOT NULL,
    "FromStatus" TEXT NULL,
    "ToStatus" TEXT NOT NULL,
    "ChangedById" TEXT NULL,
    "ChangedAt" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_AppointmentStatusChanges_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AppointmentStatusChanges_AspNetUsers_ChangedById" FOREIGN KEY ("ChangedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AppointmentStatusChanges_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "VehicleTransfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VehicleTransfers" PRIMARY KEY,
    "DealerId" TEXT NOT NULL,
    "VehicleId" TEXT NOT NULL,
    "FromCustomerId" TEXT NOT NULL,
    "ToCustomerId" TEXT NOT NULL,
    "TransferredAt" TEXT NOT NULL,
    "TransferredById" TEXT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_VehicleTransfers_AspNetUsers_TransferredById" FOREIGN KEY ("TransferredById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleTransfers_Customers_FromCustomerId" FOREIGN KEY ("FromCustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleTransfers_Customers_ToCustomerId" FOREIGN KEY ("ToCustomerId") REFERENCES "Customers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleTransfers_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VehicleTransfers_Vehicles_VehicleId" FOREIGN KEY ("VehicleId") REFERENCES "Vehicles" ("Id") ON DELETE CASCADE
);
DELETE FROM sqlite_sequence;
CREATE INDEX "IX_ApiRegistrations_DealerId" ON "ApiRegistrations" ("DealerId");
CREATE INDEX "IX_ApiRegistrations_EventDate" ON "ApiRegistrations" ("EventDate");
CREATE INDEX "IX_ApiRegistrations_RegisteredById" ON "ApiRegistrations" ("RegisteredById");
CREATE UNIQUE INDEX "IX_ApiRegistrations_RegistrationNumber" ON "ApiRegistrations" ("RegistrationNumber");
CREATE INDEX "IX_ApiRegistrations_Status" ON "ApiRegistrations" ("Status");
CREATE INDEX "IX_AppointmentCannedServices_AppointmentId" ON "AppointmentCannedServices" ("AppointmentId");
CREATE INDEX "IX_AppointmentCannedServices_CannedServiceId" ON "AppointmentCannedServices" ("CannedServiceId");
CREATE INDEX "IX_AppointmentCannedServices_DealerId" ON "AppointmentCannedServices" ("DealerId");
CREATE INDEX "IX_Appointments_AssignedToId_StartTime" ON "Appointments" ("AssignedToId", "StartTime");
CREATE INDEX "IX_Appointments_CustomerId" ON "Appointments" ("CustomerId");
CREATE INDEX "IX_Appointments_DealerId_StartTime" ON "Appointments" ("DealerId", "StartTime");
CREATE INDEX "IX_Appointments_DealerId_Status" ON "Appointments" ("DealerId", "Status");
CREATE INDEX "IX_Appointments_StatusChangedById" ON "Appointments" ("StatusChangedById");
CREATE INDEX "IX_Appointments_VehicleId" ON "Appointments" ("VehicleId");
CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");
CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");
CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");
CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");
CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");
CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");
CREATE INDEX "IX_AspNetUsers_CreatedById" ON "AspNetUsers" ("CreatedById");
CREATE INDEX "IX_AspNetUsers_DealerId" ON "AspNetUsers" ("DealerId");
CREATE INDEX "IX_AspNetUsers_FullName" ON "AspNetUsers" ("FullName");
CREATE INDEX "IX_AspNetUsers_UserType" ON "AspNetUsers" ("UserType");
CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");
CREATE INDEX "IX_AuditLogs_CreatedAt" ON "AuditLogs" ("CreatedAt");
CREATE INDEX "IX_AuditLogs_DealerId" ON "AuditLogs" ("DealerId");
CREATE INDEX "IX_AuditLogs_EntityType_EntityId" ON "AuditLogs" ("EntityType", "EntityId");
CREATE INDEX "IX_AuditLogs_UserId" ON "AuditLogs" ("UserId");
CREATE UNIQUE INDEX "IX_CannedServiceLabor_CannedServiceId_Sequence" ON "CannedServiceLabor" ("CannedServiceId", "Sequence");
CREATE INDEX "IX_CannedServiceLabor_DealerId" ON "CannedServiceLabor" ("DealerId");
CREATE INDEX "IX_CannedServiceLabor_LaborCatalogId" ON "CannedServiceLabor" ("LaborCatalogId");
CREATE UNIQUE INDEX "IX_CannedServicePartsCategories_CannedServiceId_CategoryId" ON "CannedServicePartsCategories" ("CannedServiceId", "CategoryId");
CREATE INDEX "IX_CannedServicePartsCategories_CategoryId" ON "CannedServicePartsCategories" ("CategoryId");
CREATE INDEX "IX_CannedServicePartsCategories_DealerId" ON "CannedServicePartsCategories" ("DealerId");
CREATE UNIQUE INDEX "IX_CannedServices_DealerId_Code" ON "CannedServices" ("DealerId", "Code");
CREATE INDEX "IX_CannedServices_DealerId_Name" ON "CannedServices" ("DealerId", "Name");
CREATE INDEX "IX_CarExpenses_CreatedById" ON "CarExpenses" ("CreatedById");
CREATE INDEX "IX_CarExpenses_DealerId" ON "CarExpenses" ("DealerId");
CREATE INDEX "IX_CarExpenses_VehicleId_Date" ON "CarExpenses" ("VehicleId", "Date");
CREATE INDEX "IX_Customers_DealerId_EmailNormalized" ON "Customers" ("DealerId", "EmailNormalized");
CREATE INDEX "IX_Customers_DealerId_Name" ON "Customers" ("DealerId", "Name");
CREATE INDEX "IX_Customers_DealerId_PhoneNormalized" ON "Customers" ("DealerId", "PhoneNormalized");
CREATE UNIQUE INDEX "IX_Customers_UserId" ON "Customers" ("UserId");
CREATE INDEX "IX_DealerPccApplications_ApplicationDate" ON "DealerPccApplications" ("ApplicationDate");
CREATE UNIQUE INDEX "IX_DealerPccApplications_ApplicationNumber" ON "DealerPccApplications" ("ApplicationNumber");
CREATE INDEX "IX_DealerPccApplications_ApprovedById" ON "DealerPccApplications" ("ApprovedById");
CREATE INDEX "IX_DealerPccApplications_DealerId" ON "DealerPccApplications" ("DealerId");
CREATE INDEX "IX_DealerPccApplications_ReviewedById" ON "DealerPccApplications" ("ReviewedById");
CREATE INDEX "IX_DealerPccApplications_Status" ON "DealerPccApplications" ("Status");
CREATE INDEX "IX_DealerPccApplications_SubmittedById" ON "DealerPccApplications" ("SubmittedById");
CREATE UNIQUE INDEX "IX_Dealers_DealerCode" ON "Dealers" ("DealerCode");
CREATE INDEX "IX_Dealers_Name" ON "Dealers" ("Name");
CREATE INDEX "IX_Dealers_Status" ON "Dealers" ("Status");
CREATE UNIQUE INDEX "IX_InventoryCategories_Name" ON "InventoryCategories" ("Name");
CREATE INDEX "IX_InventoryItems_CategoryId" ON "InventoryItems" ("CategoryId");
CREATE INDEX "IX_InventoryItems_DealerId_Name" ON "InventoryItems" ("DealerId", "Name");
CREATE UNIQUE INDEX "IX_InventoryItems_DealerId_PartNumber" ON "InventoryItems" ("DealerId", "PartNumber");
CREATE UNIQUE INDEX "IX_InventoryItems_DealerId_Sku" ON "InventoryItems" ("DealerId", "Sku");
CREATE INDEX "IX_InvoiceLineItems_DealerId" ON "InvoiceLineItems" ("DealerId");
CREATE INDEX "IX_InvoiceLineItems_InvoiceId" ON "InvoiceLineItems" ("InvoiceId");
CREATE INDEX "IX_InvoiceLineItems_WorkOrderLaborId" ON "InvoiceLineItems" ("WorkOrderLaborId");
CREATE INDEX "IX_InvoiceLineItems_WorkOrderPartId" ON "InvoiceLineItems" ("WorkOrderPartId");
CREATE INDEX "IX_InvoiceLineItems_WorkOrderServiceId" ON "InvoiceLineItems" ("WorkOrderServiceId");
CREATE UNIQUE INDEX "IX_Invoices_DealerId_InvoiceNumber" ON "Invoices" ("DealerId", "InvoiceNumber");
CREATE INDEX "IX_Invoices_DealerId_IssueDate" ON "Invoices" ("DealerId", "IssueDate");
CREATE INDEX "IX_Invoices_DealerId_Status" ON "Invoices" ("DealerId", "Status");
CREATE INDEX "IX_Invoices_WorkOrderId" ON "Invoices" ("WorkOrderId");
CREATE UNIQUE INDEX "IX_LaborCatalog_DealerId_Code" ON "LaborCatalog" ("DealerId", "Code");
CREATE INDEX "IX_LoginActivities_CreatedAt" ON "LoginActivities" ("CreatedAt");
CREATE INDEX "IX_LoginActivities_UserId_CreatedAt" ON "LoginActivities" ("UserId", "CreatedAt");
CREATE INDEX "IX_MileageEntries_CorrectionApprovedById" ON "MileageEntries" ("CorrectionApprovedById");
CREATE INDEX "IX_MileageEntries_DealerId" ON "MileageEntries" ("DealerId");
CREATE INDEX "IX_MileageEntries_RecordedById" ON "MileageEntries" ("RecordedById");
CREATE INDEX "IX_MileageEntries_VehicleId_RecordedAt" ON "MileageEntries" ("VehicleId", "RecordedAt");
CREATE INDEX "IX_ModuleAccess_GrantedById" ON "ModuleAccess" ("GrantedById");
CREATE INDEX "IX_ModuleAccess_Module" ON "ModuleAccess" ("Module");
CREATE UNIQUE INDEX "IX_ModuleAccess_UserId_Module" ON "ModuleAccess" ("UserId", "Module");
CREATE INDEX "IX_MtMeetRegistrations_DealerId" ON "MtMeetRegistrations" ("DealerId");
CREATE INDEX "IX_MtMeetRegistrations_MeetDate" ON "MtMeetRegistrations" ("MeetDate");
CREATE INDEX "IX_MtMeetRegistrations_RegisteredById" ON "MtMeetRegistrations" ("RegisteredById");
CREATE UNIQUE INDEX "IX_MtMeetRegistrations_RegistrationNumber" ON "MtMeetRegistrations" ("RegistrationNumber");
CREATE INDEX "IX_MtMeetRegistrations_Status" ON "MtMeetRegistrations" ("Status");
CREATE INDEX "IX_Notifications_CreatedAt" ON "Notifications" ("CreatedAt");
CREATE INDEX "IX_Notifications_DealerId" ON "Notifications" ("DealerId");
CREATE INDEX "IX_Notifications_UserId_IsRead" ON "Notifications" ("UserId", "IsRead");
CREATE INDEX "IX_Notifications_WorkOrderId" ON "Notifications" ("WorkOrderId");
CREATE INDEX "IX_Payments_DealerId_PaidAt" ON "Payments" ("DealerId", "PaidAt");
CREATE INDEX "IX_Payments_InvoiceId" ON "Payments" ("InvoiceId");
CREATE INDEX "IX_Payments_ProcessedById" ON "Payments" ("ProcessedById");
CREATE INDEX "IX_Payments_WorkOrderId" ON "Payments" ("WorkOrderId");
CREATE INDEX "IX_ServiceRecommendations_DealerId_Status" ON "ServiceRecommendations" ("DealerId", "Status");
CREATE INDEX "IX_ServiceRecommendations_RuleId" ON "ServiceRecommendations" ("RuleId");
CREATE INDEX "IX_ServiceRecommendations_VehicleId_RuleId" ON "ServiceRecommendations" ("VehicleId", "RuleId");
CREATE UNIQUE INDEX "IX_ServiceRules_Code" ON "ServiceRules" ("Code");
CREATE INDEX "IX_ServiceRules_IsActive" ON "ServiceRules" ("IsActive");
CREATE INDEX "IX_Settings_Category" ON "Settings" ("Category");
CREATE UNIQUE INDEX "IX_Settings_Category_Key" ON "Settings" ("Category", "Key");
CREATE UNIQUE INDEX "IX_StaffProfiles_EmployeeId" ON "StaffProfiles" ("EmployeeId");
CREATE UNIQUE INDEX "IX_StaffProfiles_UserId" ON "StaffProfiles" ("UserId");
CREATE INDEX "IX_StockMovements_CreatedById" ON "StockMovements" ("CreatedById");
CREATE INDEX "IX_StockMovements_DealerId" ON "StockMovements" ("DealerId");
CREATE INDEX "IX_StockMovements_InventoryItemId_CreatedAt" ON "StockMovements" ("InventoryItemId", "CreatedAt");
CREATE INDEX "IX_StockMovements_WorkOrderId" ON "StockMovements" ("WorkOrderId");
CREATE INDEX "IX_StockMovements_WorkOrderPartId" ON "StockMovements" ("WorkOrderPartId");
CREATE INDEX "IX_Surveys_DealerId" ON "Surveys" ("DealerId");
CREATE INDEX "IX_Surveys_Kind_Status" ON "Surveys" ("Kind", "Status");
CREATE INDEX "IX_Surveys_SubmissionDate" ON "Surveys" ("SubmissionDate");
CREATE INDEX "IX_Surveys_SubmittedById" ON "Surveys" ("SubmittedById");
CREATE UNIQUE INDEX "IX_Surveys_SurveyNumber" ON "Surveys" ("SurveyNumber");
CREATE INDEX "IX_UserSessions_EndedById" ON "UserSessions" ("EndedById");
CREATE INDEX "IX_UserSessions_IsActive" ON "UserSessions" ("IsActive");
CREATE UNIQUE INDEX "IX_UserSessions_SessionId" ON "UserSessions" ("SessionId");
CREATE INDEX "IX_UserSessions_UserId_IsActive" ON "UserSessions" ("UserId", "IsActive");
CREATE INDEX "IX_VehicleMileages_DealerId" ON "VehicleMileages" ("DealerId");
CREATE UNIQUE INDEX "IX_VehicleMileages_VehicleId" ON "VehicleMileages" ("VehicleId");
CREATE INDEX "IX_VehicleProfiles_DealerId" ON "VehicleProfiles" ("DealerId");
CREATE UNIQUE INDEX "IX_VehicleProfiles_VehicleId" ON "VehicleProfiles" ("VehicleId");
CREATE INDEX "IX_Vehicles_CustomerId" ON "Vehicles" ("CustomerId");
CREATE INDEX "IX_Vehicles_DealerId_LicensePlateNormalized" ON "Vehicles" ("DealerId", "LicensePlateNormalized");
CREATE UNIQUE INDEX "IX_Vehicles_DealerId_Vin" ON "Vehicles" ("DealerId", "Vin");
CREATE INDEX "IX_VehicleServiceHistories_DealerId" ON "VehicleServiceHistories" ("DealerId");
CREATE INDEX "IX_VehicleServiceHistories_VehicleId_ServiceDate" ON "VehicleServiceHistories" ("VehicleId", "ServiceDate");
CREATE INDEX "IX_VehicleServiceHistories_WorkOrderId" ON "VehicleServiceHistories" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderAttachments_DealerId" ON "WorkOrderAttachments" ("DealerId");
CREATE INDEX "IX_WorkOrderAttachments_UploadedById" ON "WorkOrderAttachments" ("UploadedById");
CREATE INDEX "IX_WorkOrderAttachments_WorkOrderId" ON "WorkOrderAttachments" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderInspectionAttachments_DealerId" ON "WorkOrderInspectionAttachments" ("DealerId");
CREATE INDEX "IX_WorkOrderInspectionAttachments_InspectionId" ON "WorkOrderInspectionAttachments" ("InspectionId");
CREATE INDEX "IX_WorkOrderInspectionAttachments_UploadedById" ON "WorkOrderInspectionAttachments" ("UploadedById");
CREATE INDEX "IX_WorkOrderInspectionItems_DealerId" ON "WorkOrderInspectionItems" ("DealerId");
CREATE INDEX "IX_WorkOrderInspectionItems_InspectionId_Sequence" ON "WorkOrderInspectionItems" ("InspectionId", "Sequence");
CREATE INDEX "IX_WorkOrderInspections_DealerId" ON "WorkOrderInspections" ("DealerId");
CREATE INDEX "IX_WorkOrderInspections_InspectorId" ON "WorkOrderInspections" ("InspectorId");
CREATE INDEX "IX_WorkOrderInspections_WorkOrderId" ON "WorkOrderInspections" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderLabor_DealerId_TechnicianId_Status" ON "WorkOrderLabor" ("DealerId", "TechnicianId", "Status");
CREATE INDEX "IX_WorkOrderLabor_LaborCatalogId" ON "WorkOrderLabor" ("LaborCatalogId");
CREATE INDEX "IX_WorkOrderLabor_ServiceId" ON "WorkOrderLabor" ("ServiceId");
CREATE INDEX "IX_WorkOrderLabor_TechnicianId" ON "WorkOrderLabor" ("TechnicianId");
CREATE INDEX "IX_WorkOrderLabor_WorkOrderId" ON "WorkOrderLabor" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderParts_DealerId" ON "WorkOrderParts" ("DealerId");
CREATE INDEX "IX_WorkOrderParts_InstalledById" ON "WorkOrderParts" ("InstalledById");
CREATE INDEX "IX_WorkOrderParts_InventoryItemId" ON "WorkOrderParts" ("InventoryItemId");
CREATE INDEX "IX_WorkOrderParts_WorkOrderId" ON "WorkOrderParts" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderQcs_CheckedById" ON "WorkOrderQcs" ("CheckedById");
CREATE INDEX "IX_WorkOrderQcs_DealerId" ON "WorkOrderQcs" ("DealerId");
CREATE INDEX "IX_WorkOrderQcs_WorkOrderId_CheckedAt" ON "WorkOrderQcs" ("WorkOrderId", "CheckedAt");
CREATE INDEX "IX_WorkOrders_AdvisorId" ON "WorkOrders" ("AdvisorId");
CREATE UNIQUE INDEX "IX_WorkOrders_AppointmentId" ON "WorkOrders" ("AppointmentId");
CREATE INDEX "IX_WorkOrders_CustomerId" ON "WorkOrders" ("CustomerId");
CREATE INDEX "IX_WorkOrders_DealerId_OpenedAt" ON "WorkOrders" ("DealerId", "OpenedAt");
CREATE INDEX "IX_WorkOrders_DealerId_Status" ON "WorkOrders" ("DealerId", "Status");
CREATE UNIQUE INDEX "IX_WorkOrders_DealerId_WorkOrderNumber" ON "WorkOrders" ("DealerId", "WorkOrderNumber");
CREATE INDEX "IX_WorkOrders_VehicleId" ON "WorkOrders" ("VehicleId");
CREATE INDEX "IX_WorkOrderServices_CannedServiceId" ON "WorkOrderServices" ("CannedServiceId");
CREATE INDEX "IX_WorkOrderServices_DealerId" ON "WorkOrderServices" ("DealerId");
CREATE INDEX "IX_WorkOrderServices_WorkOrderId" ON "WorkOrderServices" ("WorkOrderId");
CREATE INDEX "IX_WorkOrderTyreChecks_DealerId" ON "WorkOrderTyreChecks" ("DealerId");
CREATE UNIQUE INDEX "IX_WorkOrderTyreChecks_InspectionId_Position" ON "WorkOrderTyreChecks" ("InspectionId", "Position");
CREATE UNIQUE INDEX "IX_DealerSettings_DealerId" ON "DealerSettings" ("DealerId");
CREATE UNIQUE INDEX "IX_DealerShopHours_DealerId_DayOfWeek" ON "DealerShopHours" ("DealerId", "DayOfWeek");
CREATE UNIQUE INDEX "IX_DealerSequences_DealerId_Name" ON "DealerSequences" ("DealerId", "Name");
CREATE INDEX "IX_CustomerNotes_CustomerId_CreatedAt" ON "CustomerNotes" ("CustomerId", "CreatedAt");
CREATE INDEX "IX_CustomerNotes_DealerId" ON "CustomerNotes" ("DealerId");
CREATE INDEX "IX_AppointmentStatusChanges_AppointmentId_ChangedAt" ON "AppointmentStatusChanges" ("AppointmentId", "ChangedAt");
CREATE INDEX "IX_AppointmentStatusChanges_ChangedById" ON "AppointmentStatusChanges" ("ChangedById");
CREATE INDEX "IX_AppointmentStatusChanges_DealerId" ON "AppointmentStatusChanges" ("DealerId");
CREATE INDEX "IX_VehicleTransfers_DealerId" ON "VehicleTransfers" ("DealerId");
CREATE INDEX "IX_VehicleTransfers_FromCustomerId" ON "VehicleTransfers" ("FromCustomerId");
CREATE INDEX "IX_VehicleTransfers_ToCustomerId" ON "VehicleTransfers" ("ToCustomerId");
CREATE INDEX "IX_VehicleTransfers_TransferredById" ON "VehicleTransfers" ("TransferredById");
CREATE INDEX "IX_VehicleTransfers_VehicleId_TransferredAt" ON "VehicleTransfers" ("VehicleId", "TransferredAt");
COMMIT;
