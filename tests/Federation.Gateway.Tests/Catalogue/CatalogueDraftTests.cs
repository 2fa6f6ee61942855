using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Catalogue;

/// <summary>
/// <c>catalogue draft</c>: the entries of a subgraph that joins — the Node social-insurance subgraph of
/// tests/peer beside the four — make the committed catalogue cover the supergraph, closed until edited.
/// </summary>
public sealed class CatalogueDraftTests
{
    private const string Subgraph = "social-insurance";
    private const string HumanResources = "113302007358024697";
    private const string PublicSecurity = "11330200123456788X";

    private static readonly Lazy<Supergraph> WithSocialInsurance = new(() =>
    {
        var result = SupergraphComposer.Compose([.. Repository.AgencySubgraphs(), new SubgraphSdl(Subgraph, "http://127.0.0.1:4105/graphql", SocialInsuranceSdl)]);
        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        return Supergraph.Parse(result.SupergraphSdl!);
    });

    private static string SocialInsuranceSdl => File.ReadAllText(Path.Combine(Repository.PeerDirectory, "agency-subgraph", "social-insurance.graphql"));

    private static string CommittedCatalogueText => File.ReadAllText(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName));

    [Fact]
    public void Before_the_draft_the_catalogue_refuses_the_new_subgraph_naming_the_command()
    {
        var errors = CatalogueCoverage.Check(WithSocialInsurance.Value, CatalogueFiles.FromText(CommittedCatalogueText, "committed"));

        Assert.Contains(errors, e => e.Code == CatalogueErrorCodes.SubgraphWithoutProviderCode);
        var uncovered = errors.Where(e => e.Code == CatalogueErrorCodes.FieldUncoveredCode).ToList();
        Assert.Contains(uncovered, e => e.Coordinates.SequenceEqual(["SocialInsuranceAccount.monthlyContributionBase"]));
        Assert.All(uncovered, e => Assert.Contains("`catalogue draft --subgraph social-insurance --agency <credit code>`", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_draft_merged_into_the_committed_catalogue_covers_the_supergraph()
    {
        var draft = Draft();

        var merged = CatalogueDraft.Merge(CommittedCatalogueText, draft);
        var catalogue = CatalogueFiles.FromText(merged, "merged");

        Assert.Empty(CatalogueCoverage.Check(WithSocialInsurance.Value, catalogue));
        Assert.Equal(HumanResources, catalogue.Subgraphs[Subgraph]);

        // Nothing but the entries was added: the subgraph's line, and the resources after the committed text, comments and all.
        Assert.StartsWith(
            CommittedCatalogueText.TrimEnd('\n') + "\n\n  # DRAFT: ",
            merged.Replace("  social-insurance: \"113302007358024697\"\n", "", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_draft_pasted_by_hand_covers_the_supergraph_too()
    {
        var fragment = CatalogueDraft.Fragment(Draft());
        var subgraphLine = fragment.Split('\n').Single(l => l.StartsWith("  social-insurance:", StringComparison.Ordinal));
        var resources = fragment[(fragment.IndexOf("\nresources:\n", StringComparison.Ordinal) + "\nresources:\n".Length)..];

        // What a person does with the printed draft: the subgraph's line under subgraphs, the resources at the end of the list.
        var pasted = CommittedCatalogueText.Replace("  licences: 1133020035308641XG\n", "  licences: 1133020035308641XG\n" + subgraphLine + "\n", StringComparison.Ordinal) + "\n" + resources;

        Assert.Empty(CatalogueCoverage.Check(WithSocialInsurance.Value, CatalogueFiles.FromText(pasted, "pasted")));
    }

    [Fact]
    public void Each_type_gets_one_conditional_resource_of_the_agency_that_needs_an_application()
    {
        var catalogue = CatalogueFiles.FromText(CatalogueDraft.Merge(CommittedCatalogueText, Draft()), "merged");

        var drafted = catalogue.Resources.Where(r => r.Id.StartsWith(Subgraph + ".", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [
                ("social-insurance.legal-person", "LegalPerson.insuredEmployeeCount"),
                ("social-insurance.person", "Person.socialInsuranceAccounts"),
                ("social-insurance.query", "Query.socialInsuranceAccount, Query.socialInsuranceAccount(number:)"),
                ("social-insurance.social-insurance-account",
                    "SocialInsuranceAccount.number, SocialInsuranceAccount.insured, SocialInsuranceAccount.employer, SocialInsuranceAccount.scheme, "
                    + "SocialInsuranceAccount.status, SocialInsuranceAccount.contributionMonths, SocialInsuranceAccount.monthlyContributionBase, SocialInsuranceAccount.openedOn"),
            ],
            drafted.Select(r => (r.Id, string.Join(", ", r.Fields))).Order());
        Assert.All(drafted, r =>
        {
            Assert.Equal(ShareClass.Conditional, r.Class);
            Assert.Equal(HumanResources, r.Provider);
            Assert.True(r.Conditions!.ApplicationRequired);
            Assert.False(r.Conditions.DivisionScoped);
            Assert.Contains("DRAFT", r.EnglishName, StringComparison.Ordinal);
        });

        // The keys the population and legal-person registers own stay theirs.
        Assert.Equal("population.person-identity", catalogue.ResourceOf("Person.idNumber")!.Id);
        Assert.Equal("legal-persons.registration-base", catalogue.ResourceOf("LegalPerson.creditCode")!.Id);
    }

    [Fact]
    public void An_id_the_catalogue_has_already_gets_a_number()
    {
        var taken = CommittedCatalogueText.Replace("  - id: platform.paging\n", "  - id: social-insurance.person\n", StringComparison.Ordinal);

        var (draft, _) = CatalogueDraft.Write(WithSocialInsurance.Value, CatalogueFiles.FromText(taken, "taken"), Subgraph, HumanResources);

        Assert.Contains(draft!.Resources, r => r.Id == "social-insurance.person-2" && r.Type == "Person");
    }

    [Theory]
    [InlineData("91330200MA2AXXXX1X", CatalogueErrorCodes.DraftUnknownAgencyCode, "is not a unified social credit code")]
    [InlineData("11330200246813570G", CatalogueErrorCodes.DraftUnknownAgencyCode, "is not in the catalogue's agencies registry")]
    public void An_agency_outside_the_registry_is_refused(string agency, string code, string says)
    {
        var (draft, refusal) = CatalogueDraft.Write(WithSocialInsurance.Value, CatalogueFiles.FromText(CommittedCatalogueText, "committed"), Subgraph, agency);

        Assert.Null(draft);
        Assert.Equal(code, refusal!.Code);
        Assert.Contains(says, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subgraph_the_supergraph_does_not_have_is_refused()
    {
        var (_, refusal) = CatalogueDraft.Write(WithSocialInsurance.Value, CatalogueFiles.FromText(CommittedCatalogueText, "committed"), "tax", HumanResources);

        Assert.Equal(CatalogueErrorCodes.DraftUnknownSubgraphCode, refusal!.Code);
        Assert.Contains("social-insurance", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subgraph_the_catalogue_gives_another_agency_is_refused()
    {
        var (_, refusal) = CatalogueDraft.Write(WithSocialInsurance.Value, CatalogueFiles.FromText(CommittedCatalogueText, "committed"), "population", HumanResources);

        Assert.Equal(CatalogueErrorCodes.DraftSubgraphOfAnotherAgencyCode, refusal!.Code);
        Assert.Contains(PublicSecurity, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_merges_the_draft_into_a_copy_of_the_catalogue_and_says_it_covers()
    {
        using var directory = new TemporaryDirectory();
        var config = JoiningConfig(directory.Path, SocialInsuranceSdl);
        var output = Path.Combine(directory.Path, CatalogueFiles.FileName);
        var console = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await CatalogueCommand.DraftAsync(Request(config, output, merge: true), console, errors, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal("", console.ToString());
        Assert.Contains("Drafted 4 CONDITIONAL resources (12 coordinates) of subgraph \"social-insurance\"", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("With these entries the catalogue covers the supergraph.", errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(CatalogueCoverage.Check(WithSocialInsurance.Value, CatalogueFiles.FromFile(output)));
    }

    [Fact]
    public async Task The_command_prints_the_entries_alone_without_merge()
    {
        using var directory = new TemporaryDirectory();
        var config = JoiningConfig(directory.Path, SocialInsuranceSdl);
        var console = new StringWriter();

        var exitCode = await CatalogueCommand.DraftAsync(Request(config, output: null, merge: false), console, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("# Draft share-catalogue entries for subgraph \"social-insurance\"", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("subgraphs:\n  social-insurance: \"113302007358024697\"\n", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("  - id: social-insurance.social-insurance-account\n", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_refuses_an_unregistered_agency_with_its_code_and_writes_nothing()
    {
        using var directory = new TemporaryDirectory();
        var config = JoiningConfig(directory.Path, SocialInsuranceSdl);
        var output = Path.Combine(directory.Path, "draft.yaml");
        var errors = new StringWriter();

        var exitCode = await CatalogueCommand.DraftAsync(Request(config, output, merge: false) with { Agency = "11330200246813570G" }, new StringWriter(), errors, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.StartsWith(CatalogueErrorCodes.DraftUnknownAgencyCode + ": Agency 11330200246813570G is not in the catalogue's agencies registry", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task The_command_shows_why_a_subgraph_that_does_not_compose_cannot_be_drafted()
    {
        using var directory = new TemporaryDirectory();
        var config = JoiningConfig(directory.Path, SocialInsuranceSdl.Replace("  idNumber: IdNumber!\n  \"The person's", "  idNumber: Int!\n  \"The person's", StringComparison.Ordinal));
        var errors = new StringWriter();

        var exitCode = await CatalogueCommand.DraftAsync(Request(config, output: null, merge: false), new StringWriter(), errors, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains("do not compose", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Person.idNumber", errors.ToString(), StringComparison.Ordinal);
    }

    private static CatalogueDraftResult Draft()
    {
        var (draft, refusal) = CatalogueDraft.Write(WithSocialInsurance.Value, CatalogueFiles.FromText(CommittedCatalogueText, "committed"), Subgraph, HumanResources);
        Assert.Null(refusal);
        return draft!;
    }

    /// <summary>A copy of the committed subgraph config and its SDL files with one entry more, as an agency that joins writes it.</summary>
    internal static string JoiningConfig(string directory, string sdl, string? liveUrl = null)
    {
        foreach (var file in Directory.GetFiles(Repository.SchemaDirectory, "*.graphql").Where(f => Path.GetFileName(f) != Supergraph.FileName))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(directory, "social-insurance.graphql"), sdl);
        var config = Path.Combine(directory, SubgraphConfig.FileName);
        File.WriteAllText(config, File.ReadAllText(Path.Combine(Repository.SchemaDirectory, SubgraphConfig.FileName)).TrimEnd('\n') + $$"""

              social-insurance:
                routing_url: {{liveUrl ?? "http://127.0.0.1:4105/graphql"}}
                schema:
                  {{(liveUrl is null ? "file: social-insurance.graphql" : "subgraph_url: " + liveUrl)}}

            """);
        return config;
    }

    private static CatalogueCommand.DraftRequest Request(string config, string? output, bool merge) => new(
        Subgraph,
        HumanResources,
        new FileInfo(config),
        null,
        new FileInfo(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)),
        output is null ? null : new FileInfo(output),
        merge);
}
