namespace Federation.Gateway.Tests;

/// <summary>A directory of the test's own, deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("gateway-tests-");

    public string Path => directory.FullName;

    public void Dispose() => directory.Delete(recursive: true);
}
