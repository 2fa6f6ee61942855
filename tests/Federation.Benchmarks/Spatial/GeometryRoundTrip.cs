using System.Diagnostics;
using System.Globalization;
using Federation.Subgraphs.Testing;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace Federation.Benchmarks.Spatial;

/// <summary>
/// The spatial store's two ways of moving PostGIS geometries, side by side on the same table of parcel
/// polygons (SRID 4490): as the store did before 2026-12-08 — <c>ST_AsBinary(boundary)</c> read as bytes and
/// parsed with NetTopologySuite's <c>WKBReader</c>, written as EWKB bytes through <c>ST_GeomFromEWKB(@b)</c> —
/// and with Npgsql.NetTopologySuite, the data source mapping <c>geometry</c> to NTS types both ways, as the
/// store does now (<c>SpatialDataSource</c>).
/// Rounds alternate the two; the report gives each one's median time and the median per-round ratio.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- spatial-geometry [rounds] [parcels] [vertices]</code>
/// </summary>
internal static class GeometryRoundTrip
{
    private const int Srid = 4490;
    private const int WrittenPerRound = 2_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 11;
        var parcels = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var vertices = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

        await using var database = await TestDatabase.CreateAsync("bench_geometry", postgis: true);
        await using var mapped = new NpgsqlDataSourceBuilder(database.ConnectionString).UseNetTopologySuite().Build();
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(PrecisionModel.Floating.Value), Srid);
        var polygons = Enumerable.Range(0, parcels).Select(i => Parcel(factory, i, vertices)).ToArray();
        await LoadAsync(mapped, polygons);
        Console.WriteLine($"{parcels} parcels of {vertices} vertices in PostGIS; {rounds} rounds, each reading all of them and writing {WrittenPerRound}");

        var asBytes = new List<(double Read, double Write)>();
        var asTypes = new List<(double Read, double Write)>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternated, and which goes first alternates too, so drift on a shared machine falls on both.
            if (round % 2 == 0)
            {
                asBytes.Add(await WkbRoundAsync(database.DataSource, polygons, round));
                asTypes.Add(await MappedRoundAsync(mapped, polygons, round));
            }
            else
            {
                asTypes.Add(await MappedRoundAsync(mapped, polygons, round));
                asBytes.Add(await WkbRoundAsync(database.DataSource, polygons, round));
            }
        }

        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("| way | read all, median ms | write batch, median ms |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| ST_AsBinary + WKBReader / ST_GeomFromEWKB(bytea) | {Median(asBytes.Select(r => r.Read)):F1} | {Median(asBytes.Select(r => r.Write)):F1} |");
        Console.WriteLine($"| Npgsql.NetTopologySuite (geometry as NTS types) | {Median(asTypes.Select(r => r.Read)):F1} | {Median(asTypes.Select(r => r.Write)):F1} |");
        Console.WriteLine($"median per-round ratio, NTS mapping / bytes: read {Median(asTypes.Zip(asBytes, (t, b) => t.Read / b.Read)):F3}, write {Median(asTypes.Zip(asBytes, (t, b) => t.Write / b.Write)):F3}");
        return 0;
    }

    private static async Task<(double Read, double Write)> WkbRoundAsync(NpgsqlDataSource dataSource, Polygon[] polygons, int round)
    {
        var started = Stopwatch.GetTimestamp();
        var points = 0;
        await using (var command = dataSource.CreateCommand("SELECT ST_AsBinary(boundary) FROM parcels"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            var wkb = new WKBReader(NtsGeometryServices.Instance);
            while (await reader.ReadAsync())
            {
                var geometry = wkb.Read(reader.GetFieldValue<byte[]>(0));
                geometry.SRID = Srid;
                points += geometry.NumPoints;
            }
        }

        var read = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Check(points, polygons);
        started = Stopwatch.GetTimestamp();
        var writer = new WKBWriter(ByteOrder.LittleEndian, handleSRID: true, emitZ: false, emitM: false);
        await using (var batch = dataSource.CreateBatch())
        {
            foreach (var index in Written(polygons.Length, round))
            {
                var command = new NpgsqlBatchCommand("UPDATE parcels SET boundary = ST_GeomFromEWKB(@boundary) WHERE id = @id");
                command.Parameters.Add(new NpgsqlParameter<byte[]>("boundary", writer.Write(polygons[index])));
                command.Parameters.Add(new NpgsqlParameter<int>("id", index));
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        return (read, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<(double Read, double Write)> MappedRoundAsync(NpgsqlDataSource mapped, Polygon[] polygons, int round)
    {
        var started = Stopwatch.GetTimestamp();
        var points = 0;
        await using (var command = mapped.CreateCommand("SELECT boundary FROM parcels"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                points += reader.GetFieldValue<Geometry>(0).NumPoints;
            }
        }

        var read = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Check(points, polygons);
        started = Stopwatch.GetTimestamp();
        await using (var batch = mapped.CreateBatch())
        {
            foreach (var index in Written(polygons.Length, round))
            {
                var command = new NpgsqlBatchCommand("UPDATE parcels SET boundary = @boundary WHERE id = @id");
                command.Parameters.Add(new NpgsqlParameter<Geometry>("boundary", polygons[index]) { NpgsqlDbType = NpgsqlDbType.Geometry });
                command.Parameters.Add(new NpgsqlParameter<int>("id", index));
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        return (read, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task LoadAsync(NpgsqlDataSource mapped, Polygon[] polygons)
    {
        await using (var create = mapped.CreateCommand($"CREATE TABLE parcels (id int PRIMARY KEY, boundary geometry(Polygon, {Srid}) NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using var connection = await mapped.OpenConnectionAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY parcels (id, boundary) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < polygons.Length; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync<Geometry>(polygons[i], NpgsqlDbType.Geometry);
            }

            await copy.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE parcels", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>A parcel near Ningbo: a ring of <paramref name="vertices"/> points a few tens of metres across.</summary>
    private static Polygon Parcel(GeometryFactory factory, int index, int vertices)
    {
        var random = new Random(index);
        var (x, y) = (121.40 + random.NextDouble() * 0.3, 29.75 + random.NextDouble() * 0.2);
        var ring = new Coordinate[vertices + 1];
        for (var v = 0; v < vertices; v++)
        {
            var angle = 2 * Math.PI * v / vertices;
            var radius = 0.0002 + random.NextDouble() * 0.0001;
            ring[v] = new Coordinate(x + radius * Math.Cos(angle), y + radius * Math.Sin(angle));
        }

        ring[vertices] = ring[0].Copy();
        return factory.CreatePolygon(ring);
    }

    private static IEnumerable<int> Written(int parcels, int round) =>
        Enumerable.Range(0, WrittenPerRound).Select(i => (int)(((long)round * WrittenPerRound + i) * 7919 % parcels));

    private static void Check(int points, Polygon[] polygons)
    {
        if (points != polygons.Length * polygons[0].NumPoints)
        {
            throw new InvalidOperationException($"read {points} points, expected {polygons.Length * polygons[0].NumPoints}");
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
