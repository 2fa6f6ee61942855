using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Storage;
using Npgsql;

namespace Federation.Benchmarks.Audit;

/// <summary>
/// Records per second the PostgreSQL sink (<see cref="PostgresAuditSink"/>) stores, one batch after the
/// other as the shipper hands them over: each batch one transaction, the month's partitions ensured,
/// binary COPY, into the durable (logged) partitioned table with its four indexes. The records are
/// realistic access records — a few field decisions with a grant, a few data subjects as keyed hashes,
/// one to three field decisions, one or two subjects, canonical bodies of 600 to 800 bytes — made before the clock starts (the chaining is the spool's
/// cost, not the sink's), each run on a chain of its own.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- audit-writer [runs] [seconds] [batch size] [writers] [prefill] [times]</code>
/// With several writers, each is a gateway instance's shipper on its own chain and connection, all at
/// once: what the store takes from a fleet rather than from one instance. <c>prefill</c> records are
/// stored first (untimed), so that the runs measure a table that already holds them, not an empty one.
/// <c>times</c>:
/// <c>rising</c> (the default) gives each record the time it is written at, as a gateway's records
/// come (a request's start time, in the order the requests end); <c>window</c> keeps the pool's times,
/// spread over the minute before the benchmark started — what this benchmark did before 2026-12-07
/// 23:30, which makes the B-trees on <c>at</c> insert all over the table instead of at its end.
/// The database is <c>FEDERATION_TEST_POSTGRES</c> (the tests' server); a schema of the benchmark's own is
/// migrated, and dropped at the end with its writer role.
/// </summary>
internal static class AuditWriterThroughput
{
    private const int DistinctEntries = 4096;
    private const string ApplicationName = "audit-writer-benchmark";

