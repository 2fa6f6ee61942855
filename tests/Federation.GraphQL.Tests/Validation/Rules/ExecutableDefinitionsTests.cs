using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Executable Definitions: only operations and fragments.</summary>
public sealed class ExecutableDefinitionsTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.ExecutableDefinitions];

    [Fact]
    public void OnlyOperation() => ExpectValid(
        """
            query Foo { dog { name } }
            """);

    [Fact]
    public void OperationAndFragment() => ExpectValid(
        """
            query Foo { dog { name ...Frag } }
            fragment Frag on Dog { name }
            """);

    [Fact]
    public void TypeDefinition() => ExpectErrors(
        """
            query Foo { dog { name } }
            type Cow { name: String }
            extend type Dog { color: String }
            """,
        Error("The \"Cow\" definition is not executable.", (2, 1)),
        Error("The \"Dog\" definition is not executable.", (3, 1)));

    [Fact]
    public void SchemaDefinition() => ExpectErrors(
        """
            schema { query: Query }
            type Query { test: String }
            extend schema @directive
            """,
        Error("The schema definition is not executable.", (1, 1)),
        Error("The \"Query\" definition is not executable.", (2, 1)),
        Error("The schema definition is not executable.", (3, 1)));

    [Fact]
    public void DirectiveDefinition() => ExpectErrors(
        """
            directive @foo on FIELD
            { dog { name } }
            """,
        Error("The \"foo\" definition is not executable.", (1, 1)));
}
