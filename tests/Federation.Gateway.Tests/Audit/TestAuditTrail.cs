using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The trail of a gateway a test starts in its process: a spool directory (and development keys) of its
/// own, so gateways running side by side do not share one chain (the spool's lock would refuse the second)
/// and no test writes to the machine's default spool. Removed when the test run ends.
/// </summary>
internal static class TestAuditTrail
{
    private static readonly ConcurrentBag<string> Directories = [];

    static TestAuditTrail() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var directory in Directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A gateway still closing; the temporary directory goes with the system's clean-up.
            }
        }
    };

    public static void Configure(IConfiguration configuration)
    {
        var directory = NewDirectory();
        configuration["Audit:SpoolDirectory"] = directory;
        configuration["Audit:DevelopmentKeyDirectory"] = directory;
    }

    public static string[] Arguments()
    {
        var directory = NewDirectory();
        return [$"--Audit:SpoolDirectory={directory}", $"--Audit:DevelopmentKeyDirectory={directory}"];
    }

    private static string NewDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-tests-audit-").FullName;
        Directories.Add(directory);
        return directory;
    }
}
