using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;
using Federation.Subgraphs.DemoData;

namespace Federation.Gateway.Tests.Catalogue;

/// <summary><c>schema/catalogue.yaml</c> against the committed supergraph and the demo world.</summary>
public sealed class CommittedCatalogueTests
{
    private static readonly Lazy<ShareCatalogue> Committed = new(() => CatalogueFiles.FromFile(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)));

    private static readonly Lazy<Supergraph> Agency = new(() => Supergraph.Parse(File.ReadAllText(Repository.SupergraphFile)));

    [Fact]
    public void The_committed_catalogue_covers_the_committed_supergraph_exactly()
    {
        Assert.Empty(CatalogueCoverage.Check(Agency.Value, Committed.Value));

        var types = Agency.Value.Types.Values;
        var fields = types
            .Where(t => t.Kind is SupergraphTypeKind.Object or SupergraphTypeKind.Interface)
            .SelectMany(t => t.Fields)
            .SelectMany(f => (IEnumerable<string>)[f.Coordinate, .. f.Arguments.Select(a => $"{f.Coordinate}({a.Name}:)")])
            .Concat(types.Where(t => t.Kind == SupergraphTypeKind.InputObject).SelectMany(t => t.Fields).Select(f => f.Coordinate))
            .Order(StringComparer.Ordinal);
        Assert.Equal(fields, Committed.Value.Resources.SelectMany(r => r.Fields).Order(StringComparer.Ordinal));
    }

    /// <summary>Whose data a request reads, for the audit trail: persons, legal persons, licences, parcels and households, each by its key.</summary>
    [Fact]
    public void The_committed_catalogue_names_the_data_subjects_by_their_keys()
    {
        Assert.Equal(
            [("Household", "number", "HOUSEHOLD_NUMBER"), ("LegalPerson", "creditCode", "CREDIT_CODE"), ("Licence", "number", "LICENCE_NUMBER"), ("Parcel", "unitCode", "PARCEL_CODE"), ("Person", "idNumber", "CITIZEN_ID")],
            Committed.Value.Subjects.Select(s => (s.Key, s.Value.Field, s.Value.Kind)).Order());
    }

    [Fact]
    public void The_catalogues_agencies_are_the_demo_worlds_agencies_with_their_credit_codes()
    {
        var world = new DemoWorld(persons: 100);

        var expected = world.Agencies.Select(a => (world.LegalPerson(a.Index).CreditCode, a.Name, a.DivisionCode));

        Assert.Equal(expected, Committed.Value.Agencies.Select(a => (a.Code, a.Name, a.Division)));
    }

    [Fact]
    public void Each_subgraph_is_the_system_of_the_agency_that_keeps_its_register()
    {
        var world = new DemoWorld(persons: 100);
        string CodeOf(AgencyRole role) => world.LegalPerson(world.AgencyOf(role, "330200")).CreditCode;

        Assert.Equal(CodeOf(AgencyRole.PublicSecurity), Committed.Value.Subgraphs["population"]);
        Assert.Equal(CodeOf(AgencyRole.MarketSupervision), Committed.Value.Subgraphs["legal-persons"]);
        Assert.Equal(CodeOf(AgencyRole.NaturalResources), Committed.Value.Subgraphs["spatial"]);
        Assert.Equal(CodeOf(AgencyRole.GovernmentServices), Committed.Value.Subgraphs["licences"]);
    }

    [Fact]
    public void The_committed_catalogue_has_every_share_class_and_not_shared_items_cite_a_law()
    {
        var byClass = Committed.Value.Resources.GroupBy(r => r.Class).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal([ShareClass.Unconditional, ShareClass.Conditional, ShareClass.NotShared], byClass.Keys.Order());
        Assert.All(byClass[ShareClass.NotShared], r => Assert.Matches("《中华人民共和国.+法》|《.+条例》", r.LegalBasis!));
        Assert.Contains(byClass[ShareClass.Conditional], r => r.Conditions!.DivisionScoped);
        Assert.Contains(byClass[ShareClass.Conditional], r => r.Conditions!.Agencies is null);
        Assert.Contains(byClass[ShareClass.Conditional], r => r.Conditions!.Agencies is { Count: > 0 });
    }

    [Fact]
    public void Corrections_are_the_providers_own_only()
    {
        var mutations = Agency.Value.Type("Mutation")!.Fields
            .SelectMany(f => (IEnumerable<string>)[f.Coordinate, .. f.Arguments.Select(a => $"{f.Coordinate}({a.Name}:)")])
            .Select(c => Committed.Value.ResourceOf(c)!)
            .ToList();

        Assert.All(mutations, r => Assert.Equal([], r.Conditions!.Agencies!));
    }

    /// <summary>
    /// The licence resources whose items copy a register's data, each with the register's resources
    /// it copies: a licence must never be a way round a refusal of the register's own resource.
    /// </summary>
    private static readonly (string Licence, string Source)[] LicenceItemSources =
    [
        ("licences.marriage-certificate-items", "population.marital-status"),
        ("licences.household-register-items", "population.household-registration"),
        ("licences.driving-licence-address", "population.residence"),
        ("licences.driving-licence-address", "population.household-registration"),
        ("licences.real-estate-title-items", "spatial.parcel-rights"),
        ("licences.real-estate-title-items", "spatial.parcel-right-terms"),
        ("licences.legal-person-licence-items", "legal-persons.registration-detail"),
        ("licences.legal-person-licence-items", "legal-persons.registration-base"),
        ("licences.licence-items", "population.person-identity"),
    ];

    public static TheoryData<string, string> LicenceItemSourcePairs() => new(LicenceItemSources);

    [Theory]
    [MemberData(nameof(LicenceItemSourcePairs))]
    public void A_licence_resource_that_copies_a_registers_data_is_no_more_open_than_the_registers_resource(string licenceId, string sourceId)
    {
        var licence = Committed.Value.Resource(licenceId);
        var source = Committed.Value.Resource(sourceId);
        Assert.NotNull(licence);
        Assert.NotNull(source);

        if (source.Class == ShareClass.Unconditional)
        {
            return;
        }

        Assert.Equal(source.Class, licence.Class);
        if (source.Class == ShareClass.NotShared)
        {
            return;
        }

        var (copy, original) = (licence.Conditions!, source.Conditions!);
        if (original.Agencies is { } agencies)
        {
            Assert.NotNull(copy.Agencies);
            Assert.Subset(agencies.ToHashSet(), copy.Agencies.ToHashSet());
        }

        Assert.Subset(original.Purposes.ToHashSet(), copy.Purposes.ToHashSet());
        Assert.True(copy.ApplicationRequired || !original.ApplicationRequired, $"{licenceId} needs no application, {sourceId} does.");
        Assert.True(copy.DivisionScoped || !original.DivisionScoped, $"{licenceId} is not division-scoped, {sourceId} is.");
    }

    [Fact]
    public void Every_licence_item_is_in_a_resource_held_to_its_source()
    {
        var checkedResources = LicenceItemSources.Select(p => p.Licence).ToHashSet(StringComparer.Ordinal);
        var members = Agency.Value.Type("LicenceItems")!.UnionMembers.Select(m => m.Member).Distinct().ToList();
        Assert.NotEmpty(members);

        // `holder` repeats Licence.holder (face data) for division scoping; every other field is an item.
        var items = members.SelectMany(m => Agency.Value.Type(m)!.Fields).Where(f => f.Name != "holder").ToList();
        Assert.All(items, f => Assert.Contains(Committed.Value.ResourceOf(f.Coordinate)!.Id, checkedResources));
        Assert.All(members.Where(m => Agency.Value.Type(m)!.Field("holder") is not null), m => Assert.True(Committed.Value.DivisionFields.ContainsKey(m), m));
    }

    /// <summary>The review's oracles: each filter belongs to the resource of what it searches by, not to the list it filters.</summary>
    [Theory]
    [InlineData("PersonFilter.maritalStatus", "population.marital-status")]
    [InlineData("PersonFilter.householdNumber", "population.household-registration")]
    [InlineData("ParcelFilter.holderIdNumber", "spatial.parcel-rights")]
    [InlineData("ParcelFilter.holderCreditCode", "spatial.parcel-rights")]
    [InlineData("LegalPersonFilter.legalRepresentative", "legal-persons.represented")]
    [InlineData("LegalPersonFilter.industryCode", "legal-persons.registration-detail")]
    [InlineData("LicenceFilter.holderIdNumber", "licences.holder-licences")]
    [InlineData("Query.persons(first:)", "population.person-listing")]
    [InlineData("CorrectPersonInput.phone", "population.corrections")]
    public void A_filter_belongs_to_the_resource_of_what_it_searches_by(string coordinate, string resource)
    {
        Assert.Equal(resource, Committed.Value.ResourceOf(coordinate)?.Id);
        Assert.Equal(ShareClass.Conditional, Committed.Value.ResourceOf(coordinate)!.Class);
    }

    [Fact]
    public void The_built_in_catalogue_is_the_committed_one()
    {
        using var stream = typeof(CatalogueFiles).Assembly.GetManifestResourceStream(CatalogueFiles.EmbeddedResource);
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.SchemaDirectory, CatalogueFiles.FileName)), reader.ReadToEnd());
    }
}
