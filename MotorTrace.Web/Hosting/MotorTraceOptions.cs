namespace MotorTrace.Web.Hosting;

/// <summary>Where MotorTrace keeps files: the SQLite database, development mail and data-protection fallbacks.</summary>
public sealed class MotorTraceOptions
{
    public const string Section = "MotorTrace";

    /// <summary>Relative paths are under the content root. Default: App_Data.</summary>
    public string DataFolder { get; set; } = "App_Data";

    public static string ResolveDataFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration[$"{Section}:{nameof(DataFolder)}"] ?? "App_Data";
        return Path.GetFullPath(Path.Combine(environment.ContentRootPath, folder));
    }
}
