namespace Federation.Subgraphs.Spatial.Tests.Http;

/// <summary>Files of the repository the tests compare with, found from the test binaries upwards.</summary>
internal static class RepositoryFile
{
    public static string Read(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return File.ReadAllText(Path.Combine(directory.FullName, relativePath));
            }
        }

        throw new FileNotFoundException($"No Federation.sln above {AppContext.BaseDirectory}.");
    }
}
