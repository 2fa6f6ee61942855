using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Composition;

/// <summary>
/// Our composition against Apollo's (<c>@apollo/composition</c> 2.14.4): the agency subgraphs give
/// the same supergraph byte for byte, and every case of the differential corpus
/// (<c>Composition/corpus/</c>, valid sets and conflicting ones) the same outcome — the same
/// supergraph when it composes, the same error codes when it does not.
/// </summary>
public sealed class ApolloEqualityTests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, ApolloComposition.Case>>> Corpus =
        new(() => ApolloComposition.ComposeCorpusAsync(Repository.CorpusDirectory));

    public static TheoryData<string> CaseNames => [.. CorpusCase.Names(Repository.CorpusDirectory)];

    [Fact]
    public async Task The_agency_supergraph_is_byte_equal_to_Apollos()
    {
        // The agency schema files as one corpus case, so Apollo and we name and address them alike.
        var directory = Directory.CreateTempSubdirectory("agency-");
        try
        {
            var caseDirectory = Directory.CreateDirectory(Path.Combine(directory.FullName, "agency"));
            foreach (var name in Repository.SubgraphConfig.Subgraphs.Select(s => s.Name))
            {
                File.Copy(Path.Combine(Repository.SchemaDirectory, name + ".graphql"), Path.Combine(caseDirectory.FullName, name + ".graphql"));
            }

            var apollo = (await ApolloComposition.ComposeCorpusAsync(directory.FullName))["agency"];
            var ours = SupergraphComposer.Compose(CorpusCase.Read(caseDirectory.FullName));

            Assert.Empty(apollo.ErrorCodes);
            Assert.Empty(ours.Errors);
            Assert.Equal(apollo.SupergraphSdl, ours.SupergraphSdl);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_corpus_case_composes_as_Apollo_composes_it(string name)
    {
        var apollo = (await Corpus.Value)[name];

        var ours = SupergraphComposer.Compose(CorpusCase.Read(Path.Combine(Repository.CorpusDirectory, name)));

        Assert.Equal(Codes(apollo.ErrorCodes), Codes(ours.Errors.Select(e => e.Code)));
        Assert.Equal(apollo.SupergraphSdl, ours.SupergraphSdl);
    }

    [Fact]
    public void The_corpus_holds_valid_and_conflicting_sets()
    {
        var names = CorpusCase.Names(Repository.CorpusDirectory).ToList();
        var failing = names.Count(n => !SupergraphComposer.Compose(CorpusCase.Read(Path.Combine(Repository.CorpusDirectory, n))).Succeeded);

        Assert.True(names.Count >= 30, $"The corpus has {names.Count} cases.");
        Assert.InRange(failing, 10, names.Count - 10);
    }

    private static string Codes(IEnumerable<string> codes) => string.Join(", ", codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
