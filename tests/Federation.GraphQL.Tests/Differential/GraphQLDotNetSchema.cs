using GraphQLParser.AST;
using DotNet = global::GraphQL;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// GraphQL.NET 8.8.5's schema-first build of an SDL, resolved as our runners resolve it: every
/// field of an object type by <paramref name="resolve"/> (a read of the parent dictionary by the
/// field's name), every interface and union by the value's <c>__typename</c>, and every custom
/// scalar passed through as graphql-js's default scalar does. Used by the engine benchmark
/// (linked into Federation.Benchmarks) and by the differential tally; the product never uses it.
/// </summary>
internal static class GraphQLDotNetSchema
{
    public static DotNet.Types.Schema Build(string sdl, Func<DotNet.IResolveFieldContext, object?> resolve)
    {
        var document = GraphQLParser.Parser.Parse(sdl);
        var resolver = new DotNet.Resolvers.FuncFieldResolver<object?>(resolve);
        DotNet.Types.Schema? built = null;

        // ResolveType runs at execution, after Schema.For has returned the schema it reads.
        DotNet.Types.IObjectGraphType TypeOf(object value) =>
            value is IReadOnlyDictionary<string, object?> members && members.TryGetValue("__typename", out var name) && name is string typeName
                ? (built!.AllTypes[typeName] as DotNet.Types.IObjectGraphType)!
                : null!;

        var builder = new PassThroughScalarsBuilder(document.Definitions.OfType<GraphQLScalarTypeDefinition>().Select(s => s.Name.StringValue));
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition objectType:
                    BindFields(builder, objectType.Name.StringValue, objectType.Fields, resolver);
                    break;
                case GraphQLObjectTypeExtension objectExtension:
                    BindFields(builder, objectExtension.Name.StringValue, objectExtension.Fields, resolver);
                    break;
                case GraphQLInterfaceTypeDefinition interfaceType:
                    builder.Types.For(interfaceType.Name.StringValue).ResolveType = TypeOf;
                    break;
                case GraphQLUnionTypeDefinition unionType:
                    builder.Types.For(unionType.Name.StringValue).ResolveType = TypeOf;
                    break;
            }
        }

        built = builder.Build(sdl);
        return built;
    }

    private static void BindFields(DotNet.Utilities.SchemaBuilder builder, string typeName, GraphQLFieldsDefinition? fields, DotNet.Resolvers.IFieldResolver resolver)
    {
        foreach (var field in fields?.Items ?? [])
        {
            builder.Types.For(typeName).FieldFor(field.Name.StringValue).Resolver = resolver;
        }
    }

    /// <summary>Registers each custom scalar of the SDL before the types are added: the schema-first builder knows only the built-in ones.</summary>
    private sealed class PassThroughScalarsBuilder(IEnumerable<string> scalars) : DotNet.Utilities.SchemaBuilder
    {
        private readonly List<string> names = scalars.ToList();

        protected override void PreConfigure(DotNet.Types.Schema schema)
        {
            base.PreConfigure(schema);
            foreach (var name in names)
            {
                schema.RegisterType(new PassThroughScalar(name));
            }
        }
    }

    /// <summary>graphql-js's default custom scalar: values pass through; a literal becomes its plain value.</summary>
    private sealed class PassThroughScalar : DotNet.Types.ScalarGraphType
    {
        public PassThroughScalar(string name) => Name = name;

        public override object? ParseValue(object? value) => value;

        public override object? Serialize(object? value) => value;

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLNullValue => null,
            GraphQLBooleanValue boolean => boolean.BoolValue,
            GraphQLIntValue integer => double.Parse(integer.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
            GraphQLFloatValue number => double.Parse(number.Value.Span, provider: System.Globalization.CultureInfo.InvariantCulture),
            GraphQLStringValue text => (string)text.Value,
            GraphQLEnumValue symbol => symbol.Name.StringValue,
            GraphQLListValue list => list.Values?.Select(ParseLiteral).ToList() ?? [],
            GraphQLObjectValue members => members.Fields?.ToDictionary(f => f.Name.StringValue, f => ParseLiteral(f.Value)) ?? [],
            _ => ThrowLiteralConversionError(value),
        };

        public override bool CanParseLiteral(GraphQLValue value) => value is not GraphQLVariable;

        public override bool CanParseValue(object? value) => true;
    }
}
