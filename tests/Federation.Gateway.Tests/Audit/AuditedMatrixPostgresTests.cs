using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Chain;
using Federation.Gateway.Audit.Keys;
using Federation.Gateway.Audit.Shipping;
using Federation.Gateway.Audit.Spool;
using Federation.Gateway.Auditing;
using Federation.Gateway.Tests.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using static Federation.Gateway.Tests.Authorization.TestCatalogue;
using static Federation.Gateway.Tests.Execution.FakeSubgraphs;

namespace Federation.Gateway.Tests.Audit;

/// <summary>
/// The decision matrix recorded the way a production gateway records it: into an fsync'd spool, shipped
/// by the shipper into PostgreSQL (binary <c>COPY</c>, as the schema's writer role), and read back through
/// the auditors' reading API. Every case's record must come back from the database with the decision
/// and grant of each field; the columns the reading API searches by must find it by the item's resource
/// and decision; and no identifier may be in the stored row in clear, neither in its columns nor in its body.
/// </summary>
public sealed class AuditedMatrixPostgresTests(AuthorizationMatrixFixture fixture, StoredMatrixTrail store)
    : AuditedMatrixCases(fixture), IClassFixture<AuthorizationMatrixFixture>, IClassFixture<StoredMatrixTrail>
{
    internal override IAuditTrail Trail() => store;

    internal override async Task<IReadOnlyList<AuditEntry>> EntriesAsync(IAuditTrail trail, DateTimeOffset since)
    {
        // The records the case's request appended, as the reading API finds them (a second before the case
        // began: the stored time is the request's start, to the microsecond, not the test's clock).
        var appended = store.TakeAppended();
        var from = since.AddSeconds(-1);
        var recorded = (await store.Reader.PageAsync(new AuditFilter { From = from }, null, 100, TestContext.Current.CancellationToken))
            .Where(r => appended.Contains(r.Sequence))
            .ToList();
        Assert.Equal(appended.Count, recorded.Count);
        foreach (var record in recorded)
        {
            foreach (var field in record.Entry.Fields.Where(f => f.Resource == Residence))
            {
                // The columns the reading API searches by hold what the body says.
                var found = await store.Reader.PageAsync(new AuditFilter { From = from, Resource = Residence, Decision = field.Decision }, null, 100, TestContext.Current.CancellationToken);
                Assert.Contains(found, r => r.Sequence == record.Sequence);
            }

            foreach (var identifier in new[] { LiHua, HarbourCompany })
            {
                Assert.Equal(0L, await store.Database.ScalarAsOwnerAsync<long>(
                    $"""
                    SELECT count(*) FROM "{store.Database.Schema}".records r
                    WHERE r.sequence = {record.Sequence} AND (r::text LIKE '%{identifier}%' OR convert_from(r.body, 'UTF8') LIKE '%{identifier}%')
                    """));
            }
        }

        return [.. recorded.Select(r => r.Entry)];
    }
}

/// <summary>
/// One chain for the matrix's cases: a spool in a scratch directory, its shipper into an audit schema of
/// the test's own (shipping at once, no gathering), and the reading API over that schema. An append
/// completes once its record is stored in PostgreSQL, so the case reads it back right after its request.
/// </summary>
public sealed class StoredMatrixTrail : IAuditTrail, IAsyncLifetime
{
    private readonly TemporaryDirectory directory = new();
    private readonly List<long> appended = [];
    private AuditSpool spool = null!;
    private AuditShipper shipper = null!;

    internal AuditDatabase Database { get; private set; } = null!;

    internal IAuditReader Reader { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await AuditDatabase.CreateAsync();
        var sink = Database.Sink();
        spool = AuditSpool.Open(
            new AuditSpoolSettings(directory.Path, "matrix", 1000, TimeSpan.FromMinutes(1), KeepShipped: false),
            new CheckpointSigner(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)),
            TimeProvider.System,
            NullLogger.Instance,
            cancellationToken => sink.TailAsync("matrix", cancellationToken));
        shipper = new AuditShipper(spool, sink, 2000, TimeProvider.System, NullLogger.Instance, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        await shipper.StartAsync(CancellationToken.None);
        Reader = new PostgresAuditReader(Database.Writer, Database.Schema, body => AuditCanonicalForm.Read(body.Span).Entry);
    }

    async ValueTask<ChainedRecord> IAuditTrail.AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        // Bounded, so that a record never made durable fails the case instead of holding the run.
        var record = await spool.AppendAsync(entry, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        lock (appended)
        {
            appended.Add(record.Sequence);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (shipper.Shipped < spool.DurableEnd)
        {
            await Task.Delay(5, limit.Token);
        }

        return record;
    }

    /// <summary>The sequences appended since the last call.</summary>
    internal List<long> TakeAppended()
    {
        lock (appended)
        {
            List<long> taken = [.. appended];
            appended.Clear();
            return taken;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await spool.CloseAsync(closing: true);
        await shipper.StoppedAsync(CancellationToken.None);
        shipper.Dispose();
        await Database.DisposeAsync();
        directory.Dispose();
    }
}
