using Federation.GraphQL.Validation;
using Xunit;

namespace Federation.GraphQL.Tests.Validation.Rules;

/// <summary>Whole documents through every specified rule: error order across rules.</summary>
public sealed class AllRulesTests : ValidationHarness
{
    [Fact]
    public void ValidKitchenSink() => ExpectValid(
        """
            query Q($id: ID, $withPets: Boolean = true, $command: DogCommand!) @onQuery {
              human(id: $id) { name pets @include(if: $withPets) { ...PetName } }
              dog { doesKnowCommand(dogCommand: $command) ... on Dog { barks } }
              catOrDog { ... on Cat { meows } __typename }
              __type(name: "Dog") { fields { name } }
            }
            fragment PetName on Pet { name }
            mutation M { createDog(name: "Rex") { name } }
            subscription S { newDog { name } }
            """);

    [Fact]
    public void ErrorsFromSeveralRules() => ExpectErrors(
        """
            query Q($unused: Int, $x: Dog) {
              dog { unknownField name(surname: "no") barks { x } }
              human { ...Missing }
              cat @skip(if: $undefined) { furColor(x: 1) }
            }
            fragment Unused on Cat { meows }
            { anonymous }
            """,
        Error("Variable \"$undefined\" is not defined by operation \"Q\".", (4, 17), (1, 1)),
        Error("Variable \"$unused\" is never used in operation \"Q\".", (1, 9)),
        Error("Variable \"$x\" is never used in operation \"Q\".", (1, 23)),
        Error("Variable \"$x\" cannot be non-input type \"Dog\".", (1, 27)),
        Error("Cannot query field \"unknownField\" on type \"Dog\".", (2, 9)),
        Error("Boolean cannot represent a non boolean value: \"no\"", (2, 36)),
        Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (2, 48)),
        Error("Unknown fragment \"Missing\".", (3, 14)),
        Error("Unknown argument \"x\" on field \"Cat.furColor\".", (4, 40)),
        Error("This anonymous operation must be the only defined operation.", (7, 1)),
        Error("Cannot query field \"anonymous\" on type \"QueryRoot\".", (7, 3)),
        Error("Fragment \"Unused\" is never used.", (6, 1)));

    [Fact]
    public void StopsAfterOneHundredErrors() => ExpectErrors(
        """
            { f0 f1 f2 f3 f4 f5 f6 f7 f8 f9 f10 f11 f12 f13 f14 f15 f16 f17 f18 f19 f20 f21 f22 f23 f24 f25 f26 f27 f28 f29 f30 f31 f32 f33 f34 f35 f36 f37 f38 f39 f40 f41 f42 f43 f44 f45 f46 f47 f48 f49 f50 f51 f52 f53 f54 f55 f56 f57 f58 f59 f60 f61 f62 f63 f64 f65 f66 f67 f68 f69 f70 f71 f72 f73 f74 f75 f76 f77 f78 f79 f80 f81 f82 f83 f84 f85 f86 f87 f88 f89 f90 f91 f92 f93 f94 f95 f96 f97 f98 f99 f100 f101 f102 f103 f104 }
            """,
        Error("Cannot query field \"f0\" on type \"QueryRoot\".", (1, 3)),
        Error("Cannot query field \"f1\" on type \"QueryRoot\".", (1, 6)),
        Error("Cannot query field \"f2\" on type \"QueryRoot\".", (1, 9)),
        Error("Cannot query field \"f3\" on type \"QueryRoot\".", (1, 12)),
        Error("Cannot query field \"f4\" on type \"QueryRoot\".", (1, 15)),
        Error("Cannot query field \"f5\" on type \"QueryRoot\".", (1, 18)),
        Error("Cannot query field \"f6\" on type \"QueryRoot\".", (1, 21)),
        Error("Cannot query field \"f7\" on type \"QueryRoot\".", (1, 24)),
        Error("Cannot query field \"f8\" on type \"QueryRoot\".", (1, 27)),
        Error("Cannot query field \"f9\" on type \"QueryRoot\".", (1, 30)),
        Error("Cannot query field \"f10\" on type \"QueryRoot\".", (1, 33)),
        Error("Cannot query field \"f11\" on type \"QueryRoot\".", (1, 37)),
        Error("Cannot query field \"f12\" on type \"QueryRoot\".", (1, 41)),
        Error("Cannot query field \"f13\" on type \"QueryRoot\".", (1, 45)),
        Error("Cannot query field \"f14\" on type \"QueryRoot\".", (1, 49)),
        Error("Cannot query field \"f15\" on type \"QueryRoot\".", (1, 53)),
        Error("Cannot query field \"f16\" on type \"QueryRoot\".", (1, 57)),
        Error("Cannot query field \"f17\" on type \"QueryRoot\".", (1, 61)),
        Error("Cannot query field \"f18\" on type \"QueryRoot\".", (1, 65)),
        Error("Cannot query field \"f19\" on type \"QueryRoot\".", (1, 69)),
        Error("Cannot query field \"f20\" on type \"QueryRoot\".", (1, 73)),
        Error("Cannot query field \"f21\" on type \"QueryRoot\".", (1, 77)),
        Error("Cannot query field \"f22\" on type \"QueryRoot\".", (1, 81)),
        Error("Cannot query field \"f23\" on type \"QueryRoot\".", (1, 85)),
        Error("Cannot query field \"f24\" on type \"QueryRoot\".", (1, 89)),
        Error("Cannot query field \"f25\" on type \"QueryRoot\".", (1, 93)),
        Error("Cannot query field \"f26\" on type \"QueryRoot\".", (1, 97)),
        Error("Cannot query field \"f27\" on type \"QueryRoot\".", (1, 101)),
        Error("Cannot query field \"f28\" on type \"QueryRoot\".", (1, 105)),
        Error("Cannot query field \"f29\" on type \"QueryRoot\".", (1, 109)),
        Error("Cannot query field \"f30\" on type \"QueryRoot\".", (1, 113)),
        Error("Cannot query field \"f31\" on type \"QueryRoot\".", (1, 117)),
        Error("Cannot query field \"f32\" on type \"QueryRoot\".", (1, 121)),
        Error("Cannot query field \"f33\" on type \"QueryRoot\".", (1, 125)),
        Error("Cannot query field \"f34\" on type \"QueryRoot\".", (1, 129)),
        Error("Cannot query field \"f35\" on type \"QueryRoot\".", (1, 133)),
        Error("Cannot query field \"f36\" on type \"QueryRoot\".", (1, 137)),
        Error("Cannot query field \"f37\" on type \"QueryRoot\".", (1, 141)),
        Error("Cannot query field \"f38\" on type \"QueryRoot\".", (1, 145)),
        Error("Cannot query field \"f39\" on type \"QueryRoot\".", (1, 149)),
        Error("Cannot query field \"f40\" on type \"QueryRoot\".", (1, 153)),
        Error("Cannot query field \"f41\" on type \"QueryRoot\".", (1, 157)),
        Error("Cannot query field \"f42\" on type \"QueryRoot\".", (1, 161)),
        Error("Cannot query field \"f43\" on type \"QueryRoot\".", (1, 165)),
        Error("Cannot query field \"f44\" on type \"QueryRoot\".", (1, 169)),
        Error("Cannot query field \"f45\" on type \"QueryRoot\".", (1, 173)),
        Error("Cannot query field \"f46\" on type \"QueryRoot\".", (1, 177)),
        Error("Cannot query field \"f47\" on type \"QueryRoot\".", (1, 181)),
        Error("Cannot query field \"f48\" on type \"QueryRoot\".", (1, 185)),
        Error("Cannot query field \"f49\" on type \"QueryRoot\".", (1, 189)),
        Error("Cannot query field \"f50\" on type \"QueryRoot\".", (1, 193)),
        Error("Cannot query field \"f51\" on type \"QueryRoot\".", (1, 197)),
        Error("Cannot query field \"f52\" on type \"QueryRoot\".", (1, 201)),
        Error("Cannot query field \"f53\" on type \"QueryRoot\".", (1, 205)),
        Error("Cannot query field \"f54\" on type \"QueryRoot\".", (1, 209)),
        Error("Cannot query field \"f55\" on type \"QueryRoot\".", (1, 213)),
        Error("Cannot query field \"f56\" on type \"QueryRoot\".", (1, 217)),
        Error("Cannot query field \"f57\" on type \"QueryRoot\".", (1, 221)),
        Error("Cannot query field \"f58\" on type \"QueryRoot\".", (1, 225)),
        Error("Cannot query field \"f59\" on type \"QueryRoot\".", (1, 229)),
        Error("Cannot query field \"f60\" on type \"QueryRoot\".", (1, 233)),
        Error("Cannot query field \"f61\" on type \"QueryRoot\".", (1, 237)),
        Error("Cannot query field \"f62\" on type \"QueryRoot\".", (1, 241)),
        Error("Cannot query field \"f63\" on type \"QueryRoot\".", (1, 245)),
        Error("Cannot query field \"f64\" on type \"QueryRoot\".", (1, 249)),
        Error("Cannot query field \"f65\" on type \"QueryRoot\".", (1, 253)),
        Error("Cannot query field \"f66\" on type \"QueryRoot\".", (1, 257)),
        Error("Cannot query field \"f67\" on type \"QueryRoot\".", (1, 261)),
        Error("Cannot query field \"f68\" on type \"QueryRoot\".", (1, 265)),
        Error("Cannot query field \"f69\" on type \"QueryRoot\".", (1, 269)),
        Error("Cannot query field \"f70\" on type \"QueryRoot\".", (1, 273)),
        Error("Cannot query field \"f71\" on type \"QueryRoot\".", (1, 277)),
        Error("Cannot query field \"f72\" on type \"QueryRoot\".", (1, 281)),
        Error("Cannot query field \"f73\" on type \"QueryRoot\".", (1, 285)),
        Error("Cannot query field \"f74\" on type \"QueryRoot\".", (1, 289)),
        Error("Cannot query field \"f75\" on type \"QueryRoot\".", (1, 293)),
        Error("Cannot query field \"f76\" on type \"QueryRoot\".", (1, 297)),
        Error("Cannot query field \"f77\" on type \"QueryRoot\".", (1, 301)),
        Error("Cannot query field \"f78\" on type \"QueryRoot\".", (1, 305)),
        Error("Cannot query field \"f79\" on type \"QueryRoot\".", (1, 309)),
        Error("Cannot query field \"f80\" on type \"QueryRoot\".", (1, 313)),
        Error("Cannot query field \"f81\" on type \"QueryRoot\".", (1, 317)),
        Error("Cannot query field \"f82\" on type \"QueryRoot\".", (1, 321)),
        Error("Cannot query field \"f83\" on type \"QueryRoot\".", (1, 325)),
        Error("Cannot query field \"f84\" on type \"QueryRoot\".", (1, 329)),
        Error("Cannot query field \"f85\" on type \"QueryRoot\".", (1, 333)),
        Error("Cannot query field \"f86\" on type \"QueryRoot\".", (1, 337)),
        Error("Cannot query field \"f87\" on type \"QueryRoot\".", (1, 341)),
        Error("Cannot query field \"f88\" on type \"QueryRoot\".", (1, 345)),
        Error("Cannot query field \"f89\" on type \"QueryRoot\".", (1, 349)),
        Error("Cannot query field \"f90\" on type \"QueryRoot\".", (1, 353)),
        Error("Cannot query field \"f91\" on type \"QueryRoot\".", (1, 357)),
        Error("Cannot query field \"f92\" on type \"QueryRoot\".", (1, 361)),
        Error("Cannot query field \"f93\" on type \"QueryRoot\".", (1, 365)),
        Error("Cannot query field \"f94\" on type \"QueryRoot\".", (1, 369)),
        Error("Cannot query field \"f95\" on type \"QueryRoot\".", (1, 373)),
        Error("Cannot query field \"f96\" on type \"QueryRoot\".", (1, 377)),
        Error("Cannot query field \"f97\" on type \"QueryRoot\".", (1, 381)),
        Error("Cannot query field \"f98\" on type \"QueryRoot\".", (1, 385)),
        Error("Cannot query field \"f99\" on type \"QueryRoot\".", (1, 389)),
        Error("Too many validation errors, error limit reached. Validation aborted."));

    [Fact]
    public void MutationNotSupportedIsStillValidatedAgainstNothing() => ExpectErrors(
        """
            mutation { createDog { name } }
            """,
        Error("Argument \"MutationRoot.createDog(name:)\" of type \"String!\" is required, but it was not provided.", (1, 12)));
}
