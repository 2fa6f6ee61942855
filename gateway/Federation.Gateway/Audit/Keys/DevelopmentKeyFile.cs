namespace Federation.Gateway.Audit.Keys;

/// <summary>
/// A development key kept in a file only its owner can read (0600), made on first use — as the
/// development signing key is — so the one-command run's trail keeps one checkpoint key and one subject
/// key across runs. Never a real deployment's: the Postgres store requires configured keys.
/// </summary>
internal static class DevelopmentKeyFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The file's text, made by <paramref name="make"/> when there is no file.</summary>
    /// <exception cref="InvalidOperationException">The file is readable by others than its owner.</exception>
    public static string LoadOrCreate(string path, Func<string> make)
    {
        if (!File.Exists(path))
        {
            Create(path, make());
        }

        CheckOwnerOnly(path, "development audit key");
        return File.ReadAllText(path);
    }

    /// <summary>Refuses a key file others may read: a key anyone on the machine can read signs nothing.</summary>
    public static void CheckOwnerOnly(string path, string what)
    {
        const UnixFileMode groupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & groupOrOther) != 0)
        {
            throw new AuditConfigurationException($"The {what} {path} is readable by others than its owner: `chmod 600 {path}`.");
        }
    }

    private static void Create(string path, string text)
    {
        var directory = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // Written aside and moved into place, so a process reading at the same time never sees half a key.
        var written = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        using (var file = new StreamWriter(written, options))
        {
            file.Write(text);
        }

        try
        {
            File.Move(written, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; its key is the one to use.
            File.Delete(written);
        }
    }
}
