using Federation.Subgraphs.DemoData;

namespace Federation.Host;

/// <summary>An agency of the demo world as tokens name it: its unified social credit code and its division.</summary>
internal sealed record DemoAgency(string Code, string Name, string Division, AgencyRole Role);

/// <summary>
/// The demo world's agencies (<see cref="DemoWorld.Agencies"/>), with the credit codes the legal-person
/// register gives them, for the banner's example token and the benchmarks. The codes depend on the
/// world's seed only, not its size. Who an agency is, for the gate and the <c>token</c> command, is
/// the catalogue's agencies registry, which lists these same agencies (tested).
/// </summary>
internal static class DemoAgencies
{
    private static readonly Lazy<IReadOnlyList<DemoAgency>> all = new(() =>
    {
        var world = new DemoWorld();
        return [.. world.Agencies.Select(a => new DemoAgency(world.LegalPerson(a.Index).CreditCode, a.Name, a.DivisionCode, a.Role))];
    });

    public static IReadOnlyList<DemoAgency> All => all.Value;

    public static DemoAgency? Find(string code) => All.FirstOrDefault(a => a.Code == code);

    /// <summary>The agency the one-command run's banner signs its example token for: the city's big-data bureau, which runs the platform.</summary>
    public static DemoAgency Platform => All.First(a => a.Role == AgencyRole.GovernmentServices);
}
