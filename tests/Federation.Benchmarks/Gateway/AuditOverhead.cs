using System.Security.Cryptography;
using Federation.Benchmarks.Audit;
using Npgsql;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// What the audit trail costs the gateway (<see cref="GatewayComparison"/>): one gateway recording
/// every request — field decisions, data subjects as keyed hashes, the fsync'd spool, shipped to
/// PostgreSQL in batches — and one with auditing off. The issue asks that auditing keep at least
/// 95 % of the requests per second. PostgreSQL is <c>FEDERATION_BENCH_POSTGRES</c> (default the
/// test server, 127.0.0.1:5440); the trail goes to a schema of the run's own.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- audit [runs] [seconds] [connections]</code>
/// </summary>
internal static class AuditOverhead
{
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = Environment.GetEnvironmentVariable("FEDERATION_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=5440;Username=postgres;Database=postgres";
        var directory = Directory.CreateTempSubdirectory("audit-bench-");
        var schema = $"audit_bench_{Environment.ProcessId}";

        // The audited gateway's database work counts into its CPU per request: its backends are found by this name.
        var applicationName = $"federation-audit-bench-{Environment.ProcessId}";
        var audit = new NpgsqlConnectionStringBuilder(postgres) { ApplicationName = applicationName }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        try
        {
            using var checkpointKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var keyFile = Path.Combine(directory.FullName, "checkpoint-key.pem");
            await File.WriteAllTextAsync(keyFile, checkpointKey.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                // The gateway refuses a private key others can read.
                File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            var audited = new ComparedGateway("auditing on", [
                "--Audit:Enabled=true",
                "--Audit:Store=Postgres",
                $"--ConnectionStrings:Audit={audit}",
                $"--Audit:Schema={schema}",
                $"--Audit:SpoolDirectory={Path.Combine(directory.FullName, "spool")}",
                "--Audit:Instance=benchmark",
                $"--Audit:SubjectKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
                $"--Audit:CheckpointKey={keyFile}",
            ], OutsideCpu: () => PostgresBackendCpu.OfAsync(dataSource, applicationName));
            var unaudited = new ComparedGateway("auditing off", ["--Audit:Enabled=false"]);
            return await GatewayComparison.RunAsync(args, audited, unaudited);
        }
        finally
        {
            directory.Delete(recursive: true);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE; DROP ROLE IF EXISTS {schema}_writer");
            await drop.ExecuteNonQueryAsync();
        }
    }
}
