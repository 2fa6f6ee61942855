using Federation.Subgraphs.DemoData;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Seals;
using Federation.Subgraphs.Licences.Seeding;

namespace Federation.Subgraphs.Licences.Tests.Harness;

/// <summary>
/// The small demo world the tests seed their stores from, made once per test run: every store of
/// every test starts from these licences, and the tests' expectations are computed from them.
/// 2 500 persons, not fewer: the demo world spreads birth days over one day per person from 1940,
/// so below about 2 100 persons it has no one under 80 and cannot name legal representatives.
/// </summary>
internal static class SeedData
{
    public const int Persons = 2_500;

    /// <summary>Just after the world's reference date, so statuses as seeded still follow from the dates.</summary>
    public static readonly DateTimeOffset Now = new(2025, 7, 1, 2, 0, 0, TimeSpan.Zero);

    public static readonly DemoSealKeyring Keyring = new((long)DemoWorld.DefaultSeed);

    public static readonly Sealer Sealer = new(Keyring);

    public static readonly SealVerifier Verifier = new(Keyring.TrustedRoot);

    public static readonly DemoWorld World = new(Persons);

    public static readonly LicenceSeed Seed = new(World, Sealer);

    private static readonly Lazy<IReadOnlyList<Licence>> SeedLicences = new(() => [.. Seed.All()]);

    public static IReadOnlyList<Licence> Licences => SeedLicences.Value;

    /// <summary>The seed in list order: newest issue first, then by number (ordinal).</summary>
    public static IReadOnlyList<Licence> InListOrder(IEnumerable<Licence> licences) =>
        [.. licences.OrderByDescending(l => l.IssuedOn).ThenBy(l => l.Number, StringComparer.Ordinal)];

    public static Licence First(Func<Licence, bool> predicate) => Licences.First(predicate);
}

/// <summary>A clock tests set by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
