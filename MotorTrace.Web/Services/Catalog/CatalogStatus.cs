namespace MotorTrace.Web.Services.Catalog;

/// <summary>Whether the booking page offers a canned service, and why not (its chip in StatusStyles).</summary>
public enum CannedServiceStatus
{
    Bookable,
    NotBookable,
    Archived,
}

/// <summary>Inactive operations stay on existing services and work orders but are offered nowhere.</summary>
public enum LaborStatus
{
    Active,
    Inactive,
}

public static class CatalogStatuses
{
    public static CannedServiceStatus Of(bool isAvailable, bool isArchived) =>
        isArchived ? CannedServiceStatus.Archived : isAvailable ? CannedServiceStatus.Bookable : CannedServiceStatus.NotBookable;

    public static LaborStatus Of(bool isActive) => isActive ? LaborStatus.Active : LaborStatus.Inactive;
}
