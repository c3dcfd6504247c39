namespace MotorTrace.Data.Entities.Network;

/// <summary>
/// ASP.NET Core data-protection key ring, kept in the database so every app instance can read the
/// cookies of every other (the EF Core package for this does not restore here).
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
