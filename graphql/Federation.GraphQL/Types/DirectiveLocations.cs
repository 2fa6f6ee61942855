using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types;

/// <summary>The names of directive locations as SDL and introspection spell them (FIELD_DEFINITION, ...).</summary>
public static class DirectiveLocations
{
    private static readonly Dictionary<string, DirectiveLocation> ByName = new()
    {
        ["QUERY"] = DirectiveLocation.Query,
        ["MUTATION"] = DirectiveLocation.Mutation,
        ["SUBSCRIPTION"] = DirectiveLocation.Subscription,
        ["FIELD"] = DirectiveLocation.Field,
        ["FRAGMENT_DEFINITION"] = DirectiveLocation.FragmentDefinition,
        ["FRAGMENT_SPREAD"] = DirectiveLocation.FragmentSpread,
        ["INLINE_FRAGMENT"] = DirectiveLocation.InlineFragment,
        ["VARIABLE_DEFINITION"] = DirectiveLocation.VariableDefinition,
        ["FRAGMENT_VARIABLE_DEFINITION"] = DirectiveLocation.FragmentVariableDefinition,
        ["SCHEMA"] = DirectiveLocation.Schema,
        ["SCALAR"] = DirectiveLocation.Scalar,
        ["OBJECT"] = DirectiveLocation.Object,
        ["FIELD_DEFINITION"] = DirectiveLocation.FieldDefinition,
        ["ARGUMENT_DEFINITION"] = DirectiveLocation.ArgumentDefinition,
        ["INTERFACE"] = DirectiveLocation.Interface,
        ["UNION"] = DirectiveLocation.Union,
        ["ENUM"] = DirectiveLocation.Enum,
        ["ENUM_VALUE"] = DirectiveLocation.EnumValue,
        ["INPUT_OBJECT"] = DirectiveLocation.InputObject,
        ["INPUT_FIELD_DEFINITION"] = DirectiveLocation.InputFieldDefinition,
        ["DIRECTIVE_DEFINITION"] = DirectiveLocation.DirectiveDefinition,
    };

    private static readonly Dictionary<DirectiveLocation, string> Names = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static bool TryParse(string name, out DirectiveLocation location) => ByName.TryGetValue(name, out location);

    public static DirectiveLocation Parse(NameNode name) =>
        ByName.TryGetValue(name.Value, out var location)
            ? location
            : throw new GraphQLException(new GraphQLError($"Unexpected directive location \"{name.Value}\".", name));

    public static string NameOf(DirectiveLocation location) => Names[location];
}
