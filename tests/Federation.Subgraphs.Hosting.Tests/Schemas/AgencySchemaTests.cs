using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.SchemaValidation;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Schemas;

/// <summary>Each agency subgraph schema builds as a federation v2 subgraph and as a schema with the agency scalars.</summary>
public sealed class AgencySchemaTests
{
    public static TheoryData<string> Names => new(AgencySchemas.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void The_subgraph_builds_and_its_schema_is_valid(string name)
    {
        var subgraph = Subgraph.FromSdl(AgencySchemas.Read(name));

        Assert.Empty(SchemaValidator.Validate(subgraph.Schema).Select(e => e.Message));
        Assert.NotNull(subgraph.Schema.GetType("_Entity"));
    }

    [Theory]
    [InlineData("population", new[] { "Person", "Household", "AdministrativeDivision", "Address" })]
    [InlineData("legal-persons", new[] { "LegalPerson", "Person", "AdministrativeDivision", "Address" })]
    [InlineData("spatial", new[] { "AdministrativeDivision", "Address", "Parcel", "Person", "LegalPerson" })]
    [InlineData("licences", new[] { "Licence", "Person", "LegalPerson" })]
    public void The_subgraph_has_its_entities(string name, string[] entities)
    {
        var subgraph = Subgraph.FromSdl(AgencySchemas.Read(name));

        Assert.Equal(entities.Order(), subgraph.EntityTypes.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Without_the_federation_parts_the_sdl_builds_with_the_agency_scalars(string name)
    {
        // Every scalar the agency schemas declare must have an agency implementation: Subgraph.FromSdl
        // would leave any other one passing values through unchecked.
        var document = WithoutFederation(Parser.Parse(AgencySchemas.Read(name)));
        var implemented = AgencyScalars.All().Select(s => s.Name).ToHashSet();

        var schema = AgencyScalars.BuildSchema(document, AgencyScalars.All());

        Assert.Empty(SchemaValidator.Validate(schema).Select(e => e.Message));
        foreach (var scalar in document.Definitions.OfType<ScalarTypeDefinitionNode>())
        {
            Assert.Contains(scalar.Name.Value, implemented);
            Assert.Same(AgencyScalars.All().Single(s => s.Name == scalar.Name.Value).GetType(), schema.GetType(scalar.Name.Value)!.GetType());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_type_field_argument_and_enum_value_has_a_description(string name)
    {
        // Agency developers read the schema in GraphiQL: nothing may be left unexplained.
        var undescribed = new List<string>();
        foreach (var definition in Parser.Parse(AgencySchemas.Read(name)).Definitions.OfType<TypeDefinitionNode>())
        {
            var type = definition.Name.Value;
            Require(definition.Description, type);
            var fields = definition switch
            {
                ObjectTypeDefinitionNode o => o.Fields,
                InterfaceTypeDefinitionNode i => i.Fields,
                _ => [],
            };
            foreach (var field in fields)
            {
                Require(field.Description, $"{type}.{field.Name.Value}");
                foreach (var argument in field.Arguments)
                {
                    Require(argument.Description, $"{type}.{field.Name.Value}({argument.Name.Value}:)");
                }
            }

            foreach (var field in (definition as InputObjectTypeDefinitionNode)?.Fields ?? [])
            {
                Require(field.Description, $"{type}.{field.Name.Value}");
            }

            foreach (var value in (definition as EnumTypeDefinitionNode)?.Values ?? [])
            {
                Require(value.Description, $"{type}.{value.Name.Value}");
            }
        }

        Assert.Empty(undescribed);

        void Require(StringValueNode? description, string coordinate)
        {
            if (string.IsNullOrWhiteSpace(description?.Value))
            {
                undescribed.Add(coordinate);
            }
        }
    }

    [Fact]
    public void Scalars_shared_by_subgraphs_are_declared_identically()
    {
        var declarations = new Dictionary<string, HashSet<string>>();
        foreach (var name in AgencySchemas.Names)
        {
            foreach (var scalar in Parser.Parse(AgencySchemas.Read(name)).Definitions.OfType<ScalarTypeDefinitionNode>())
            {
                var written = $"{scalar.Description?.Value}|{string.Join(",", scalar.Directives.Select(d => d.Name.Value))}";
                if (!declarations.TryGetValue(scalar.Name.Value, out var forms))
                {
                    declarations[scalar.Name.Value] = forms = [];
                }

                forms.Add(written);
            }
        }

        Assert.Equal(["CreditCode", "Date", "DateTime", "DivisionCode", "GeoJSON", "IdNumber"], declarations.Keys.Order());
        Assert.All(declarations, d => Assert.Single(d.Value));
    }

    private static DocumentNode WithoutFederation(DocumentNode document)
    {
        var definitions = new List<DefinitionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaExtensionNode:
                    continue;
                case ObjectTypeDefinitionNode type:
                    Assert.All(type.Fields, f => Assert.Empty(f.Directives));
                    definitions.Add(type with { Directives = [] });
                    break;
                default:
                    definitions.Add(definition);
                    break;
            }
        }

        return new DocumentNode(definitions);
    }
}
