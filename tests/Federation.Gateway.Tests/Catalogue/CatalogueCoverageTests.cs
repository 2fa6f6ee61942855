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

    [Theory]
    [InlineData("Person", "id", null)]
    [InlineData("Licence", "number", null)]
    [InlineData("Nobody", "id", "the supergraph has no such type")]
    [InlineData("Person", "nowhere", "type \"Person\" has no field \"nowhere\"")]
    [InlineData("Person", "licences", "is a list")]
    [InlineData("Licence", "holder", "is not a scalar")]
    [InlineData("Query", "person", "takes arguments")]
    public void A_data_subjects_identifier_is_a_scalar_field_of_its_type(string type, string field, string? why)
    {
        var errors = CatalogueCoverage.Check(Small.Value, Catalogue(subjects: new() { [type] = new DataSubject(field, "SOME_KIND") }));

        if (why is null)
        {
            Assert.Empty(errors);
            return;
        }

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.InvalidSubjectCode, error.Code);
        Assert.Equal([type], error.Coordinates);
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

    [StringSyntax("graphql")]
    private const string Searchable = """
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { person(id: ID!): Person people(filter: PersonFilter, first: Int = 20): [Person!]! }
        type Person @key(fields: "id") { id: ID! name: String! phone: String }
        input PersonFilter { name: String phone: String period: Period }
        input Period { from: String! until: String }
        """;

    private static readonly Lazy<Supergraph> WithFilters = new(() => Compose(Searchable, Licences));

    private static readonly string[] SearchableInputs =
        ["Query.person(id:)", "Query.people(filter:)", "Query.people(first:)", "PersonFilter.name", "PersonFilter.period", "Period.from", "Period.until"];

    private static ShareCatalogue Searching(string[]? peopleInputs = null, string[]? licenceInputs = null, string[]? notShared = null, CatalogueResource[]? more = null) =>
        Catalogue(
            peopleFields: ["Query.person", "Query.people", "Person.id", "Person.name"],
            peopleInputs: peopleInputs ?? SearchableInputs,
            licenceInputs: licenceInputs,
            notShared: notShared ?? ["Person.phone", "PersonFilter.phone"],
            more: more);

    [Fact]
    public void A_catalogue_covering_each_argument_and_input_field_once_passes()
    {
        Assert.Empty(CatalogueCoverage.Check(WithFilters.Value, Searching()));
    }

    [Theory]
    [InlineData("Query.people(filter:)", "Argument")]
    [InlineData("Query.people(first:)", "Argument")]
    [InlineData("PersonFilter.name", "Input field")]
    [InlineData("Period.until", "Input field")]
    public void An_argument_or_input_field_no_resource_covers_fails(string coordinate, string kind)
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(peopleInputs: [.. SearchableInputs.Where(c => c != coordinate)]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.FieldUncoveredCode, error.Code);
        Assert.Equal([coordinate], error.Coordinates);
        Assert.Equal(["people"], error.Subgraphs);
        Assert.StartsWith($"{kind} \"{coordinate}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_sharing_everything_unconditionally_need_not_list_arguments_and_input_fields_but_one_conditional_resource_makes_each_required()
    {
        var open = Catalogue(peopleFields: ["Query.person", "Query.people", "Person.id", "Person.name", "Person.phone"], peopleInputs: [], licenceInputs: [], notShared: []);
        var withOneConditional = Catalogue(
            peopleFields: ["Query.person", "Query.people", "Person.id", "Person.name"], peopleInputs: [], licenceInputs: [], notShared: [],
            more: [Scoped("people.phone-conditional", PublicSecurity, "Person.phone")]);

        var openErrors = CatalogueCoverage.Check(WithFilters.Value, new ShareCatalogue(open.Agencies, open.DivisionFields, [.. open.Resources.Where(r => r.Class != ShareClass.NotShared)], open.Subgraphs));
        var conditionalErrors = CatalogueCoverage.Check(WithFilters.Value, new ShareCatalogue(withOneConditional.Agencies, new Dictionary<string, string> { ["Person"] = "id" }, [.. withOneConditional.Resources.Where(r => r.Class != ShareClass.NotShared)], withOneConditional.Subgraphs));

        Assert.Empty(openErrors);
        Assert.Contains(conditionalErrors, e => e.Code == CatalogueErrorCodes.FieldUncoveredCode && e.Coordinates.SequenceEqual(["PersonFilter.name"]));
        Assert.Contains(conditionalErrors, e => e.Code == CatalogueErrorCodes.FieldUncoveredCode && e.Coordinates.SequenceEqual(["Query.people(filter:)"]));
    }

    [Theory]
    [InlineData("Query.people(filter:)")]
    [InlineData("Period.from")]
    public void An_argument_or_input_field_two_resources_cover_fails_naming_both(string coordinate)
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(more: [Resource("people.search", PublicSecurity, ShareClass.Unconditional, [coordinate])]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.FieldCoveredTwiceCode, error.Code);
        Assert.Equal([coordinate], error.Coordinates);
        Assert.Contains("people.base, people.search", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Query.people(sort:)")]
    [InlineData("Query.nobody(filter:)")]
    [InlineData("PersonFilter.age")]
    [InlineData("Period.from(x:)")]
    public void A_listed_argument_or_input_field_the_supergraph_does_not_have_fails(string coordinate)
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(peopleInputs: [.. SearchableInputs, coordinate]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.UnknownFieldCode, error.Code);
        Assert.Equal([coordinate], error.Coordinates);
    }

    [Theory]
    [InlineData("Query.people(first:)", "argument")]
    [InlineData("Period.until", "input field")]
    public void An_argument_or_input_field_in_a_resource_of_an_agency_whose_subgraph_does_not_define_it_fails(string coordinate, string kind)
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(
            peopleInputs: [.. SearchableInputs.Where(c => c != coordinate)],
            licenceInputs: ["Query.licence(number:)", coordinate]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.WrongProviderCode, error.Code);
        Assert.Equal([coordinate], error.Coordinates);
        Assert.Contains($"{kind} \"{coordinate}\" comes from subgraph \"people\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Query.person(id:)", "argument")]
    [InlineData("Period.from", "input field")]
    public void A_required_argument_or_input_field_cannot_be_not_shared(string coordinate, string kind)
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(
            peopleInputs: [.. SearchableInputs.Where(c => c != coordinate)],
            notShared: ["Person.phone", "PersonFilter.phone", coordinate]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.NotSharedRequiredFieldCode, error.Code);
        Assert.Equal([coordinate], error.Coordinates);
        Assert.Contains($"{kind} \"{coordinate}\" is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_with_a_default_may_be_not_shared()
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(
            peopleInputs: [.. SearchableInputs.Where(c => c != "Query.people(first:)")],
            notShared: ["Person.phone", "PersonFilter.phone", "Query.people(first:)"]));

        Assert.Empty(errors);
    }

    [Fact]
    public void Not_shared_input_fields_cannot_empty_an_input_type()
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Searching(
            peopleInputs: [.. SearchableInputs.Where(c => c != "Period.until")],
            notShared: ["Person.phone", "PersonFilter.phone", "Period.until", "Period.from"]));

        Assert.Contains(errors, e => e.Code == CatalogueErrorCodes.NotSharedEmptiesTypeCode && e.Coordinates.SequenceEqual(["Period"]));
    }

    [Fact]
    public void Not_shared_arguments_and_input_fields_are_not_in_the_api_schema_served_with_the_catalogue()
    {
        var served = CatalogueFiles.Serve(WithFilters.Value.Sdl, Searching(
            peopleInputs: [.. SearchableInputs.Where(c => c != "Query.people(first:)")],
            notShared: ["Person.phone", "PersonFilter.phone", "Query.people(first:)"]));

        var filter = (InputObjectType)served.ApiSchema.GetType("PersonFilter")!;
        Assert.Null(filter.GetField("phone"));
        Assert.NotNull(filter.GetField("name"));
        var people = ((ObjectType)served.ApiSchema.GetType("Query")!).GetField("people")!;
        Assert.Null(people.GetArgument("first"));
        Assert.NotNull(people.GetArgument("filter"));
        Assert.NotNull(((InputObjectType)WithFilters.Value.ApiSchema.GetType("PersonFilter")!).GetField("phone"));
    }

    [Fact]
    public void A_division_scoped_field_on_a_type_without_a_division_field_fails_but_its_arguments_and_input_fields_need_none()
    {
        var errors = CatalogueCoverage.Check(WithFilters.Value, Catalogue(
            peopleFields: ["Query.person", "Query.people", "Person.id", "Person.name"],
            peopleInputs: [.. SearchableInputs.Where(c => c is not ("Query.people(first:)" or "Period.until"))],
            licenceFields: ["Query.licence", "Licence.number", "Licence.holder", "Person.licences"],
            notShared: ["Person.phone", "PersonFilter.phone"],
            more: [Scoped("licences.scoped", BigData, "Licence.note"), Scoped("people.scoped", PublicSecurity, "Query.people(first:)", "Period.until")]));

        var error = Assert.Single(errors);
        Assert.Equal(CatalogueErrorCodes.DivisionFieldMissingCode, error.Code);
        Assert.Equal(["Licence.note"], error.Coordinates);
    }

    [Fact]
    public void A_second_key_only_two_other_subgraphs_resolve_belongs_to_one_of_them()
    {
        const string link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])""";
        var composition = SupergraphComposer.Compose(
        [
            new SubgraphSdl("registry", "http://registry.example/graphql", link + """

                type Query { vessels: [Vessel!]! }
                type Vessel @key(fields: "imo") { imo: ID! name: String! tonnage: Int! built: Int! }
                """),
            new SubgraphSdl("radio", "http://radio.example/graphql", link + """

                type Vessel @key(fields: "imo") @key(fields: "callSign") { imo: ID! callSign: String! flag: String! }
                """),
            new SubgraphSdl("ports", "http://ports.example/graphql", link + """

                type Vessel @key(fields: "callSign") { callSign: String! port: String! }
                """),
        ]);
        Assert.True(composition.Succeeded, string.Join("\n", composition.Errors));

        var elements = CatalogueCoverage.Coverable(Supergraph.Parse(composition.SupergraphSdl!)).ToDictionary(e => e.Coordinate);

        // The registry owns Vessel, but resolves no call sign: of the two that do, the one resolving more of Vessel owns it.
        Assert.Equal("registry", elements["Vessel.imo"].Owner);
        Assert.Equal("radio", elements["Vessel.callSign"].Owner);
        Assert.Null(elements["Vessel.port"].Owner);
    }

    internal static Supergraph Compose(params string[] sdls)
    {
        var names = new[] { "people", "licences" };
        var composition = SupergraphComposer.Compose([.. sdls.Select((sdl, i) => new SubgraphSdl(names[i], $"http://{names[i]}.example/graphql", sdl))]);
        Assert.True(composition.Succeeded, string.Join("\n", composition.Errors));
        return Supergraph.Parse(composition.SupergraphSdl!);
    }

    /// <param name="peopleInputs">Arguments and input fields of people.base, apart from its fields so that the field tests keep them covered.</param>
    private static ShareCatalogue Catalogue(
        string[]? peopleFields = null,
        string[]? licenceFields = null,
        string[]? notShared = null,
        string notSharedProvider = PublicSecurity,
        Dictionary<string, string>? subgraphs = null,
        Dictionary<string, string>? divisionFields = null,
        string[]? peopleInputs = null,
        string[]? licenceInputs = null,
        CatalogueResource[]? more = null,
        Dictionary<string, DataSubject>? subjects = null) =>
        new(
            [new CatalogueAgency(PublicSecurity, "宁波市公安局", "Ningbo Municipal Public Security Bureau", "330200"), new CatalogueAgency(BigData, "宁波市大数据发展管理局", "Ningbo Municipal Big Data Development Administration", "330200")],
            divisionFields ?? new Dictionary<string, string>(),
            [
                Resource("people.base", PublicSecurity, ShareClass.Unconditional, [.. peopleFields ?? ["Query.person", "Person.id", "Person.name"], .. peopleInputs ?? ["Query.person(id:)"]]),
                Resource("people.phone", notSharedProvider, ShareClass.NotShared, notShared ?? ["Person.phone"]),
                Resource("licences.face", BigData, ShareClass.Unconditional, [.. licenceFields ?? ["Query.licence", "Licence.number", "Licence.holder", "Licence.note", "Person.licences"], .. licenceInputs ?? ["Query.licence(number:)"]]),
                .. more ?? [],
            ],
            subgraphs ?? new Dictionary<string, string> { ["people"] = PublicSecurity, ["licences"] = BigData },
            subjects);

    private static CatalogueResource Scoped(string id, string provider, params string[] fields) =>
        new(id, id, id, provider, ShareClass.Conditional, fields, "JSON", [ProvisionMethod.Api], UpdateFrequency.Daily, new ShareConditions(null, [Purpose.DataVerification], false, true, null), null);

    private static CatalogueResource Resource(string id, string provider, ShareClass shareClass, string[] fields) =>
        new(id, id, id, provider, shareClass, fields, "JSON", [ProvisionMethod.Api], UpdateFrequency.Daily, null, shareClass == ShareClass.NotShared ? "《中华人民共和国个人信息保护法》第三十四条" : null);
}
