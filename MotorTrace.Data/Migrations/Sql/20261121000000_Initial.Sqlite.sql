CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AuditLogs" (
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


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" text NOT NULL
);


CREATE TABLE "Dealers" (
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
);


CREATE TABLE "Settings" (
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


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUsers" (
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


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "LoginActivities" (
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


CREATE TABLE "ModuleAccess" (
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


CREATE TABLE "Notifications" (
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
    CONSTRAINT "FK_Notifications_Dealers_DealerId" FOREIGN KEY ("DealerId") REFERENCES "Dealers" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "StaffProfiles" (
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


CREATE TABLE "UserSessions" (
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


CREATE UNIQUE INDEX "IX_Dealers_DealerCode" ON "Dealers" ("DealerCode");


CREATE INDEX "IX_Dealers_Name" ON "Dealers" ("Name");


CREATE INDEX "IX_Dealers_Status" ON "Dealers" ("Status");


CREATE INDEX "IX_LoginActivities_CreatedAt" ON "LoginActivities" ("CreatedAt");


CREATE INDEX "IX_LoginActivities_UserId_CreatedAt" ON "LoginActivities" ("UserId", "CreatedAt");


CREATE INDEX "IX_ModuleAccess_GrantedById" ON "ModuleAccess" ("GrantedById");


CREATE INDEX "IX_ModuleAccess_Module" ON "ModuleAccess" ("Module");


CREATE UNIQUE INDEX "IX_ModuleAccess_UserId_Module" ON "ModuleAccess" ("UserId", "Module");


CREATE INDEX "IX_Notifications_CreatedAt" ON "Notifications" ("CreatedAt");


CREATE INDEX "IX_Notifications_DealerId" ON "Notifications" ("DealerId");


CREATE INDEX "IX_Notifications_UserId_IsRead" ON "Notifications" ("UserId", "IsRead");


CREATE INDEX "IX_Settings_Category" ON "Settings" ("Category");


CREATE UNIQUE INDEX "IX_Settings_Category_Key" ON "Settings" ("Category", "Key");


CREATE UNIQUE INDEX "IX_StaffProfiles_EmployeeId" ON "StaffProfiles" ("EmployeeId");


CREATE UNIQUE INDEX "IX_StaffProfiles_UserId" ON "StaffProfiles" ("UserId");


CREATE INDEX "IX_UserSessions_EndedById" ON "UserSessions" ("EndedById");


CREATE INDEX "IX_UserSessions_IsActive" ON "UserSessions" ("IsActive");


CREATE UNIQUE INDEX "IX_UserSessions_SessionId" ON "UserSessions" ("SessionId");


CREATE INDEX "IX_UserSessions_UserId_IsActive" ON "UserSessions" ("UserId", "IsActive");


