using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Field selection merging.</summary>
public sealed class OverlappingFieldsCanBeMergedTests : ValidationHarness
{
    protected override IReadOnlyList<ValidationRule> Rules { get; } = [SpecifiedRules.OverlappingFieldsCanBeMerged];

    [Fact]
    public void UniqueFields() => ExpectValid(
        """
            fragment f on Dog { name nickname }
            """);

    [Fact]
    public void IdenticalFields() => ExpectValid(
        """
            fragment f on Dog { name name }
            """);

    [Fact]
    public void IdenticalFieldsWithArgs() => ExpectValid(
        """
            fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }
            """);

    [Fact]
    public void IdenticalFieldsWithDirectives() => ExpectValid(
        """
            fragment f on Dog { name @include(if: true) name @include(if: false) }
            """);

    [Fact]
    public void DifferentArgsDifferentAliases() => ExpectValid(
        """
            fragment f on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }
            """);

    [Fact]
    public void SameAliasesDifferentFieldNames() => ExpectErrors(
        """
            fragment f on Dog { fido: name fido: nickname }
            """,
        Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 32)));

    [Fact]
    public void SameAliasesAllowedOnNonOverlappingFields() => ExpectValid(
        """
            fragment f on Pet { ... on Dog { name } ... on Cat { name: nickname } }
            """);

    [Fact]
    public void AliasMaskingDirectFieldAccess() => ExpectErrors(
        """
            fragment f on Dog { name: nickname name }
            """,
        Error("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 36)));

    [Fact]
    public void DifferentArgsSecondAddsArgument() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }
            """,
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 37)));

    [Fact]
    public void DifferentArgsSecondMissingArgument() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }
            """,
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 54)));

    [Fact]
    public void ConflictingArgValues() => ExpectErrors(
        """
            fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }
            """,
        Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 54)));

    [Fact]
    public void ConflictingArgNames() => ExpectErrors(
        """
            fragment f on Dog { isAtLocation(x: 0) isAtLocation(y: 0) }
            """,
        Error("Fields \"isAtLocation\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 40)));

    [Fact]
    public void ArgumentOrderDoesNotMatter() => ExpectValid(
        """
            fragment f on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }
            """);

    [Fact]
    public void ObjectFieldOrderDoesNotMatter() => ExpectValid(
        """
            { complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }
            """);

    [Fact]
    public void BlockAndPlainStringsDiffer() => ExpectErrors(
        """"
            { complicatedArgs { stringArgField(stringArg: "a") stringArgField(stringArg: """a""") } }
            """",
        Error("Fields \"stringArgField\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 52)));

    [Fact]
    public void VariablesCompareByName() => ExpectErrors(
        """
            query ($a: Int, $b: Int) { complicatedArgs { intArgField(intArg: $a) intArgField(intArg: $b) } }
            """,
        Error("Fields \"intArgField\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 46), (1, 70)));

    [Fact]
    public void DifferentParentObjectsAllowDifferentArgs() => ExpectValid(
        """
            { catOrDog { ... on Dog { name(surname: true) } ... on Cat { name(surname: false) } } }
            """);

    [Fact]
    public void EncountersConflictInFragments() => ExpectErrors(
        """
            { ...A ...B }
            fragment A on Type { x: a }
            fragment B on Type { x: b }
            """,
        Error("Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 22), (3, 22)));

    [Fact]
    public void ReportsEachConflictOnce() => ExpectErrors(
        """
            {
              f1 { ...A ...B }
              f2 { ...B ...A }
              f3 { ...A ...B x: c }
            }
            fragment A on Type { x: a }
            fragment B on Type { x: b }
            """,
        Error("Fields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (6, 22), (7, 22)),
        Error("Fields \"x\" conflict because \"c\" and \"a\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (4, 18), (6, 22)),
        Error("Fields \"x\" conflict because \"c\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (4, 18), (7, 22)));

    [Fact]
    public void DeepConflict() => ExpectErrors(
        """
            { field { x: a } field { x: b } }
            """,
        Error("Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 3), (1, 11), (1, 18), (1, 26)));

    [Fact]
    public void DeepConflictWithMultipleIssues() => ExpectErrors(
        """
            { field { x: a y: c } field { x: b y: d } }
            """,
        Error("Fields \"field\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields and subfields \"y\" conflict because \"c\" and \"d\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 3), (1, 11), (1, 16), (1, 23), (1, 31), (1, 36)));

    [Fact]
    public void VeryDeepConflict() => ExpectErrors(
        """
            { field { deepField { x: a } } field { deepField { x: b } } }
            """,
        Error("Fields \"field\" conflict because subfields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 3), (1, 11), (1, 23), (1, 32), (1, 40), (1, 52)));

    [Fact]
    public void ReportsDeepConflictToNearestCommonAncestor() => ExpectErrors(
        """
            { field { deepField { x: a } deepField { x: b } } field { deepField { y } } }
            """,
        Error("Fields \"deepField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 11), (1, 23), (1, 30), (1, 42)));

    [Fact]
    public void ReportsDeepConflictInFragments() => ExpectErrors(
        """
            { field { ...F } field { ...F } }
            fragment F on T { deepField { deeperField { x: a } deeperField { ...G } } deepField { deeperField { y } } }
            fragment G on T { x: b }
            """,
        Error("Fields \"deeperField\" conflict because subfields \"x\" conflict because \"a\" and \"b\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (2, 31), (2, 45), (2, 52), (3, 19)));

    [Fact]
    public void ConflictingReturnTypesOnAbstractParents() => ExpectErrors(
        """
            { someBox { ... on IntBox { scalar } ... on StringBox { scalar } } }
            """,
        Error("Fields \"scalar\" conflict because they return conflicting types \"Int\" and \"String\". Use different aliases on the fields to fetch both if this was intentional.", (1, 29), (1, 57)));

    [Fact]
    public void DisallowsDifferingReturnTypeNullability() => ExpectValid(
        """
            { someBox { ... on IntBox { deepBox { unrelatedField } } ... on StringBox { deepBox { unrelatedField } } } }
            """);

    [Fact]
    public void ListVersusNonList() => ExpectErrors(
        """
            { someBox { ... on IntBox { box: listStringBox { scalar } } ... on StringBox { box: stringBox { scalar } } } }
            """,
        Error("Fields \"box\" conflict because they return conflicting types \"[StringBox]\" and \"StringBox\". Use different aliases on the fields to fetch both if this was intentional.", (1, 29), (1, 80)));

    [Fact]
    public void ConflictingSubfieldsAcrossDifferentParents() => ExpectErrors(
        """
            { someBox { ... on IntBox { box: stringBox { val: scalar val: unrelatedField } } ... on StringBox { box: stringBox { val: scalar } } } }
            """,
        Error("Fields \"val\" conflict because \"scalar\" and \"unrelatedField\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 46), (1, 58)));

    [Fact]
    public void DifferingLeafTypesInDeepBoxes() => ExpectValid(
        """
            { someBox { ... on IntBox { deepBox { ... on IntBox { scalar } } } ... on StringBox { deepBox: intBox { scalar } } } }
            """);

    [Fact]
    public void SameWrappedScalarReturnTypes() => ExpectValid(
        """
            { someBox { ... on IntBox { unrelatedField } ... on StringBox { unrelatedField } } }
            """);

    [Fact]
    public void InterfaceFieldsOnDifferentImplementations() => ExpectValid(
        """
            { pet { ... on Dog { name } ... on Cat { name: nickname } } }
            """);

    [Fact]
    public void TypenameAliases() => ExpectErrors(
        """
            { dog { name: __typename name } }
            """,
        Error("Fields \"name\" conflict because \"__typename\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 9), (1, 26)));

    [Fact]
    public void UnknownFragmentsAreIgnored() => ExpectValid(
        """
            { dog { ...Unknown ...Unknown2 name } }
            """);

    [Fact]
    public void FragmentSpreadAgainstFields() => ExpectErrors(
        """
            { dog { name ...F } }
            fragment F on Dog { name: nickname }
            """,
        Error("Fields \"name\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 9), (2, 21)));

    [Fact]
    public void SameFragmentTwiceIsFine() => ExpectValid(
        """
            { dog { ...F ...F } }
            fragment F on Dog { name }
            """);

    [Fact]
    public void ManyConflictsAreCollected() => ExpectErrors(
        """
            { dog { a: name a: nickname a: barks b: name b: barkVolume } }
            """,
        Error("Fields \"a\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 9), (1, 17)),
        Error("Fields \"a\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 9), (1, 29)),
        Error("Fields \"a\" conflict because \"nickname\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 17), (1, 29)),
        Error("Fields \"b\" conflict because \"name\" and \"barkVolume\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 38), (1, 46)));

    [Fact]
    public void OverlappingStream() => ExpectErrors(
        """
            { pets @stream { name } pets { name } human { pets @stream(initialCount: 1) { name } pets @stream(initialCount: 1) { name } } }
            """,
        Error("Fields \"pets\" conflict because they have overlapping stream directives. Use different aliases on the fields to fetch both if this was intentional.", (1, 3), (1, 25)),
        Error("Fields \"pets\" conflict because they have overlapping stream directives. See https://github.com/graphql/defer-stream-wg/discussions/100. Use different aliases on the fields to fetch both if this was intentional.", (1, 47), (1, 86)));
}
