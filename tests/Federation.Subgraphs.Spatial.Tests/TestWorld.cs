using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Spatial.Domain;
using Federation.Subgraphs.Spatial.Seeding;

namespace Federation.Subgraphs.Spatial.Tests;

/// <summary>The small demo world the tests seed their stores with, made once (it is deterministic).</summary>
internal static class TestWorld
{
    public const int Persons = 3000;

    private static readonly Lazy<(DemoWorld World, SpatialSeed Seed, RegisterData Data)> Made = new(() =>
    {
        var world = new DemoWorld(Persons);
        var seed = new SpatialSeed(world);
        return (world, seed, seed.Register());
    });

    public static DemoWorld World => Made.Value.World;

    public static SpatialSeed Seed => Made.Value.Seed;

    /// <summary>The register the stores are seeded with: what every answer is checked against.</summary>
    public static RegisterData Data => Made.Value.Data;
}

/// <summary>A clock tests set by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
