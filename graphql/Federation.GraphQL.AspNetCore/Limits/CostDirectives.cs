namespace Federation.GraphQL.AspNetCore.Limits;

/// <summary>
/// The IBM GraphQL Cost Directives (https://ibm.github.io/graphql-specs/cost-spec.html): add
/// <see cref="Sdl"/> to a schema's SDL to annotate it with <c>@cost</c> and <c>@listSize</c>.
/// </summary>
public static class CostDirectives
{
    public const string Sdl = """
        directive @cost(weight: String!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR

        directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
        """;
}
