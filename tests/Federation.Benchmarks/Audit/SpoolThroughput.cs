using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Audit.Verification;
using Microsoft.Extensions.Logging.Abstractions;

namespace Federation.Benchmarks.Audit;

/// <summary>
/// How many records per second the audit trail makes durable: many concurrent appenders (as many
/// requests in flight) append access records — five field decisions, two subjects — to a spool in a
/// scratch directory, each waiting for its record's fsync as a request does; group commit shares one
/// fsync among every append of a batch. Prints records per second, batches (fsyncs) per second, records
/// per batch and the append latency; then reads the spool back and verifies the chain.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- audit-spool [seconds] [appenders...]</code>
/// </summary>
internal static class SpoolThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        int[] appenders = args.Length > 1 ? [.. args[1..].Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [64, 256, 1024];
        Console.WriteLine($"audit spool, {seconds} s per run, fsync per batch, {Environment.ProcessorCount} cores");
        Console.WriteLine("| appenders | records/s | fsyncs/s | records per fsync | p50 µs | p99 µs | max µs | chain |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var count in appenders)
        {
            await RunOnceAsync(count, TimeSpan.FromSeconds(seconds));
        }

        return 0;
    }

    private static async Task RunOnceAsync(int appenders, TimeSpan duration)
    {
        var directory = Directory.CreateTempSubdirectory("audit-spool-benchmark-");
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var signer = new CheckpointSigner(key);
            var settings = new AuditSpoolSettings(directory.FullName, "benchmark", 1000, TimeSpan.FromMinutes(1), KeepShipped: true);
            var spool = AuditSpool.Open(settings, signer, TimeProvider.System, NullLogger.Instance);
            long appended;
            double elapsed;
            long batches;
            List<long> latencies;
            await using (spool)
            {
                // Warm up (JIT, page cache, the first segment), then measure.
                await LoadAsync(spool, appenders, TimeSpan.FromSeconds(2));
                var batchesBefore = spool.Batches;
                var started = Stopwatch.GetTimestamp();
                (appended, latencies) = await LoadAsync(spool, appenders, duration);
                elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
                batches = spool.Batches - batchesBefore;
            }

            var contents = AuditSpoolReader.ReadAll(directory.FullName);
            var verification = new ChainVerifier([signer.PublicKey]).Verify(contents.Records, contents.Checkpoints);
            latencies.Sort();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {appenders} | {appended / elapsed:N0} | {batches / elapsed:N0} | {(double)appended / batches:N1} | {Percentile(latencies, 0.50)} | {Percentile(latencies, 0.99)} | {latencies[^1]} | {(verification.Whole ? "whole" : "BROKEN " + verification.FirstBreak)}, {verification.Records:N0} records |"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<(long Appended, List<long> LatenciesMicroseconds)> LoadAsync(AuditSpool spool, int appenders, TimeSpan duration)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, appenders).Select(number => Task.Run(async () =>
        {
            var latencies = new List<long>(4096);
            var sequence = 0;
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var started = Stopwatch.GetTimestamp();
                await spool.AppendAsync(Entry(number, sequence++), CancellationToken.None);
                latencies.Add((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            return latencies;
        })).ToList();
        var all = await Task.WhenAll(tasks);
        var merged = new List<long>(all.Sum(l => l.Count));
        foreach (var latencies in all)
        {
            merged.AddRange(latencies);
        }

        return (merged.Count, merged);
    }

    private static long Percentile(List<long> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];

    private static readonly Guid Grant = Guid.Parse("6f1c2a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f");

    /// <summary>A typical access record: who, why, five field decisions (one denied), two subjects.</summary>
    private static AuditEntry Entry(int appender, int sequence) => new()
    {
        At = DateTimeOffset.UtcNow,
        Kind = AuditKind.Access,
        User = "user-" + appender.ToString(CultureInfo.InvariantCulture),
        Agency = "11330100MB0000000X",
        Division = "330100",
        Purpose = "ADMINISTRATIVE_LICENSING",
        Matter = "330100-0001",
        OperationName = "PersonLicences",
        DocumentHash = "9f2c8b6a4d1e0f3a5b7c9d2e4f6a8b0c1d3e5f7a9b2c4d6e8f0a1b3c5d7e9f2a",
        Outcome = AuditOutcome.PartlyDenied,
        DurationMicroseconds = 1534 + sequence % 100,
        ClientAddress = "10.0.0.7",
        RequestId = "0HN8:" + sequence.ToString("X8", CultureInfo.InvariantCulture),
        Fields =
        [
            new("Query.person", "population.person", "UNCONDITIONAL", FieldDecision.Allowed),
            new("Person.name", "population.person.name", "UNCONDITIONAL", FieldDecision.Allowed),
            new("Person.income", "population.person.income", "CONDITIONAL", FieldDecision.AllowedWithinDivision, Grant: Grant),
            new("Person.licences", "licences.licence", "CONDITIONAL", FieldDecision.Allowed, Grant: Grant),
            new("Person.health", "population.person.health", "NOT_SHARED", FieldDecision.Denied, Code: "NOT_SHARED", Path: "person.health"),
        ],
        Subjects =
        [
            new("CITIZEN_ID", "3b0c8d4e9f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4", ["population.person.name", "population.person.income"]),
            new("LICENCE_NUMBER", "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", ["licences.licence"]),
        ],
    };
}
