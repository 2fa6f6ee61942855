// Introspection documents, run on every schema. `names` are types of that schema to ask for.
import { getIntrospectionQuery } from 'graphql';

const typeRef = '{ kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

export default function introspection(names) {
  const [object, iface, union, enumType, input, scalar] = names;
  return [
    ['intro-full-default', getIntrospectionQuery()],
    ['intro-full-all-options', getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    })],
    ['intro-full-no-descriptions', getIntrospectionQuery({ descriptions: false })],
    ['intro-schema-roots', '{ __schema { description queryType { name kind } mutationType { name } subscriptionType { name } } }'],
    ['intro-schema-type-names', '{ __schema { types { name kind } } }'],
    ['intro-schema-directives', '{ __schema { directives { name description isRepeatable locations args { name type ' + typeRef + ' defaultValue } } } }'],
    ['intro-schema-directives-deprecated-args', '{ __schema { directives { name args(includeDeprecated: true) { name isDeprecated deprecationReason } } } }'],
    ['intro-type-object', `{ __type(name: "${object}") { kind name description specifiedByURL isOneOf fields { name description isDeprecated deprecationReason args { name type { name } defaultValue } type ${typeRef} } interfaces { name } possibleTypes { name } enumValues { name } inputFields { name } ofType { name } } }`],
    ['intro-type-object-include-deprecated', `{ __type(name: "${object}") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`],
    ['intro-type-object-exclude-deprecated', `{ __type(name: "${object}") { fields(includeDeprecated: false) { name isDeprecated } } }`],
    ['intro-type-interface', `{ __type(name: "${iface}") { kind name fields { name } interfaces { name } possibleTypes { name kind } } }`],
    ['intro-type-union', `{ __type(name: "${union}") { kind name description possibleTypes { name } fields { name } interfaces { name } } }`],
    ['intro-type-enum', `{ __type(name: "${enumType}") { kind name enumValues { name description isDeprecated deprecationReason } } }`],
    ['intro-type-enum-include-deprecated', `{ __type(name: "${enumType}") { all: enumValues(includeDeprecated: true) { name isDeprecated deprecationReason } active: enumValues(includeDeprecated: false) { name } } }`],
    ['intro-type-input', `{ __type(name: "${input}") { kind name isOneOf inputFields { name description defaultValue isDeprecated deprecationReason type ${typeRef} } } }`],
    ['intro-type-input-include-deprecated', `{ __type(name: "${input}") { inputFields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`],
    ['intro-type-scalar', `{ __type(name: "${scalar}") { kind name description specifiedByURL fields { name } } }`],
    ['intro-type-builtin-scalars', '{ s: __type(name: "String") { kind name description } i: __type(name: "Int") { name description } f: __type(name: "Float") { description } b: __type(name: "Boolean") { description } id: __type(name: "ID") { description } }'],
    ['intro-type-meta-types', '{ t: __type(name: "__Type") { name kind fields { name args { name defaultValue } } } f: __type(name: "__TypeKind") { enumValues { name description } } d: __type(name: "__DirectiveLocation") { enumValues { name } } }'],
    ['intro-type-schema-meta', '{ __type(name: "__Schema") { name description fields { name description type { name kind ofType { name } } } } }'],
    ['intro-type-unknown', '{ __type(name: "DoesNotExist") { name } }'],
    ['intro-type-with-variable', 'query Q($name: String!) { __type(name: $name) { name kind } }', { name: object }],
    ['intro-typename-and-schema-together', '{ __typename __schema { queryType { name } } }'],
    ['intro-aliased', `{ a: __type(name: "${object}") { n: name } b: __schema { q: queryType { n: name } } }`],
    ['intro-with-fragments', `{ __type(name: "${object}") { ...TypeParts } } fragment TypeParts on __Type { name fields { ...FieldParts } } fragment FieldParts on __Field { name type { ...Ref } } fragment Ref on __Type { kind name ofType { kind name } }`],
    ['intro-skip-include', '{ __schema { queryType @skip(if: true) { name } mutationType @include(if: true) { name } } }'],
    ['intro-type-kinds-of-all', '{ __schema { types { name kind possibleTypes { name } interfaces { name } } } }'],
    ['intro-type-missing-name-argument', '{ __type { name } }'],
    ['intro-unknown-field-on-type', '{ __type(name: "String") { nam } }'],
    ['intro-include-deprecated-null', `{ __type(name: "${object}") { fields(includeDeprecated: null) { name } } e: __type(name: "${enumType}") { enumValues(includeDeprecated: null) { name } } }`],
    ['intro-include-deprecated-variable', `query Q($d: Boolean) { __type(name: "${enumType}") { enumValues(includeDeprecated: $d) { name isDeprecated } } }`, { d: true }],
    ['intro-type-empty-name', '{ __type(name: "") { name } }'],
    ['intro-typename-skipped', '{ __typename @skip(if: true) }'],
    ['intro-type-name-wrong-type', '{ __type(name: 1) { name } }'],
    ['intro-schema-on-nested-type-name', `{ __type(name: "${object}") { __typename name ofType { __typename } } }`],
    ['intro-list-and-non-null-wrappers', `{ __type(name: "${object}") { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`],
    ['intro-fields-on-scalar-is-null', '{ __type(name: "Int") { fields { name } interfaces { name } possibleTypes { name } enumValues { name } inputFields { name } ofType { name } } }'],
  ];
}
