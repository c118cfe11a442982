namespace EnergyTap.Server.Storage;

/// <summary>Where the service keeps its SQLite database unless told otherwise.</summary>
public static class StoragePaths
{
    /// <summary>
    /// <c>$XDG_DATA_HOME/energytap/energytap.db</c>, or <c>~/.local/share/energytap/energytap.db</c> when
    /// XDG_DATA_HOME is not set (the XDG base directory convention).
    /// </summary>
    public static string DefaultDatabasePath
    {
        get
        {
            var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (string.IsNullOrWhiteSpace(dataHome) || !Path.IsPathRooted(dataHome))
            {
                dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            }

            return Path.Combine(dataHome, "energytap", "energytap.db");
        }
    }
}
