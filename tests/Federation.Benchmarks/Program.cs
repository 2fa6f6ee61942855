using BenchmarkDotNet.Running;

namespace Federation.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // `-- http`: requests per second over HTTP with wrk (see Http/HttpThroughput.cs).
        if (args is ["http", ..])
        {
            return Http.HttpThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- entities`: the population subgraph's _entities for 100 persons from PostgreSQL, with wrk.
        if (args is ["entities", ..])
        {
            return Subgraphs.EntitiesThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- gateway`: our gateway against Apollo Gateway over the four subgraphs, with wrk.
        if (args is ["gateway", ..])
        {
            return Gateway.FederatedThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- authorization`: the gateway with and without share authorization, alternating, with wrk.
        if (args is ["authorization", ..])
        {
            return Gateway.AuthorizationOverhead.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- audit`: the gateway with and without the audit trail, alternating, with wrk.
        if (args is ["audit", ..])
        {
            return Gateway.AuditOverhead.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- settings`: the gateway as is against the gateway with runtime settings, alternating, with wrk.
        if (args is ["settings", ..])
        {
            return Gateway.RuntimeSettings.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- versus`: another build's gateway against this one, alternating, with wrk.
        if (args is ["versus", ..])
        {
            return Gateway.SideBySide.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- soak`: the gateway's memory over repeated rounds of mixed traffic.
        if (args is ["soak", ..])
        {
            return Gateway.MemorySoak.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- audit-writer`: records per second the PostgreSQL audit sink stores (batches, binary COPY).
        if (args is ["audit-writer", ..])
        {
            return Audit.AuditWriterThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- audit-spool`: records per second the audit trail makes durable, with many concurrent appenders.
        if (args is ["audit-spool", ..])
        {
            return Audit.SpoolThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- planning`: the time to plan an operation, ours against Apollo's JavaScript query planner, alternating.
        if (args is ["planning", ..])
        {
            return Planning.PlanningTime.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- spatial-geometry`: PostGIS geometries as WKB bytes against Npgsql.NetTopologySuite's mapping, alternating.
        if (args is ["spatial-geometry", ..])
        {
            return Spatial.GeometryRoundTrip.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        // `-- cache`: the base-data query with a warm entity cache against caching off, alternating, with wrk.
        if (args is ["cache", ..])
        {
            return Gateway.CachedBaseData.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
