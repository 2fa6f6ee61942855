using System.Diagnostics.CodeAnalysis;

namespace Federation.GraphQL.Tests.Language;

/// <summary>
/// Our own kitchen-sink documents, covering the features of graphql-js's kitchen sinks, and how
/// graphql-js 17.1.0 prints them.
/// </summary>
internal static class KitchenSink
{
    [StringSyntax("graphql")]
    public const string Query =
        """"
        "Operation description"
        query queryName($foo: ComplexType, $site: Site = MOBILE, "described variable" $nonNull: Int! = 3) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id ,
            ... on User @onInlineFragment {
              field2 {
                id ,
                alias: field1(first:10, after:$foo,) @include(if: $foo) {
                  id,
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        """
        Fragment description
          indented
        """
        fragment frag on Friend @onFragmentDefinition {
          foo(size: $size, bar: $b, obj: {key: "value", block: """
              block string uses \"""
          """})
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null),
          query
        }

        query { __typename }
        query Long($aVeryLongVariableName: String, $anotherVeryLongVariableName: [Int!]!, $third: Boolean = false) { a }
        { field(aVeryLongArgumentName: "some long string value here", anotherLongArgumentName: 12345678, third: ENUM_VALUE) }
        { field(list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]) }
        { field(obj: {aaaaaaaaaaaa: 1, bbbbbbbbbbbbbbbb: "two", cccccccccccccccc: [3], dddddddddddddddd: {e: 4.5e10}}) }
        { f(s: "esc \" \\ \/ \b \f \n \r \t \u00e9 \u{1F600} \uD83D\uDE00 \u0001 \u007F") }
        """";

    public const string PrintedQuery =
        """"
        "Operation description"
        query queryName(
        $foo: ComplexType
        $site: Site = MOBILE
        "described variable"
        $nonNull: Int! = 3
        ) @onQuery {
          whoever123is: node(id: [123, 456]) {
            id
            ... on User @onInlineFragment {
              field2 {
                id
                alias: field1(first: 10, after: $foo) @include(if: $foo) {
                  id
                  ...frag @onFragmentSpread
                }
              }
            }
            ... @skip(unless: $foo) {
              id
            }
            ... {
              id
            }
          }
        }

        mutation likeStory @onMutation {
          like(story: 123) @onField {
            story {
              id @onField
            }
          }
        }

        subscription StoryLikeSubscription($input: StoryLikeSubscribeInput @onVariableDefinition) @onSubscription {
          storyLikeSubscribe(input: $input) {
            story {
              likers {
                count
              }
              likeSentence {
                text
              }
            }
          }
        }

        """
        Fragment description
          indented
        """
        fragment frag on Friend @onFragmentDefinition {
          foo(
            size: $size
            bar: $b
            obj: { key: "value", block: """
            block string uses \"""
            """ }
          )
        }

        {
          unnamed(truthy: true, falsy: false, nullish: null)
          query
        }

        {
          __typename
        }

        query Long($aVeryLongVariableName: String, $anotherVeryLongVariableName: [Int!]!, $third: Boolean = false) {
          a
        }

        {
          field(
            aVeryLongArgumentName: "some long string value here"
            anotherLongArgumentName: 12345678
            third: ENUM_VALUE
          )
        }

        {
          field(
            list: [
              1
              2
              3
              4
              5
              6
              7
              8
              9
              10
              11
              12
              13
              14
              15
              16
              17
              18
              19
              20
              21
              22
              23
              24
              25
              26
              27
            ]
          )
        }

        {
          field(
            obj: {
              aaaaaaaaaaaa: 1
              bbbbbbbbbbbbbbbb: "two"
              cccccccccccccccc: [3]
              dddddddddddddddd: { e: 4.5e10 }
            }
          )
        }

        {
          f(s: "esc \" \\ / \b \f \n \r \t é 😀 😀 \u0001 \u007F")
        }
        """";

    [StringSyntax("graphql")]
    public const string Schema =
        """"
        """This is a description
        of the schema as a whole."""
        schema @onSchema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """
          This is a description of the `two` field.
          """
          two(
            """
            This is a description of the `argument` argument.
            """
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = {key: "value"}): Type
          seven(argument: Int = null): Type
          eight(argument: OneOfInputType): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed =
          | Story
          | Article
          | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = | A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """
          This is a description of the `DESKTOP` value
          """
          DESKTOP

          """This is a description of the `MOBILE` value"""
          MOBILE

          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input OneOfInputType @oneOf {
          string: String
          int: Int
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """
        This is a description of the `@skip` directive
        """
        directive @skip(
          """This is a description of the `if` argument"""
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!)
          on FIELD
           | FRAGMENT_SPREAD
           | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on
          | FIELD
          | FRAGMENT_SPREAD
          | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on
          | OBJECT
          | INTERFACE

        directive @described @deprecated(reason: "x") on DIRECTIVE_DEFINITION

        extend directive @described @tagged

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """";

    public const string PrintedSchema =
        """"
        """
        This is a description
        of the schema as a whole.
        """
        schema @onSchema {
          query: QueryType
          mutation: MutationType
        }

        """
        This is a description
        of the `Foo` type.
        """
        type Foo implements Bar & Baz & Two {
          "Description of the `one` field."
          one: Type
          """This is a description of the `two` field."""
          two(
            """This is a description of the `argument` argument."""
            argument: InputType!
          ): Type
          three(argument: InputType, other: String): Int
          four(argument: String = "string"): String
          five(argument: [String] = ["string", "string"]): String
          six(argument: InputType = { key: "value" }): Type
          seven(argument: Int = null): Type
          eight(argument: OneOfInputType): Type
        }

        type AnnotatedObject @onObject(arg: "value") {
          annotatedField(arg: Type = "default" @onArgumentDefinition): Type @onField
        }

        type UndefinedType

        extend type Foo {
          seven(argument: [String]): Type
        }

        extend type Foo @onType

        interface Bar {
          one: Type
          four(argument: String = "string"): String
        }

        interface AnnotatedInterface @onInterface {
          annotatedField(arg: Type @onArgumentDefinition): Type @onField
        }

        interface UndefinedInterface

        extend interface Bar implements Two {
          two(argument: InputType!): Type
        }

        extend interface Bar @onInterface

        interface Baz implements Bar & Two {
          one: Type
          two(argument: InputType!): Type
          four(argument: String = "string"): String
        }

        union Feed = Story | Article | Advert

        union AnnotatedUnion @onUnion = A | B

        union AnnotatedUnionTwo @onUnion = A | B

        union UndefinedUnion

        extend union Feed = Photo | Video

        extend union Feed @onUnion

        scalar CustomScalar

        scalar AnnotatedScalar @onScalar

        extend scalar CustomScalar @onScalar

        enum Site {
          """This is a description of the `DESKTOP` value"""
          DESKTOP
          """This is a description of the `MOBILE` value"""
          MOBILE
          "This is a description of the `WEB` value"
          WEB
        }

        enum AnnotatedEnum @onEnum {
          ANNOTATED_VALUE @onEnumValue
          OTHER_VALUE
        }

        enum UndefinedEnum

        extend enum Site {
          VR
        }

        extend enum Site @onEnum

        input InputType {
          key: String!
          answer: Int = 42
        }

        input OneOfInputType @oneOf {
          string: String
          int: Int
        }

        input AnnotatedInput @onInputObject {
          annotatedField: Type @onInputFieldDefinition
        }

        input UndefinedInput

        extend input InputType {
          other: Float = 1.23e4 @onInputFieldDefinition
        }

        extend input InputType @onInputObject

        """This is a description of the `@skip` directive"""
        directive @skip(
          """This is a description of the `if` argument"""
          if: Boolean! @onArgumentDefinition
        ) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @include2(if: Boolean!) on FIELD | FRAGMENT_SPREAD | INLINE_FRAGMENT

        directive @myRepeatableDir(name: String!) repeatable on OBJECT | INTERFACE

        directive @described @deprecated(reason: "x") on DIRECTIVE_DEFINITION

        extend directive @described @tagged

        extend schema @onSchema

        extend schema @onSchema {
          subscription: SubscriptionType
        }
        """";
}
