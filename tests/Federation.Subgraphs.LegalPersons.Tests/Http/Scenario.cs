using System.Text.Json.Nodes;
using Federation.Protocol.Agencies;
using Federation.Subgraphs.Hosting.Scalars;
using Federation.Subgraphs.LegalPersons.Domain;
using Federation.Subgraphs.LegalPersons.Tests.Store;

namespace Federation.Subgraphs.LegalPersons.Tests.Http;

/// <summary>Facts of the test world the HTTP tests ask about, and readers of the answers.</summary>
internal static class Scenario
{
    /// <summary>A credit code with valid check characters that the register does not hold.</summary>
    public static readonly string UnknownCreditCode = MakeCreditCode("91330203", "MA000001");

    public static LegalPerson Enterprise(Func<LegalPerson, bool>? where = null) =>
        SeededRegister.LegalPersons.Where(l => l.Kind == LegalPersonKind.Enterprise && (where?.Invoke(l) ?? true))
            .OrderBy(l => l.CreditCode, StringComparer.Ordinal).First();

    public static IReadOnlyList<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n?.GetValue<string>()!)];

    public static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException("The repository root (Federation.sln) is not above the test binaries.");
    }

    private static string MakeCreditCode(string prefix8, string organisation8)
    {
        var first17 = prefix8 + organisation8 + CreditCode.OrganisationCheckCharacter(organisation8);
        return first17 + CreditCode.CheckCharacter(first17);
    }
}
