using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Tests.Catalogue;

/// <summary>The catalogue's composition rule on small supergraphs: each field covered exactly once, by its provider.</summary>
public sealed class CatalogueCoverageTests
{
    private const string PublicSecurity = "11330200123456788X";
    private const string BigData = "1133020035308641XG";

    [StringSyntax("graphql")]
    private const string People = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { person(id: ID!): Person }
        type Person @key(fields: "id") { id: ID! name: String! phone: String }
        """;

    [StringSyntax("graphql")]
    private const string Licences = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { licence(number: String!): Licence }
        type Licence @key(fields: "number") { number: String! holder: Person! note: String }
        type Person @key(fields: "id") { id: ID! licences: [Licence!]! }
        """;

    private static readonly Lazy<Supergraph> Small = new(() => Compose(People, Licences));

    [Fact]
    public void A_catalogue_covering_each_field_once_by_its_provider_passes()
    {
        Assert.Empty(CatalogueCoverage.Check(Small.Value, Catalogue()));
    }

    [Fact]
    public void A_field_no_resource_covers_fails()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Person.licences"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.FieldUncoveredCode, error.Code);
        Assert.Equal(["Licence.note"], error.Coordinates);
        Assert.Equal(["licences"], error.Subgraphs);
    }

    [Fact]
    public void A_field_two_resources_cover_fails_naming_both()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(peopleFields: ["Query.person", "Person.id", "Person.name", "Licence.note"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.FieldCoveredTwiceCode, error.Code);
        Assert.Equal(["Licence.note"], error.Coordinates);
        Assert.Contains("people.base, licences.face", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_listed_coordinate_the_supergraph_does_not_have_fails()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(peopleFields: ["Query.person", "Person.id", "Person.name", "Person.age"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.UnknownFieldCode, error.Code);
        Assert.Equal(["Person.age"], error.Coordinates);
        Assert.Contains("people.base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_in_a_resource_of_an_agency_whose_subgraph_does_not_resolve_it_fails()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(
            peopleFields: ["Query.person", "Person.id", "Person.name", "Licence.note"],
            licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Person.licences"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.WrongProviderCode, error.Code);
        Assert.Equal(["Licence.note"], error.Coordinates);
        Assert.Contains("people.base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_shared_by_several_subgraphs_belongs_to_the_owners_resource()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(
            peopleFields: ["Query.person", "Person.name"],
            licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Licence.note", "Person.licences", "Person.id"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.WrongProviderCode, error.Code);
        Assert.Equal(["Person.id"], error.Coordinates);
        Assert.Contains("subgraph \"people\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subgraph_without_a_providing_agency_fails()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(subgraphs: new() { ["people"] = PublicSecurity }));

        Assert.Contains(errors, e => e.Code == CatalogueErrorCodes.SubgraphWithoutProviderCode && e.Subgraphs.SequenceEqual(["licences"]));
    }

    [Fact]
    public void A_non_null_field_cannot_be_not_shared()
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(peopleFields: ["Query.person", "Person.id", "Person.phone"], notShared: ["Person.name"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.NotSharedRequiredFieldCode, error.Code);
        Assert.Equal(["Person.name"], error.Coordinates);
    }

    [Fact]
    public void A_field_named_by_a_key_cannot_be_not_shared()
    {
        var supergraph = Compose(People, Licences.Replace("@key(fields: \"number\")", "@key(fields: \"number note\")", StringComparison.Ordinal));

        var errors = CatalogueCoverage.Check(supergraph, Catalogue(
            peopleFields: ["Query.person", "Person.id", "Person.name", "Person.phone"],
            licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Person.licences"],
            notShared: ["Licence.note"],
            notSharedProvider: BigData));

        var error = Assert.Single(errors, e => e.Code == CatalogueErrorCodes.NotSharedRequiredFieldCode);
        Assert.Equal(["Licence.note"], error.Coordinates);
        Assert.Contains("@key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_implementing_a_shared_interface_field_cannot_be_not_shared()
    {
        var supergraph = Compose(People.Replace("type Person @key(fields: \"id\") {", "interface Reachable { phone: String } type Person implements Reachable @key(fields: \"id\") {", StringComparison.Ordinal), Licences);

        var errors = CatalogueCoverage.Check(supergraph, Catalogue(peopleFields: ["Query.person", "Person.id", "Person.name", "Reachable.phone"]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.NotSharedRequiredFieldCode, error.Code);
        Assert.Contains("implements \"Reachable.phone\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_shared_fields_cannot_empty_a_type()
    {
        var supergraph = Compose(People, Licences.Replace("note: String }", "note: String extra: Extra } type Extra { remark: String }", StringComparison.Ordinal));

        var errors = CatalogueCoverage.Check(supergraph, Catalogue(
            peopleFields: ["Query.person", "Person.id", "Person.name", "Person.phone"],
            licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Licence.note", "Licence.extra", "Person.licences"],
            notShared: ["Extra.remark"],
            notSharedProvider: BigData));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.NotSharedEmptiesTypeCode, error.Code);
        Assert.Equal(["Extra"], error.Coordinates);
    }

    [Theory]
    [InlineData("id", null)]
    [InlineData("nowhere.code", "type \"Person\" has no field \"nowhere\"")]
    [InlineData("licences", "is a list")]
    [InlineData("id.code", "is a scalar with nothing to select")]
    public void A_division_field_path_leads_through_object_fields_to_a_scalar(string path, string? why)
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(divisionFields: new() { ["Person"] = path }));

        if (why is null)
        {
            Assert.Empty(errors);
            return;
        }

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.InvalidDivisionPathCode, error.Code);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_shared_fields_are_not_in_the_api_schema_served_with_the_catalogue()
    {
        var served = CatalogueFiles.Serve(Small.Value.Sdl, Catalogue());

        Assert.Null(((ObjectType)served.ApiSchema.GetType("Person")!).GetField("phone"));
        Assert.NotNull(((ObjectType)served.ApiSchema.GetType("Person")!).GetField("name"));
        Assert.NotNull(((ObjectType)Small.Value.ApiSchema.GetType("Person")!).GetField("phone"));
        Assert.NotNull(served.Type("Person")!.Field("phone"));
    }

    [Fact]
    public void A_supergraph_the_catalogue_does_not_cover_is_not_served()
    {
        var exception = Assert.Throws<UncoveredSupergraphException>(() => CatalogueFiles.Serve(Small.Value.Sdl, Catalogue(peopleFields: ["Query.person", "Person.id"])));

        Assert.Equal(CatalogueErrorCodes.FieldUncoveredCode, Assert.Single(exception.Errors).Code);
        Assert.Contains("Person.name", exception.Message, StringComparison.Ordinal);
    }

    internal static Supergraph Compose(params string[] sdls)
    {
        var names = new[] { "people", "licences" };
        var composition = SupergraphComposer.Compose([.. sdls.Select((sdl, i) => new SubgraphSdl(names[i], $"http://{names[i]}.example/graphql", sdl))]);
        Assert.True(composition.Succeeded, string.Join("\n", composition.Errors));
        return Supergraph.Parse(composition.SupergraphSdl!);
    }

    private static ShareCatalogue Catalogue(
        string[]? peopleFields = null,
        string[]? licenceFields = null,
        string[]? notShared = null,
        string notSharedProvider = PublicSecurity,
        Dictionary<string, string>? subgraphs = null,
        Dictionary<string, string>? divisionFields = null) =>
        new(
            [new CatalogueAgency(PublicSecurity, "宁波市公安局", "Ningbo Municipal Public Security Bureau", "330200"), new CatalogueAgency(BigData, "宁波市大数据发展管理局", "Ningbo Municipal Big Data Development Administration", "330200")],
            divisionFields ?? new Dictionary<string, string>(),
            [
                Resource("people.base", PublicSecurity, ShareClass.Unconditional, peopleFields ?? ["Query.person", "Person.id", "Person.name"]),
                Resource("people.phone", notSharedProvider, ShareClass.NotShared, notShared ?? ["Person.phone"]),
                Resource("licences.face", BigData, ShareClass.Unconditional, licenceFields ?? ["Query.licence", "Licence.number", "Licence.holder", "Licence.note", "Person.licences"]),
            ],
            subgraphs ?? new Dictionary<string, string> { ["people"] = PublicSecurity, ["licences"] = BigData });

    private static CatalogueResource Resource(string id, string provider, ShareClass shareClass, string[] fields) =>
        new(id, id, id, provider, shareClass, fields, "JSON", [ProvisionMethod.Api], UpdateFrequency.Daily, null, shareClass == ShareClass.NotShared ? "《中华人民共和国个人信息保护法》第三十四条" : null);
}