    private static readonly byte[][] Hashes = [.. Enumerable.Range(0, 65_536).Select(_ => RandomNumberGenerator.GetBytes(AuditChain.HashBytes))];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var batchSize = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;
        var writers = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var prefill = args.Length > 4 ? long.Parse(args[4], CultureInfo.InvariantCulture) : 0;
        var rising = args.Length <= 5 || args[5] switch
        {
            "rising" => true,
            "window" => false,
            _ => throw new ArgumentException($"times is 'rising' or 'window', not '{args[5]}'"),
        };
        var connectionString = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("FEDERATION_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5440;Username=postgres;Database=postgres") { ApplicationName = ApplicationName }.ConnectionString;
        var schema = "bench_audit_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        await using var dataSource = NpgsqlDataSource.Create(PostgresAuditSink.ConnectionString(connectionString));
        await AuditSchemaOwner.MigrateAsync(dataSource, schema, null, CancellationToken.None);
        try
        {
            Console.WriteLine($"PostgreSQL {await SettingAsync(dataSource, "server_version")}: fsync={await SettingAsync(dataSource, "fsync")}, " +
                $"synchronous_commit={await SettingAsync(dataSource, "synchronous_commit")}, wal_level={await SettingAsync(dataSource, "wal_level")}, shared_buffers={await SettingAsync(dataSource, "shared_buffers")}");
            var pool = Entries();
            Console.WriteLine($"{DistinctEntries} distinct entries, bodies of {pool.Average(e => e.Body.Length):F0} bytes on average; batches of {batchSize}; {writers} writer(s); " +
                $"{runs} runs of {seconds} s after a 5 s warm-up; {prefill} records stored first; times {(rising ? "rising" : "window")}");

            var sink = new PostgresAuditSink(dataSource, schema);
            if (prefill > 0)
            {
                var filling = Stopwatch.StartNew();
                await WriteAsync(sink, pool, "prefill", batchSize, rising, (written, _) => written < prefill);
                Console.WriteLine($"prefilled {prefill} records in {filling.Elapsed.TotalSeconds:F1} s ({prefill / filling.Elapsed.TotalSeconds:F0} records/s)");
            }

            var rates = new List<double>();
            var clientCosts = new List<double>();
            var serverCosts = new List<double>();
            var wholeServerCosts = new List<double>();
            var tableRows = prefill;
            for (var run = 0; run <= runs; run++)
            {
                var warmUp = run == 0;
                var duration = TimeSpan.FromSeconds(warmUp ? 5 : seconds);
                var serverBefore = await PostgresBackendCpu.OfAsync(dataSource, ApplicationName);
                var wholeServerBefore = await PostgresBackendCpu.OfServerAsync(dataSource);
                var clientBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var written = await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() =>
                    WriteAsync(sink, pool, $"bench-{run}-{writer}", batchSize, rising, (_, elapsed) => elapsed < duration))));
                var elapsed = clock.Elapsed;
                var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientBefore;
                var serverCpu = await PostgresBackendCpu.OfAsync(dataSource, ApplicationName) - serverBefore;
                var wholeServerCpu = await PostgresBackendCpu.OfServerAsync(dataSource) - wholeServerBefore;
                var records = written.Sum(w => w.Records);
                tableRows += records;
                var stored = await StoredAsync(dataSource, schema, [.. Enumerable.Range(0, writers).Select(writer => $"bench-{run}-{writer}")]);
                if (stored != records)
                {
                    Console.Error.WriteLine($"run {run}: wrote {records} records, the database holds {stored}");
                    return 1;
                }

                if (warmUp)
                {
                    continue;
                }

                var rate = records / elapsed.TotalSeconds;
                rates.Add(rate);
                var clientPerRecord = clientCpu.TotalMicroseconds / records;
                var serverPerRecord = serverCpu.TotalMicroseconds / records;
                clientCosts.Add(clientPerRecord);
                serverCosts.Add(serverPerRecord);
                wholeServerCosts.Add(wholeServerCpu.TotalMicroseconds / records);
                Console.WriteLine(
                    $"run {run}: {records} records in {elapsed.TotalSeconds:F2} s = {rate:F0} records/s; CPU per record: " +
                    $"{clientPerRecord:F2} µs in the sink's process, {serverPerRecord:F2} µs in its PostgreSQL backends " +
                    $"({wholeServerCpu.TotalMicroseconds / records:F2} µs in all the server's processes); table {tableRows} rows after it; " +
                    $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            }

            rates.Sort();
            clientCosts.Sort();
            serverCosts.Sort();
            wholeServerCosts.Sort();
            var (client, server) = (clientCosts[clientCosts.Count / 2], serverCosts[serverCosts.Count / 2]);
            Console.WriteLine($"median {rates[rates.Count / 2]:F0} records/s (min {rates[0]:F0}, max {rates[^1]:F0})");
            if (server > 0)
            {
                // On a machine shared with other work the wall clock measures the others too; the CPU the
                // sink and its backends spent per record says what the writer costs wherever it runs.
                Console.WriteLine(
                    $"median CPU per record: {client:F2} µs in the sink's process + {server:F2} µs in PostgreSQL = {client + server:F2} µs: " +
                    $"{1e6 / (client + server):F0} records per CPU-second; all the server's processes (autovacuum and other clients too): {wholeServerCosts[wholeServerCosts.Count / 2]:F2} µs");
            }
            return 0;
        }
        finally
        {
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA \"{schema}\" CASCADE; DROP ROLE IF EXISTS \"{AuditSchemaOwner.WriterRole(schema)}\"");
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Batches of <paramref name="batchSize"/> one after the other while <paramref name="more"/> says so
    /// (given the records written and the time taken). With <paramref name="rising"/> each record's entry
    /// takes the time it is made at (the column <c>at</c>; the body stays the pool's, which the sink
    /// stores without reading it).
    /// </summary>
    private static async Task<(long Records, TimeSpan Elapsed)> WriteAsync(
        PostgresAuditSink sink, IReadOnlyList<(AuditEntry Entry, byte[] Body)> pool, string instance, int batchSize, bool rising, Func<long, TimeSpan, bool> more)
    {
        var previous = AuditChain.Genesis;
        long sequence = 0;
        var clock = Stopwatch.StartNew();
        while (more(sequence, clock.Elapsed))
        {
            var batch = new List<ChainedRecord>(batchSize);
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < batchSize; i++)
            {
                var (entry, body) = pool[(int)(sequence % pool.Count)];
                if (rising)
                {
                    entry = entry with { At = AuditCanonicalForm.Microseconds(now.AddTicks(i * 10)) };
                }

                sequence++;
                // A hash per record as the spool gives it; the sink stores it without looking. Taken from a
                // pool made before the clock starts: drawing one from the system's generator per record cost
                // this process more than a microsecond a record, counted as the sink's before 2026-12-07 23:30.
                var hash = Hashes[(int)(sequence % Hashes.Length)];
                batch.Add(new ChainedRecord(instance, sequence, entry, body, previous, hash));
                previous = hash;
            }

            await sink.WriteAsync(batch, [], CancellationToken.None);
        }

        return (sequence, clock.Elapsed);
    }

    /// <summary>Access records as a busy day makes them: several agencies, users, resources, grants and subjects.</summary>
    private static List<(AuditEntry Entry, byte[] Body)> Entries()
    {
        var random = new Random(20261207);
        string[] agencies = ["11330200123456788X", "113302004296296290", "1133020035308641XG", "11330200MB1234567A", "11330200002957321K"];
        string[] resources =
        [
            "population.person.name", "population.person.birthDate", "population.person.household", "population.person.income",
            "licences.licence.number", "licences.licence.holder", "licences.licence.validUntil", "legal-persons.legalPerson.name",
            "legal-persons.legalPerson.represented", "spatial.parcel.unitCode", "spatial.parcel.area", "spatial.division.name",
        ];
        string[] classes = ["UNCONDITIONAL", "CONDITIONAL", "CONDITIONAL", "NOT_SHARED"];
        string[] purposes = ["ADMINISTRATIVE_LICENSING", "DATA_VERIFICATION", "WORK_REFERENCE", "ADMINISTRATIVE_INSPECTION"];
        string[] kinds = ["CITIZEN_ID", "CREDIT_CODE", "LICENCE_NUMBER", "PARCEL_CODE"];
        var grants = Enumerable.Range(0, 32).Select(_ => Guid.NewGuid()).ToArray();
        var now = DateTimeOffset.UtcNow;
        var entries = new List<(AuditEntry, byte[])>(DistinctEntries);
        for (var i = 0; i < DistinctEntries; i++)
        {
            var fields = new List<AuditedField>();
            var fieldCount = 1 + random.Next(3);
            for (var f = 0; f < fieldCount; f++)
            {
                var resource = resources[random.Next(resources.Length)];
                var decision = random.Next(10) switch
                {
                    < 6 => FieldDecision.Allowed,
                    < 8 => FieldDecision.AllowedWithinDivision,
                    8 => FieldDecision.Denied,
                    _ => FieldDecision.DryRunDenied,
                };
                var type = resource.Split('.')[1];
                fields.Add(new AuditedField(
                    char.ToUpperInvariant(type[0]) + type[1..] + "." + resource.Split('.')[2],
                    resource,
                    classes[random.Next(classes.Length)],
                    decision,
                    decision is FieldDecision.Denied or FieldDecision.DryRunDenied ? "SHARE_GRANT_REQUIRED" : null,
                    decision == FieldDecision.AllowedWithinDivision ? grants[random.Next(grants.Length)] : null));
            }

            var subjects = Enumerable.Range(0, 1 + random.Next(2))
                .Select(_ => new AuditedSubject(kinds[random.Next(kinds.Length)], Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), [fields[0].Resource]))
                .ToList();
            var entry = new AuditEntry
            {
                At = AuditCanonicalForm.Microseconds(now.AddMilliseconds(-random.Next(60_000))),
                Kind = AuditKind.Access,
                User = "user-" + random.Next(500).ToString(CultureInfo.InvariantCulture),
                Agency = agencies[random.Next(agencies.Length)],
                Division = "3302" + random.Next(10, 99).ToString(CultureInfo.InvariantCulture),
                Purpose = purposes[random.Next(purposes.Length)],
                Matter = "330200-" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture),
                OperationName = "PersonLicences",
                DocumentHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                Outcome = fields.Any(f => f.Decision == FieldDecision.Denied) ? AuditOutcome.PartlyDenied : AuditOutcome.Served,
                DurationMicroseconds = random.Next(500, 50_000),
                ClientAddress = "10.20." + random.Next(256).ToString(CultureInfo.InvariantCulture) + "." + random.Next(256).ToString(CultureInfo.InvariantCulture),
                RequestId = "0HNABC" + random.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture) + ":00000001",
                Fields = fields,
                Subjects = subjects,
            };
            entries.Add((entry, AuditCanonicalForm.Write("bench", i + 1, entry)));
        }

        return entries;
    }

    private static async Task<string> SettingAsync(NpgsqlDataSource dataSource, string name)
    {
        await using var command = dataSource.CreateCommand($"SELECT current_setting('{name}')");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The rows of the run's instances (by the primary key: a count over the whole table would read it all after every run).</summary>
    private static async Task<long> StoredAsync(NpgsqlDataSource dataSource, string schema, string[] instances)
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM \"{schema}\".records WHERE instance = ANY(@instances)");
        command.Parameters.AddWithValue("instances", instances);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
