using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Input object field uniqueness.</summary>
public sealed class UniqueInputFieldNamesTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.UniqueInputFieldNames];

    [Fact]
    public void Unique() => ExpectValid(
        """
            { field(arg: { f1: "value", f2: "value", f3: "value" }) }
            """);

    [Fact]
    public void SameNameInNestedObjects() => ExpectValid(
        """
            { field(arg: { f1: {f2: "value"}, f2: {f1: "value"} }) }
            """);

    [Fact]
    public void Duplicate() => ExpectErrors(
        """
            { field(arg: { f1: "value", f1: "value" }) }
            """,
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)));

    [Fact]
    public void ManyDuplicates() => ExpectErrors(
        """
            { field(arg: { f1: "value", f1: "value", f1: "value" }) }
            """,
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)),
        Error("There can be only one input field named \"f1\".", (1, 16), (1, 42)));

    [Fact]
    public void DuplicateInNested() => ExpectErrors(
        """
            { field(arg: { f1: {f2: "value", f2: "value" }}) }
            """,
        Error("There can be only one input field named \"f2\".", (1, 21), (1, 34)));
}
