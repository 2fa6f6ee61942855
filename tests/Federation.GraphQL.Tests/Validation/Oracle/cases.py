# The documents each rule test validates; generate.py asks graphql-js 17.1.0 for the expected errors.
def rule(cls, prop, summary, cases, sdl=False):
    return {'class': cls, 'ruleProp': prop, 'rule': 'all' if prop is None else (prop + 'Rule'), 'summary': summary, 'cases': cases, 'sdl': sdl}

CLASSES = [
rule('ExecutableDefinitionsTests', 'ExecutableDefinitions', 'Executable Definitions: only operations and fragments.', [
 ('OnlyOperation', '''
  query Foo { dog { name } }
 '''),
 ('OperationAndFragment', '''
  query Foo { dog { name ...Frag } }
  fragment Frag on Dog { name }
 '''),
 ('TypeDefinition', '''
  query Foo { dog { name } }
  type Cow { name: String }
  extend type Dog { color: String }
 '''),
 ('SchemaDefinition', '''
  schema { query: Query }
  type Query { test: String }
  extend schema @directive
 '''),
 ('DirectiveDefinition', '''
  directive @foo on FIELD
  { dog { name } }
 '''),
]),
rule('KnownOperationTypesTests', 'KnownOperationTypes', 'Operation Type Existence.', [
 ('QueryMutationSubscription', '''
  query { dog { name } }
  mutation M { createDog(name: "x") { name } }
  subscription S { newDog { name } }
 '''),
]),
rule('UniqueOperationNamesTests', 'UniqueOperationNames', 'Operation Name Uniqueness.', [
 ('NoOperations', 'fragment fragA on Type { field }'),
 ('OneAnonymous', '{ field }'),
 ('MultipleNamed', '''
  query Foo { field }
  query Bar { field }
 '''),
 ('FragmentAndOperationSameName', '''
  query Foo { ...Foo }
  fragment Foo on Type { field }
 '''),
 ('TwoNamedSameName', '''
  query Foo { fieldA }
  query Foo { fieldB }
 '''),
 ('SameNameDifferentTypes', '''
  query Foo { fieldA }
  mutation Foo { fieldB }
  subscription Foo { fieldC }
 '''),
]),
rule('LoneAnonymousOperationTests', 'LoneAnonymousOperation', 'Lone Anonymous Operation.', [
 ('OneAnonymous', '{ field }'),
 ('AnonymousWithFragment', '''
  { ...Foo }
  fragment Foo on Type { field }
 '''),
 ('MultipleAnonymous', '''
  { fieldA }
  { fieldB }
 '''),
 ('AnonymousAndNamed', '''
  { fieldA }
  mutation Foo { fieldB }
 '''),
]),
rule('SingleFieldSubscriptionsTests', 'SingleFieldSubscriptions', 'Single Root Field of subscriptions.', [
 ('OneField', 'subscription ImportantEmails { newDog { name } }'),
 ('OneFieldWithTypename', 'subscription { newDog { __typename } }'),
 ('FragmentWithOneField', '''
  subscription S { ...Frag }
  fragment Frag on SubscriptionRoot { newDog { name } }
 '''),
 ('MoreThanOneField', 'subscription S { newDog { name } newCat { name } }'),
 ('MoreThanOneFieldAnonymous', 'subscription { newDog { name } newCat { name } catOrDogEvents { __typename } }'),
 ('MoreThanOneFieldViaFragments', '''
  subscription S { newDog { name } ...Other }
  fragment Other on SubscriptionRoot { newCat { name } ... on SubscriptionRoot { catOrDogEvents { __typename } } }
 '''),
 ('IntrospectionField', 'subscription S { __typename }'),
 ('IntrospectionFieldAnonymous', 'subscription { __typename }'),
 ('SkipAndInclude', '''
  subscription S {
    newDog @skip(if: true) { name }
    newCat @include(if: false) { name }
  }
 '''),
 ('SkipOnFragment', '''
  subscription S { ...F @skip(if: $v) }
  fragment F on SubscriptionRoot { newDog { name } }
 '''),
 ('NoFieldsSelectedViaMismatchedFragment', '''
  subscription S { ... on QueryRoot { dog { name } } }
 '''),
 ('SameFieldTwiceIsOneEntry', 'subscription S { newDog { name } newDog { nickname } }'),
]),
rule('KnownTypeNamesTests', 'KnownTypeNames', 'Known type names with suggestions.', [
 ('KnownTypes', '''
  query Foo($var: String, $required: [Int!]!, $introspectionType: __EnumValue) {
    user(id: 4) { pets { ... on Pet { name }, ...PetFields, ... { name } } }
  }
  fragment PetFields on Pet { name }
 '''),
 ('UnknownTypes', '''
  query Foo($var: JumbledUpLetters) {
    user(id: 4) { name pets { ... on Badger { name }, ...PetFields } }
  }
  fragment PetFields on Peat { name }
 '''),
 ('SuggestsCloseNames', '''
  query ($a: Strin, $b: [Dgo], $c: FurColour!) { dog { name } }
 '''),
 ('SdlNamesAreUnknownInQueries', '''
  query Foo($var: Cow) { dog { name } }
  type Cow { name: String }
 '''),
]),
rule('FragmentsOnCompositeTypesTests', 'FragmentsOnCompositeTypes', 'Fragments on composite types.', [
 ('ObjectInterfaceUnion', '''
  fragment a on Dog { barks }
  fragment b on Pet { name }
  fragment c on CatOrDog { ... on Dog { barks } }
  fragment d on Dog { ... { barks } }
 '''),
 ('OnScalar', 'fragment scalarFragment on Boolean { bad }'),
 ('OnEnum', 'fragment scalarFragment on FurColor { bad }'),
 ('OnInputObject', 'fragment inputFragment on ComplexInput { stringField }'),
 ('InlineOnScalar', 'fragment invalidFragment on Pet { ... on String { barks } }'),
 ('UnknownTypeIsNotReported', 'fragment f on Unknown { a }'),
]),
rule('VariablesAreInputTypesTests', 'VariablesAreInputTypes', 'Variables are input types.', [
 ('InputTypes', 'query Foo($a: Unknown, $b: [Boolean!] = [true], $c: ComplexInput, $d: FurColor, $e: OneOfInput) { field(a: $a, b: $b, c: $c) }'),
 ('OutputTypes', 'query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { field(a: $a, b: $b, c: $c) }'),
]),
rule('ScalarLeafsTests', 'ScalarLeafs', 'Leaf field selections.', [
 ('ValidScalar', 'fragment scalarSelection on Dog { barks }'),
 ('ObjectWithoutSelection', 'query directQueryOnObjectWithoutSubFields { human }'),
 ('InterfaceWithoutSelection', '{ pet }'),
 ('ListOfObjectsWithoutSelection', '{ human { pets relatives } }'),
 ('ScalarWithSelection', 'fragment scalarSelectionsNotAllowedOnBoolean on Dog { barks { sinceWhen } }'),
 ('EnumWithSelection', 'fragment scalarSelectionsNotAllowedOnEnum on Cat { furColor { inHexDec } }'),
 ('ScalarWithArgsAndSelection', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } }'),
 ('TypenameWithSelection', '{ __typename { a } }'),
 ('EmptySelectionAllowedByDefault', '{ dog { } }'),
]),
rule('FieldsOnCorrectTypeTests', 'FieldsOnCorrectType', 'Fields on correct type, with graphql-js suggestions.', [
 ('ObjectFieldSelection', 'fragment objectFieldSelection on Dog { __typename name }'),
 ('AliasedAndInterfaceSelections', '''
  fragment a on Dog { tn : __typename otherName : name }
  fragment b on Pet { name }
  fragment c on CatOrDog { __typename }
 '''),
 ('MetaFieldsOnQueryRoot', '{ __schema { queryType { name } } __type(name: "Dog") { name } }'),
 ('SchemaMetaFieldNotOnOtherTypes', '{ dog { __schema { queryType { name } } } }'),
 ('UnknownFieldWithSuggestion', 'fragment f on Dog { meowVolume }'),
 ('UnknownFieldDeep', 'fragment f on Dog { unknown_field { deeper_unknown_field } }'),
 ('UnknownFieldOnInterfaceSuggestsTypes', 'fragment f on Pet { meows barks nickname }'),
 ('UnknownFieldOnUnion', 'fragment f on CatOrDog { name directField }'),
 ('SuggestsInterfacesByUsage', 'fragment f on Mammal { name }'),
 ('UnknownAliasedField', 'fragment f on Dog { volume : mooVolume }'),
 ('FieldsOnUnknownTypeIgnored', 'fragment f on Unknown { a }'),
 ('SuggestsFieldsByLexicalDistance', '{ dog { nam nicknam isHousetrained } }'),
 ('AbstractTypeInlineFragmentSuggestions', '{ someBox { scalar deepBox { listStringBox } } }'),
]),
rule('UniqueFragmentNamesTests', 'UniqueFragmentNames', 'Fragment name uniqueness.', [
 ('DifferentNames', '''
  { dog { ...fragA ...fragB } }
  fragment fragA on Dog { name }
  fragment fragB on Dog { name }
 '''),
 ('SameNameTwice', '''
  { dog { ...fragA } }
  fragment fragA on Dog { name }
  fragment fragA on Dog { barks }
 '''),
 ('SameNameThreeTimes', '''
  fragment fragA on Dog { name }
  fragment fragA on Dog { barks }
  fragment fragA on Dog { nickname }
 '''),
]),
rule('KnownFragmentNamesTests', 'KnownFragmentNames', 'Fragment spread target defined.', [
 ('KnownFragments', '''
  { human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } } }
  fragment HumanFields1 on Human { name ...HumanFields3 }
  fragment HumanFields2 on Human { name }
  fragment HumanFields3 on Human { name }
 '''),
 ('UnknownFragments', '''
  { human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }
  fragment HumanFields on Human { name ...UnknownFragment3 }
 '''),
]),
rule('NoUnusedFragmentsTests', 'NoUnusedFragments', 'Fragments must be used.', [
 ('AllUsed', '''
  { human(id: 4) { ...HumanFields1 } }
  fragment HumanFields1 on Human { name ...HumanFields2 }
  fragment HumanFields2 on Human { name }
 '''),
 ('UnusedFragments', '''
  query Foo { human(id: 4) { ...HumanFields1 } }
  fragment HumanFields1 on Human { name ...HumanFields3 }
  fragment HumanFields2 on Human { name }
  fragment HumanFields3 on Human { name }
  fragment Unused1 on Human { name }
  fragment Unused2 on Human { name }
 '''),
 ('UnusedCycle', '''
  { human(id: 4) { name } }
  fragment A on Human { ...B }
  fragment B on Human { ...A }
 '''),
 ('UsedBeforeDefinedAcrossOperations', '''
  query A { ...F1 }
  fragment F1 on QueryRoot { dog { name } }
  query B { ...F2 }
  fragment F2 on QueryRoot { cat { name } }
 '''),
]),
rule('PossibleFragmentSpreadsTests', 'PossibleFragmentSpreads', 'Fragment spread is possible.', [
 ('SameAndOverlappingTypes', '''
  fragment objectWithinObject on Dog { ...dogFragment }
  fragment dogFragment on Dog { barkVolume }
  fragment objectWithinInterface on Pet { ...dogFragment }
  fragment objectWithinUnion on CatOrDog { ...dogFragment }
  fragment unionWithinObject on Dog { ...catOrDogFragment }
  fragment catOrDogFragment on CatOrDog { __typename }
  fragment interfaceWithinInterface on Pet { ... on Canine { name } }
 '''),
 ('DifferentObjects', '''
  fragment invalidObjectWithinObject on Cat { ...dogFragment }
  fragment dogFragment on Dog { barkVolume }
 '''),
 ('InlineDifferentObjects', 'fragment f on Cat { ... on Dog { barkVolume } }'),
 ('ObjectWithinInterfaceNotImplementing', '''
  fragment f on Pet { ...humanFragment }
  fragment humanFragment on Human { pets { name } }
 '''),
 ('UnionWithinObject', '''
  fragment f on Human { ...catOrDogFragment }
  fragment catOrDogFragment on CatOrDog { __typename }
 '''),
 ('InterfaceWithinUnionNoOverlap', 'fragment f on CatOrDog { ... on SomeBox { unrelatedField } }'),
 ('UnknownTypesAreIgnored', '''
  fragment f on Dog { ...g ... on Unknown { a } }
  fragment g on Unknown { a }
 '''),
]),
rule('NoFragmentCyclesTests', 'NoFragmentCycles', 'Fragment spreads must not form cycles.', [
 ('NoCycle', '''
  fragment fragA on Dog { ...fragB }
  fragment fragB on Dog { name }
 '''),
 ('DoubleSpreadNoCycle', '''
  fragment fragA on Dog { ...fragB, ...fragB }
  fragment fragB on Dog { name }
 '''),
 ('SelfSpread', 'fragment fragA on Human { ...fragA }'),
 ('SelfSpreadInInline', 'fragment fragA on Pet { ... on Dog { ...fragA } }'),
 ('TwoFragmentCycle', '''
  fragment fragA on Dog { ...fragB }
  fragment fragB on Dog { ...fragA }
 '''),
 ('DeepCycle', '''
  fragment fragA on Dog { ...fragB }
  fragment fragB on Dog { ...fragC }
  fragment fragC on Dog { ...fragO }
  fragment fragX on Dog { ...fragY }
  fragment fragY on Dog { ...fragZ }
  fragment fragZ on Dog { ...fragO }
  fragment fragO on Dog { ...fragP }
  fragment fragP on Dog { ...fragA, ...fragX }
 '''),
 ('MultipleCyclesFromOneFragment', '''
  fragment fragA on Dog { ...fragB, ...fragC }
  fragment fragB on Dog { ...fragA }
  fragment fragC on Dog { ...fragA }
 '''),
 ('UnknownFragmentIsNotACycle', 'fragment fragA on Dog { ...unknown }'),
]),
rule('UniqueVariableNamesTests', 'UniqueVariableNames', 'Variable uniqueness.', [
 ('Unique', 'query A($x: Int, $y: String) { __typename } query B($x: String, $y: Int) { __typename }'),
 ('Duplicates', 'query A($x: Int, $x: Int, $x: String) { __typename } query B($x: String, $x: Int) { __typename } query C($x: Int, $x: Int) { __typename }'),
]),
rule('NoUndefinedVariablesTests', 'NoUndefinedVariables', 'All variable uses defined.', [
 ('AllDefined', 'query Foo($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }'),
 ('DefinedInFragments', '''
  query Foo($a: String, $b: String) { ...FragA }
  fragment FragA on Type { field(a: $a) { ...FragB } }
  fragment FragB on Type { field(b: $b) }
 '''),
 ('NotDefined', 'query Foo($a: String) { field(a: $a, b: $b, c: $c, d: $d) }'),
 ('NotDefinedAnonymous', '{ field(a: $a) }'),
 ('NotDefinedInDirectivesAndObjects', 'query Foo { field(a: {b: [$b]}) @include(if: $c) }'),
 ('NotDefinedByEachOperationThroughFragment', '''
  query Foo($b: String) { ...FragA }
  query Bar($a: String) { ...FragA }
  fragment FragA on Type { field(a: $a) { ...FragB } }
  fragment FragB on Type { field(b: $b) }
 '''),
]),
rule('NoUnusedVariablesTests', 'NoUnusedVariables', 'All variables used.', [
 ('AllUsed', 'query ($a: String, $b: String, $c: String) { field(a: $a, b: $b, c: $c) }'),
 ('UsedInFragments', '''
  query Foo($a: String, $b: String) { ...FragA }
  fragment FragA on Type { field(a: $a) { ...FragB } }
  fragment FragB on Type { field(b: $b) }
 '''),
 ('NotUsed', 'query ($a: String, $b: String, $c: String) { field(a: $a, b: $b) }'),
 ('NotUsedNamed', 'query Foo($a: String, $b: String, $c: String) { field(b: $b) }'),
 ('NotUsedByEachOperation', '''
  query Foo($b: String) { ...FragA }
  query Bar($a: String) { ...FragB }
  fragment FragA on Type { field(a: $a) }
  fragment FragB on Type { field(b: $b) }
 '''),
 ('UsedInDirective', 'query Foo($a: Boolean!) { field @include(if: $a) }'),
]),
rule('KnownDirectivesTests', 'KnownDirectives', 'Directives are defined and in valid locations.', [
 ('NoDirectives', 'query Foo { name ...Frag } fragment Frag on Dog { name }'),
 ('KnownDirectives', '''
  { dog @include(if: true) { name } human @skip(if: false) { name } }
 '''),
 ('UnknownDirective', '{ dog @unknown(directive: "value") { name } }'),
 ('ManyUnknownDirectives', '{ dog @unknown(directive: "value") { name } human @unknown(directive: "value") { name pets @unknown(directive: "value") { name } } }'),
 ('WellPlaced', '''
  query ($var: Boolean @onVariableDefinition) @onQuery {
    name @include(if: $var)
    ...Frag @include(if: true)
    skippedField @skip(if: true)
    ...SkippedFrag @skip(if: true)
    ... @skip(if: true) { skippedField }
  }
  mutation @onMutation { someField }
  subscription @onSubscription { someField }
  fragment Frag on SomeType @onFragmentDefinition { someField }
 '''),
 ('Misplaced', '''
  query ($var: Boolean @onQuery) @onMutation {
    name @onQuery @include(if: $var)
    ...Frag @onQuery
    ... @onQuery { skippedField }
  }
  mutation @onQuery { someField }
  subscription @onQuery { someField }
  fragment Frag on SomeType @onQuery { someField }
 '''),
 ('DeprecatedNotOnField', '{ dog @deprecated { name } }'),
]),
rule('UniqueDirectivesPerLocationTests', 'UniqueDirectivesPerLocation', 'Directives are unique per location.', [
 ('NoDuplicates', 'fragment Test on Type { field @onField @include(if: true) }'),
 ('SameDirectiveDifferentLocations', 'fragment Test on Type @onFragmentDefinition { field @onField }'),
 ('Duplicate', 'fragment Test on Type { field @onField @onField }'),
 ('ManyDuplicates', 'fragment Test on Type { field @onField @onField @onField }'),
 ('DifferentDuplicates', 'fragment Test on Type { field @onField @include(if: true) @onField @include(if: false) }'),
 ('RepeatableAllowed', 'fragment Test on Type { field @repeatable @repeatable ...F @repeatable @repeatable }'),
 ('UnknownDirectivesIgnored', 'fragment Test on Type { field @unknown @unknown }'),
]),
rule('DeferStreamTests', None, 'The incremental delivery rules graphql-js 17 runs (defer and stream are unknown directives in this schema).', [
 ('StreamOnRootMutationField', 'mutation { createDog(name: "x") @stream { name } }'),
 ('DeferOnRootSubscriptionFragment', '''
  subscription { ... @defer { newDog { name } } ...F @defer(label: "a") }
  fragment F on SubscriptionRoot { newDog { name } }
 '''),
 ('DeferNotSwitchedOffInSubscription', 'subscription { newDog { ... @defer { name } ... @defer(if: false) { nickname } } }'),
 ('LabelsMustBeStaticAndUnique', '{ dog { ... @defer(label: "a") { name } ... @defer(label: "a") { nickname } ... @defer(label: $l) { barks } } }'),
 ('StreamOnNonList', '{ dog @stream { name } pets @stream { name } }'),
 ('StreamOnMetaFieldNamesTheParentType', '{ __typename @stream dog { __typename @stream } }'),
]),
rule('KnownArgumentNamesTests', 'KnownArgumentNames', 'Argument names, with suggestions.', [
 ('KnownArguments', '''
  fragment argOnRequiredArg on Dog { doesKnowCommand(dogCommand: SIT) }
  fragment multipleArgs on ComplicatedArgs { multipleReqs(req1: 1, req2: 2) }
  fragment noArgOnOptionalArg on Dog { isHouseTrained }
  fragment argsOnDirective on Dog { name @include(if: true) @skip(if: false) }
 '''),
 ('UnknownFieldArgumentsAreIgnoredOnUnknownFields', 'fragment f on Dog { unknownField(unknownArg: SIT) }'),
 ('UnknownDirectiveArgument', '{ dog @skip(unless: true) { name } }'),
 ('MisspelledDirectiveArgument', '{ dog @skip(iff: true) { name } }'),
 ('UnknownArgumentOnUnknownDirectiveIsIgnored', '{ dog @unknown(x: 1) { name(surname: true, y: 1) } }'),
 ('MisspelledFieldArgument', 'fragment f on Dog { doesKnowCommand(DogCommand: true) }'),
 ('UnknownFieldArgumentsWithSuggestions', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT, unknown: true) isHouseTrained(atOtherHome: true) }'),
 ('MetaFieldArguments', '{ __type(nam: "Dog") { name } }'),
 ('DeepUnknownArguments', '{ dog { doesKnowCommand(unknown: true) } human { pets { name(unknown: true) } } }'),
]),
rule('UniqueArgumentNamesTests', 'UniqueArgumentNames', 'Argument uniqueness.', [
 ('Unique', '{ field(arg1: "value", arg2: "value") @directive(arg1: "value", arg2: "value") }'),
 ('DuplicateFieldArguments', '{ field(arg1: "value", arg1: "value", arg1: "value") }'),
 ('DuplicateDirectiveArguments', '{ field @directive(arg1: "value", arg1: "value") @other(a: 1, b: 2, a: 3, b: 4) }'),
]),
rule('ValuesOfCorrectTypeTests', 'ValuesOfCorrectType', 'Values of correct type, including OneOf input objects.', [
 ('GoodValues', '''
  {
    complicatedArgs {
      a: intArgField(intArg: 2)
      b: stringArgField(stringArg: "foo")
      c: booleanArgField(booleanArg: true)
      d: enumArgField(enumArg: BROWN)
      e: floatArgField(floatArg: 1.1)
      f: floatArgField(floatArg: 1)
      g: idArgField(idArg: 1)
      h: idArgField(idArg: "someIdString")
      i: stringListArgField(stringListArg: ["one", null, "two"])
      j: stringListArgField(stringListArg: "one")
      k: complexArgField(complexArg: { requiredField: true, stringListField: ["one"] })
      l: intArgField(intArg: null)
      m: oneOfArgField(oneOfArg: { stringField: "abc" })
      n: complexArgField(complexArg: { requiredField: true, nonNullField: false })
    }
  }
 '''),
 ('InvalidStrings', '{ complicatedArgs { a: stringArgField(stringArg: 1) b: stringArgField(stringArg: 1.0) c: stringArgField(stringArg: true) d: stringArgField(stringArg: BAR) } }'),
 ('InvalidInts', '{ complicatedArgs { a: intArgField(intArg: "3") b: intArgField(intArg: 829384293849283498239482938) c: intArgField(intArg: FOO) d: intArgField(intArg: 3.0) e: intArgField(intArg: 3.333) } }'),
 ('InvalidFloats', '{ complicatedArgs { a: floatArgField(floatArg: "3.333") b: floatArgField(floatArg: true) c: floatArgField(floatArg: FOO) } }'),
 ('InvalidBooleans', '{ complicatedArgs { a: booleanArgField(booleanArg: 2) b: booleanArgField(booleanArg: 1.0) c: booleanArgField(booleanArg: "true") d: booleanArgField(booleanArg: TRUE) } }'),
 ('InvalidIds', '{ complicatedArgs { a: idArgField(idArg: 1.0) b: idArgField(idArg: true) c: idArgField(idArg: SOMETHING) } }'),
 ('InvalidEnums', '''
  {
    dog {
      a: doesKnowCommand(dogCommand: 2)
      b: doesKnowCommand(dogCommand: 1.0)
      c: doesKnowCommand(dogCommand: "SIT")
      d: doesKnowCommand(dogCommand: TRUE)
      e: doesKnowCommand(dogCommand: JUGGLE)
      f: doesKnowCommand(dogCommand: sit)
      g: doesKnowCommand(dogCommand: null)
    }
  }
 '''),
 ('InvalidLists', '{ complicatedArgs { a: stringListArgField(stringListArg: ["one", 2]) b: stringListArgField(stringListArg: 1) c: stringListNonNullArgField(stringListNonNullArg: ["one", null]) } }'),
 ('NonNullArguments', '{ complicatedArgs { a: multipleReqs(req1: null, req2: 2) b: nonNullIntArgField(nonNullIntArg: "x") } dog { isHouseTrained(atOtherHomes: null) } }'),
 ('InputObjects', '''
  {
    complicatedArgs {
      a: complexArgField(complexArg: { intField: 4 })
      b: complexArgField(complexArg: { stringListField: ["one", 2], requiredField: true })
      c: complexArgField(complexArg: { requiredField: true, nonNullField: null })
      d: complexArgField(complexArg: { requiredField: true, invalidField: "value" })
      e: complexArgField(complexArg: { requiredField: true, unknown: 1 })
      f: complexArgField(complexArg: "notAnObject")
    }
  }
 '''),
 ('OneOfInputObjects', '''
  {
    complicatedArgs {
      a: oneOfArgField(oneOfArg: { stringField: "abc", intField: 123 })
      b: oneOfArgField(oneOfArg: { stringField: null })
      c: oneOfArgField(oneOfArg: {})
      d: oneOfArgField(oneOfArg: { stringField: $var })
      e: oneOfArgField(oneOfArg: { stringField: "a", unknown: 1 })
    }
  }
 '''),
 ('DirectiveArguments', '{ dog @include(if: "yes") { name @skip(if: ENUM) } }'),
 ('VariableDefaults', '''
  query ($a: Int = 1, $b: String = "ok", $c: ComplexInput = { requiredField: true, intField: 3 }, $d: Int! = "x", $e: [Int] = ["one"], $f: ComplexInput = { intField: 3 }) {
    dog { name }
  }
 '''),
 ('LongValuesArePrintedOnSeveralLines', '''
  { complicatedArgs { complexArgField(complexArg: { requiredField: true, stringField: "a long long long long long string", unknownFieldWithALongName: [1, 2, 3] }) } }
 '''),
 ('ScalarsSeeLiteralsWithoutVariables', '{ complicatedArgs { a: intArgField(intArg: { x: $v, y: 1 }) b: stringArgField(stringArg: [$v, 1]) c: enumArgField(enumArg: [[{ a: $v }, $v]]) } }'),
 ('VariablesInsideLiteralsAreAssumedValid', '{ complicatedArgs { a: complexArgField(complexArg: { requiredField: $a, stringListField: [$b] }) b: nonNullIntArgField(nonNullIntArg: $c) } }'),
]),
rule('ProvidedRequiredArgumentsTests', 'ProvidedRequiredArguments', 'Required arguments.', [
 ('AllProvided', '''
  {
    complicatedArgs { multipleReqs(req1: 1, req2: 2) multipleOpts nonNullFieldWithDefault multipleOptAndReq(req2: 2, req1: 1, opt2: 3) }
    dog { isHouseTrained name @include(if: true) }
  }
 '''),
 ('MissingOne', '{ complicatedArgs { multipleReqs(req2: 2) } }'),
 ('MissingAll', '{ complicatedArgs { multipleReqs nonNullIntArgField } }'),
 ('NullDoesNotCountAsMissing', '{ complicatedArgs { multipleReqs(req1: null, req2: null) } }'),
 ('MissingDirectiveArguments', '{ dog @include { name @skip } human @withArgs { name } }'),
 ('MetaFieldRequiredArgument', '{ __type { name } }'),
 ('UnknownFieldsAreIgnored', '{ unknown { multipleReqs } }'),
]),
rule('VariablesInAllowedPositionTests', 'VariablesInAllowedPosition', 'All variable usages are allowed.', [
 ('SameTypes', '''
  query ($b: Boolean, $s: String, $ls: [String], $e: FurColor) {
    complicatedArgs {
      booleanArgField(booleanArg: $b)
      stringArgField(stringArg: $s)
      stringListArgField(stringListArg: $ls)
      enumArgField(enumArg: $e)
    }
  }
 '''),
 ('NonNullIntoNullable', 'query ($b: Boolean!, $ls: [String!]!) { complicatedArgs { booleanArgField(booleanArg: $b) stringListArgField(stringListArg: $ls) } }'),
 ('NullableIntoNonNull', 'query ($i: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }'),
 ('NullableWithDefaultIntoNonNull', 'query ($i: Int = 1, $j: Int = null) { complicatedArgs { a: nonNullIntArgField(nonNullIntArg: $i) b: nonNullIntArgField(nonNullIntArg: $j) } }'),
 ('NullableIntoNonNullWithLocationDefault', 'query ($i: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $i) } }'),
 ('WrongTypes', '''
  query Q($s: String, $i: Int, $ls: [String], $lls: [[String]], $ci: ComplexInput) {
    complicatedArgs {
      a: intArgField(intArg: $s)
      b: stringArgField(stringArg: $ls)
      c: stringListArgField(stringListArg: $s)
      d: stringListArgField(stringListArg: $lls)
      e: stringListNonNullArgField(stringListNonNullArg: $ls)
      f: complexArgField(complexArg: $s)
      g: intArgField(intArg: $ci)
    }
  }
 '''),
 ('ThroughFragments', '''
  query Q($i: Int) { ...F }
  fragment F on QueryRoot { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }
 '''),
 ('InDirectivesAndInputFields', '''
  query Q($b: Boolean, $bb: Boolean!, $s: String) {
    dog @include(if: $b) { name @skip(if: $bb) }
    complicatedArgs { complexArgField(complexArg: { requiredField: $b, stringListField: [$s], nonNullField: $b }) }
  }
 '''),
 ('OneOfFieldsNeedNonNullVariables', '''
  query Q($s: String, $ss: String!, $d: String = "x") {
    complicatedArgs {
      a: oneOfArgField(oneOfArg: { stringField: $s })
      b: oneOfArgField(oneOfArg: { stringField: $ss })
      c: oneOfArgField(oneOfArg: { stringField: $d })
    }
  }
 '''),
 ('UnknownTypesAreIgnored', 'query Q($u: Unknown, $i: Int) { complicatedArgs { intArgField(intArg: $u) unknown(a: $i) } }'),
]),
rule('OverlappingFieldsCanBeMergedTests', 'OverlappingFieldsCanBeMerged', 'Field selection merging.', [
 ('UniqueFields', 'fragment f on Dog { name nickname }'),
 ('IdenticalFields', 'fragment f on Dog { name name }'),
 ('IdenticalFieldsWithArgs', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }'),
 ('IdenticalFieldsWithDirectives', 'fragment f on Dog { name @include(if: true) name @include(if: false) }'),
 ('DifferentArgsDifferentAliases', 'fragment f on Dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) }'),
 ('SameAliasesDifferentFieldNames', 'fragment f on Dog { fido: name fido: nickname }'),
 ('SameAliasesAllowedOnNonOverlappingFields', 'fragment f on Pet { ... on Dog { name } ... on Cat { name: nickname } }'),
 ('AliasMaskingDirectFieldAccess', 'fragment f on Dog { name: nickname name }'),
 ('DifferentArgsSecondAddsArgument', 'fragment f on Dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) }'),
 ('DifferentArgsSecondMissingArgument', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand }'),
 ('ConflictingArgValues', 'fragment f on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }'),
 ('ConflictingArgNames', 'fragment f on Dog { isAtLocation(x: 0) isAtLocation(y: 0) }'),
 ('ArgumentOrderDoesNotMatter', 'fragment f on Dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) }'),
 ('ObjectFieldOrderDoesNotMatter', '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }'),
 ('BlockAndPlainStringsDiffer', '{ complicatedArgs { stringArgField(stringArg: "a") stringArgField(stringArg: """a""") } }'),
 ('VariablesCompareByName', 'query ($a: Int, $b: Int) { complicatedArgs { intArgField(intArg: $a) intArgField(intArg: $b) } }'),
 ('DifferentParentObjectsAllowDifferentArgs', '{ catOrDog { ... on Dog { name(surname: true) } ... on Cat { name(surname: false) } } }'),
 ('EncountersConflictInFragments', '''
  { ...A ...B }
  fragment A on Type { x: a }
  fragment B on Type { x: b }
 '''),
 ('ReportsEachConflictOnce', '''
  {
    f1 { ...A ...B }
    f2 { ...B ...A }
    f3 { ...A ...B x: c }
  }
  fragment A on Type { x: a }
  fragment B on Type { x: b }
 '''),
 ('DeepConflict', '{ field { x: a } field { x: b } }'),
 ('DeepConflictWithMultipleIssues', '{ field { x: a y: c } field { x: b y: d } }'),
 ('VeryDeepConflict', '{ field { deepField { x: a } } field { deepField { x: b } } }'),
 ('ReportsDeepConflictToNearestCommonAncestor', '{ field { deepField { x: a } deepField { x: b } } field { deepField { y } } }'),
 ('ReportsDeepConflictInFragments', '''
  { field { ...F } field { ...F } }
  fragment F on T { deepField { deeperField { x: a } deeperField { ...G } } deepField { deeperField { y } } }
  fragment G on T { x: b }
 '''),
 ('ConflictingReturnTypesOnAbstractParents', '{ someBox { ... on IntBox { scalar } ... on StringBox { scalar } } }'),
 ('DisallowsDifferingReturnTypeNullability', '{ someBox { ... on IntBox { deepBox { unrelatedField } } ... on StringBox { deepBox { unrelatedField } } } }'),
 ('ListVersusNonList', '{ someBox { ... on IntBox { box: listStringBox { scalar } } ... on StringBox { box: stringBox { scalar } } } }'),
 ('ConflictingSubfieldsAcrossDifferentParents', '{ someBox { ... on IntBox { box: stringBox { val: scalar val: unrelatedField } } ... on StringBox { box: stringBox { val: scalar } } } }'),
 ('DifferingLeafTypesInDeepBoxes', '{ someBox { ... on IntBox { deepBox { ... on IntBox { scalar } } } ... on StringBox { deepBox: intBox { scalar } } } }'),
 ('SameWrappedScalarReturnTypes', '{ someBox { ... on IntBox { unrelatedField } ... on StringBox { unrelatedField } } }'),
 ('InterfaceFieldsOnDifferentImplementations', '{ pet { ... on Dog { name } ... on Cat { name: nickname } } }'),
 ('TypenameAliases', '{ dog { name: __typename name } }'),
 ('UnknownFragmentsAreIgnored', '{ dog { ...Unknown ...Unknown2 name } }'),
 ('FragmentSpreadAgainstFields', '''
  { dog { name ...F } }
  fragment F on Dog { name: nickname }
 '''),
 ('SameFragmentTwiceIsFine', '''
  { dog { ...F ...F } }
  fragment F on Dog { name }
 '''),
 ('ManyConflictsAreCollected', '{ dog { a: name a: nickname a: barks b: name b: barkVolume } }'),
 ('OverlappingStream', '{ pets @stream { name } pets { name } human { pets @stream(initialCount: 1) { name } pets @stream(initialCount: 1) { name } } }'),
]),
rule('UniqueInputFieldNamesTests', 'UniqueInputFieldNames', 'Input object field uniqueness.', [
 ('Unique', '{ field(arg: { f1: "value", f2: "value", f3: "value" }) }'),
 ('SameNameInNestedObjects', '{ field(arg: { f1: {f2: "value"}, f2: {f1: "value"} }) }'),
 ('Duplicate', '{ field(arg: { f1: "value", f1: "value" }) }'),
 ('ManyDuplicates', '{ field(arg: { f1: "value", f1: "value", f1: "value" }) }'),
 ('DuplicateInNested', '{ field(arg: { f1: {f2: "value", f2: "value" }}) }'),
]),
rule('MaxIntrospectionDepthTests', 'MaxIntrospectionDepth', 'graphql-js limit on nested introspection lists.', [
 ('ShallowIntrospection', '{ __schema { types { fields { type { name } } } } }'),
 ('TooDeep', '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'),
 ('TooDeepThroughFragments', '''
  { __schema { types { ...F } } }
  fragment F on __Type { fields { type { ...G } } }
  fragment G on __Type { interfaces { fields { name } } }
 '''),
 ('TooDeepThroughType', '{ __type(name: "Dog") { possibleTypes { interfaces { inputFields { name } } } } }'),
 ('CyclicFragmentsDoNotHang', '''
  { __schema { types { ...F } } }
  fragment F on __Type { ofType { ...F } }
 '''),
]),
rule('AllRulesTests', None, 'Whole documents through every specified rule: error order across rules.', [
 ('ValidKitchenSink', '''
  query Q($id: ID, $withPets: Boolean = true, $command: DogCommand!) @onQuery {
    human(id: $id) { name pets @include(if: $withPets) { ...PetName } }
    dog { doesKnowCommand(dogCommand: $command) ... on Dog { barks } }
    catOrDog { ... on Cat { meows } __typename }
    __type(name: "Dog") { fields { name } }
  }
  fragment PetName on Pet { name }
  mutation M { createDog(name: "Rex") { name } }
  subscription S { newDog { name } }
 '''),
 ('ErrorsFromSeveralRules', '''
  query Q($unused: Int, $x: Dog) {
    dog { unknownField name(surname: "no") barks { x } }
    human { ...Missing }
    cat @skip(if: $undefined) { furColor(x: 1) }
  }
  fragment Unused on Cat { meows }
  { anonymous }
 '''),
 ('StopsAfterOneHundredErrors', '{ ' + ' '.join('f%d' % i for i in range(105)) + ' }'),
 ('MutationNotSupportedIsStillValidatedAgainstNothing', 'mutation { createDog { name } }'),
]),
rule('SdlRulesTests', None, 'The SDL rules (graphql-js specifiedSDLRules) used by the schema builder.', [
 ('ValidSchema', '''
  schema { query: Query }
  type Query { a(x: Int): String @deprecated }
  directive @custom(arg: Int!) repeatable on OBJECT | FIELD_DEFINITION
  type Other @custom(arg: 1) @custom(arg: 2) { b: Int }
  extend type Other { c: Int }
 '''),
 ('DuplicateSchemaAndOperationTypes', '''
  schema { query: Query query: Query }
  schema { mutation: Query }
  extend schema { mutation: Query }
  type Query { a: Int }
 '''),
 ('DuplicateTypesFieldsValuesAndArguments', '''
  type A { f: Int f: String g(x: Int, x: Int): Int }
  type A { h: Int }
  enum E { X Y X }
  extend enum E { Y }
  input I { a: Int a: Int }
  extend type A { f: Int }
  directive @d(a: Int, a: Int) on FIELD
  directive @d on FIELD
 '''),
 ('UnknownTypesAndDirectives', '''
  type A implements Unknown @unknown { f: Strng g(a: Inputt): [Bar!] h: __Type }
  type Bar { b: Int }
  directive @onObject on OBJECT
  scalar S @onObject @specifiedBy(url: "x") @specifiedBy(url: "y")
 '''),
 ('DirectiveArguments', '''
  directive @d(required: Int!, optional: Int = 1) on OBJECT | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  type A @d @d(required: 1, unknown: 2) { f(a: Int @d(required: 1)): Int @deprecated(reasn: "x") }
  input I { f: Int @d }
 '''),
 ('InvalidExtensions', '''
  extend type Unknown { a: Int }
  scalar S
  extend type S { a: Int }
  extend input Quer { a: Int }
  type Query { a: Int }
  extend union Query = Query
 '''),
 ('ExtendingTheTestSchema', '''
  schema { query: QueryRoot }
  extend schema { mutation: MutationRoot }
  type Dog { a: Int }
  extend type Dog { name: String newField: Int }
  extend enum FurColor { BROWN PURPLE }
  extend input ComplexInput { intField: Int }
  extend scalar String @unknown
  directive @onField on FIELD
  directive @include on FIELD
  extend interface Dog { a: Int }
 ''', {'extend': True}),
 ('DuplicateInputFieldsInDirectiveValues', '''
  directive @d(i: I) on OBJECT
  input I { a: Int }
  type A @d(i: { a: 1, a: 2 }) { f: Int }
 '''),
], sdl=True),
]
