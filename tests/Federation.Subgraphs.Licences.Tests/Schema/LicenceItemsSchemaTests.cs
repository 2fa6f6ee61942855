using Federation.GraphQL.Types;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Licences.Domain;
using Federation.Subgraphs.Licences.Schema;

namespace Federation.Subgraphs.Licences.Tests.Schema;

/// <summary>The SDL's typed licence items against the catalogue of licence types.</summary>
public sealed class LicenceItemsSchemaTests
{
    private static readonly Federation.GraphQL.Types.Schema Sdl = Subgraph.FromSdl(LicencesSubgraph.Sdl).Schema;

    /// <summary>The item types that carry the holder, whose division scopes them at the gateway (schema/catalogue.yaml, divisionFields).</summary>
    private static readonly string[] ScopedByHolder = ["DrivingLicenceItems", "HouseholdRegisterItems", "RealEstateTitleItems"];

    [Fact]
    public void LicenceItems_has_one_member_per_licence_type()
    {
        var union = Assert.IsType<UnionType>(Sdl.GetType("LicenceItems"));

        Assert.Equal(LicenceCatalogue.All.Select(t => t.ItemsTypeName).Order(StringComparer.Ordinal), union.Types.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(LicenceCatalogue.All.Count, LicenceCatalogue.All.Select(t => t.ItemsTypeName).Distinct().Count());
    }

    [Fact]
    public void Each_item_is_a_field_of_its_kind_nullable_exactly_when_optional()
    {
        foreach (var type in LicenceCatalogue.All)
        {
            var items = Assert.IsType<ObjectType>(Sdl.GetType(type.ItemsTypeName));
            var expected = type.ItemDefinitions.Select(d => (d.Key, LicenceItemKinds.Scalar(d.Kind) + (d.Required ? "!" : "")));
            if (ScopedByHolder.Contains(type.ItemsTypeName))
            {
                expected = expected.Prepend(("holder", "Person!"));
            }

            // The seal's salt, readable with the items only (its resource is the type's strictest items resource).
            expected = expected.Append(("sealSalt", "String!"));
            Assert.Equal(expected, items.Fields.Select(f => (f.Name, f.Type.ToString())));
        }
    }

    [Fact]
    public void An_item_key_shared_by_several_types_has_one_field_type_so_a_client_selects_it_across_types_without_aliases()
    {
        var fields = LicenceCatalogue.All
            .SelectMany(t => ((ObjectType)Sdl.GetType(t.ItemsTypeName)!).Fields)
            .GroupBy(f => f.Name)
            .Where(g => g.Select(f => f.Type.ToString()).Distinct().Count() > 1)
            .Select(g => g.Key);

        Assert.Empty(fields);
    }

    [Fact]
    public void No_untyped_item_or_sealed_content_is_left_in_the_schema()
    {
        Assert.Null(Sdl.GetType("LicenceItem"));
        var seal = Assert.IsType<ObjectType>(Sdl.GetType("ElectronicSeal"));
        Assert.DoesNotContain(seal.Fields, f => f.Name.Contains("content", StringComparison.OrdinalIgnoreCase) && f.Name != "contentDigest");

        // The salt is among the items, never on the open seal: with it the digest would confirm guesses again.
        Assert.DoesNotContain(seal.Fields, f => f.Name.Contains("salt", StringComparison.OrdinalIgnoreCase));
    }
}
