using System.Collections;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Xunit;
using static Federation.GraphQL.Tests.Language.LanguageHarness;

namespace Federation.GraphQL.Tests.Language;

public sealed class ParserTests
{
    [Fact]
    public void Parses_the_kitchen_sink_query()
    {
        var document = ExpectParse(KitchenSink.Query);

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Equal("Operation description", operation.Description?.Value);
        Assert.Equal(["foo", "site", "nonNull"], Names(operation.VariableDefinitions, v => v.Variable.Name));
        Assert.Equal("described variable", operation.VariableDefinitions[2].Description?.Value);
        Assert.Equal(OperationType.Mutation, Assert.IsType<OperationDefinitionNode>(document.Definitions[1]).Operation);
        Assert.Equal(OperationType.Subscription, Assert.IsType<OperationDefinitionNode>(document.Definitions[2]).Operation);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[3]);
        Assert.Equal("Fragment description\n  indented", fragment.Description?.Value);
        Assert.True(fragment.Description?.Block);
        var shorthand = Assert.IsType<OperationDefinitionNode>(document.Definitions[4]);
        Assert.Null(shorthand.Name);
        Assert.Equal(["unnamed", "query"], Names(shorthand.SelectionSet.Selections, s => ((FieldNode)s).Name));
    }

    [Fact]
    public void Parses_the_kitchen_sink_schema()
    {
        var document = ExpectParse(KitchenSink.Schema);

        var foo = Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[1]);
        Assert.Equal(["Bar", "Baz", "Two"], Names(foo.Interfaces, i => i.Name));
        Assert.Equal("This is a description of the `two` field.", foo.Fields[1].Description?.Value);
        var baz = Assert.IsType<InterfaceTypeDefinitionNode>(document.Definitions[11]);
        Assert.Equal(["Bar", "Two"], Names(baz.Interfaces, i => i.Name));
        var repeatable = document.Definitions.OfType<DirectiveDefinitionNode>().Single(d => d.Name.Value == "myRepeatableDir");
        Assert.True(repeatable.Repeatable);
        Assert.Equal(["OBJECT", "INTERFACE"], Names(repeatable.Locations, l => l));
        var described = document.Definitions.OfType<DirectiveDefinitionNode>().Single(d => d.Name.Value == "described");
        Assert.Equal("deprecated", described.Directives[0].Name.Value);
        var extension = Assert.Single(document.Definitions.OfType<DirectiveExtensionNode>());
        Assert.Equal("tagged", extension.Directives[0].Name.Value);
        Assert.Equal(8, document.Definitions.OfType<TypeExtensionNode>().Count(e => e is ObjectTypeExtensionNode or InterfaceTypeExtensionNode or UnionTypeExtensionNode or EnumTypeExtensionNode));
        Assert.Equal(2, document.Definitions.OfType<SchemaExtensionNode>().Count());
    }

    [Fact]
    public void Every_node_has_the_location_graphql_js_gives_it()
    {
        // Expected: graphql-js 17.1.0's loc.start-loc.end and its start token's line:column.
        var document = ExpectParse("query Q($v: [Int!] = [1]) {\n  alias: field(arg: {k: \"s\"}) @dir\n  ... on T { x }\n  ...F\n}");
        Assert.Equal(
            """
            Document 0-88 1:1
            OperationDefinition 0-88 1:1
            Name 6-7 1:7
            VariableDefinition 8-24 1:9
            Variable 8-10 1:9
            Name 9-10 1:10
            ListType 12-18 1:13
            NonNullType 13-17 1:14
            NamedType 13-16 1:14
            Name 13-16 1:14
            ListValue 21-24 1:22
            IntValue 22-23 1:23
            SelectionSet 26-88 1:27
            Field 30-62 2:3
            Name 30-35 2:3
            Name 37-42 2:10
            Argument 43-56 2:16
            Name 43-46 2:16
            ObjectValue 48-56 2:21
            ObjectField 49-55 2:22
            Name 49-50 2:22
            StringValue 52-55 2:25
            Directive 58-62 2:31
            Name 59-62 2:32
            InlineFragment 65-79 3:3
            NamedType 72-73 3:10
            Name 72-73 3:10
            SelectionSet 74-79 3:12
            Field 76-77 3:14
            Name 76-77 3:14
            FragmentSpread 82-86 4:3
            Name 85-86 4:6
            """.ReplaceLineEndings("\n"),
            LocationListing(document));
    }

    [Fact]
    public void Accepts_descriptions_on_operations_fragments_and_variables()
    {
        var document = ExpectParse(
            """"
            "Fetches a user" query Q("the id" $id: ID!, """the other""" $o: Int) { a }
            "A fragment" fragment F on T { a }
            """");
        var operation = (OperationDefinitionNode)document.Definitions[0];
        Assert.Equal("Fetches a user", operation.Description?.Value);
        Assert.Equal("the id", operation.VariableDefinitions[0].Description?.Value);
        Assert.Equal("the other", operation.VariableDefinitions[1].Description?.Value);
        Assert.Equal("A fragment", ((FragmentDefinitionNode)document.Definitions[1]).Description?.Value);
    }

    [Fact]
    public void Accepts_an_empty_selection_set_as_graphql_js_17_does()
    {
        var operation = (OperationDefinitionNode)ExpectParse("{ a {} }").Definitions[0];
        var field = (FieldNode)operation.SelectionSet.Selections[0];
        Assert.Empty(field.SelectionSet!.Selections);
    }

    [Fact]
    public void Parses_values_of_every_kind()
    {
        var document = ExpectParse(""""{ f(a: 1, b: -1.5e3, c: "s", d: """b""", e: true, f: false, g: null, h: ENUM, i: [1, [2]], j: {k: {l: $v}}, m: [], n: {}) }"""");
        var field = (FieldNode)((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections[0];
        var values = field.Arguments.Select(a => a.Value).ToList();
        Assert.Equal("1", Assert.IsType<IntValueNode>(values[0]).Value);
        Assert.Equal("-1.5e3", Assert.IsType<FloatValueNode>(values[1]).Value);
        Assert.Equal(new StringValueNode("s") { Location = values[2].Location }, values[2]);
        Assert.True(Assert.IsType<StringValueNode>(values[3]).Block);
        Assert.True(Assert.IsType<BooleanValueNode>(values[4]).Value);
        Assert.False(Assert.IsType<BooleanValueNode>(values[5]).Value);
        Assert.IsType<NullValueNode>(values[6]);
        Assert.Equal("ENUM", Assert.IsType<EnumValueNode>(values[7]).Value);
        Assert.IsType<ListValueNode>(Assert.IsType<ListValueNode>(values[8]).Values[1]);
        var l = ((ObjectValueNode)((ObjectValueNode)values[9]).Fields[0].Value).Fields[0];
        Assert.Equal("v", Assert.IsType<VariableNode>(l.Value).Name.Value);
        Assert.Empty(Assert.IsType<ListValueNode>(values[10]).Values);
        Assert.Empty(Assert.IsType<ObjectValueNode>(values[11]).Fields);
    }

    [Fact]
    public void Parses_lone_values_and_types()
    {
        var list = Assert.IsType<ListValueNode>(Parser.ParseValue("[123 \"abc\" $var]"));
        Assert.Equal(new Location(0, 16, 1, 1), list.Location);
        Assert.IsType<VariableNode>(list.Values[2]);
        Assert.IsType<ObjectValueNode>(Parser.ParseConstValue("{a: [1, 2]}"));
        var type = Assert.IsType<NonNullTypeNode>(Parser.ParseType("[String!]!"));
        Assert.Equal("String", ((NamedTypeNode)((NonNullTypeNode)((ListTypeNode)type.Type).Type).Type).Name.Value);

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[$var]"));
        Assert.Equal("Syntax Error: Unexpected variable \"$var\" in constant value.", error.Error.Message);
        Assert.Equal(new SourceLocation(1, 2), error.Location);
        error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue("1 2"));
        Assert.Equal("Syntax Error: Expected <EOF>, found Int \"2\".", error.Error.Message);
        error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType("[String"));
        Assert.Equal("Syntax Error: Expected \"]\", found <EOF>.", error.Error.Message);
    }

    [Fact]
    public void Materialises_each_name_once()
    {
        var document = ExpectParse("{ user { id } other: user { id } }");
        var selections = ((OperationDefinitionNode)document.Definitions[0]).SelectionSet.Selections;
        var first = (FieldNode)selections[0];
        var second = (FieldNode)selections[1];
        Assert.Same(first.Name.Value, second.Name.Value);
        Assert.Same(((FieldNode)first.SelectionSet!.Selections[0]).Name.Value, ((FieldNode)second.SelectionSet!.Selections[0]).Name.Value);
    }

    // Expected messages and positions are graphql-js 17.1.0's.
    [Theory]
    [InlineData("", "Syntax Error: Unexpected <EOF>.", 1, 1)]
    [InlineData("   ", "Syntax Error: Unexpected <EOF>.", 1, 4)]
    [InlineData("# only a comment", "Syntax Error: Unexpected <EOF>.", 1, 17)]
    [InlineData("{", "Syntax Error: Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{ a", "Syntax Error: Expected Name, found <EOF>.", 1, 4)]
    [InlineData("{ a(", "Syntax Error: Expected Name, found <EOF>.", 1, 5)]
    [InlineData("{ a(b", "Syntax Error: Expected \":\", found <EOF>.", 1, 6)]
    [InlineData("{ a(b:", "Syntax Error: Unexpected <EOF>.", 1, 7)]
    [InlineData("{ a(b: $", "Syntax Error: Expected Name, found <EOF>.", 1, 9)]
    [InlineData("query Q($a: Int = $b) { a }", "Syntax Error: Unexpected variable \"$b\" in constant value.", 1, 19)]
    [InlineData("query Q($a: Int = $) { a }", "Syntax Error: Unexpected \"$\".", 1, 19)]
    [InlineData("fragment on on T { a }", "Syntax Error: Unexpected Name \"on\".", 1, 10)]
    [InlineData("fragment \"on\" on T { a }", "Syntax Error: Unexpected String \"on\".", 1, 10)]
    [InlineData("fragment F on T", "Syntax Error: Expected \"{\", found <EOF>.", 1, 16)]
    [InlineData("fragment F T { a }", "Syntax Error: Expected \"on\", found Name \"T\".", 1, 12)]
    [InlineData("{ ...on }", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ ... on T }", "Syntax Error: Expected \"{\", found \"}\".", 1, 12)]
    [InlineData("{ a: b: c }", "Syntax Error: Expected Name, found \":\".", 1, 7)]
    [InlineData("{ a: 1 }", "Syntax Error: Expected Name, found Int \"1\".", 1, 6)]
    [InlineData("\"d\" { a }", "Syntax Error: Unexpected description, descriptions are not supported on shorthand queries.", 1, 1)]
    [InlineData("\"d\" extend type A @a", "Syntax Error: Unexpected description, only GraphQL definitions support descriptions.", 1, 1)]
    [InlineData("\"d\" 1", "Syntax Error: Unexpected Int \"1\".", 1, 5)]
    [InlineData("\"d\"", "Syntax Error: Unexpected <EOF>.", 1, 4)]
    [InlineData("notAKeyword { a }", "Syntax Error: Unexpected Name \"notAKeyword\".", 1, 1)]
    [InlineData("Query { a }", "Syntax Error: Unexpected Name \"Query\".", 1, 1)]
    [InlineData("query Q [ a ]", "Syntax Error: Expected \"{\", found \"[\".", 1, 9)]
    [InlineData("{ a } }", "Syntax Error: Unexpected \"}\".", 1, 7)]
    [InlineData("schema {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("schema { query Q }", "Syntax Error: Expected \":\", found Name \"Q\".", 1, 16)]
    [InlineData("schema { query: Q", "Syntax Error: Expected Name, found <EOF>.", 1, 18)]
    [InlineData("schema { other: Q }", "Syntax Error: Unexpected Name \"other\".", 1, 10)]
    [InlineData("extend schema", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend scalar S", "Syntax Error: Unexpected <EOF>.", 1, 16)]
    [InlineData("extend type T", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend interface I", "Syntax Error: Unexpected <EOF>.", 1, 19)]
    [InlineData("extend union U", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend enum E", "Syntax Error: Unexpected <EOF>.", 1, 14)]
    [InlineData("extend input I", "Syntax Error: Unexpected <EOF>.", 1, 15)]
    [InlineData("extend directive @d", "Syntax Error: Unexpected <EOF>.", 1, 20)]
    [InlineData("extend foo T", "Syntax Error: Unexpected Name \"foo\".", 1, 8)]
    [InlineData("extend", "Syntax Error: Unexpected <EOF>.", 1, 7)]
    [InlineData("extend \"s\"", "Syntax Error: Unexpected String \"s\".", 1, 8)]
    [InlineData("type T implements A B { a: Int }", "Syntax Error: Unexpected Name \"B\".", 1, 21)]
    [InlineData("type T {}", "Syntax Error: Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T { a }", "Syntax Error: Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T { a: }", "Syntax Error: Expected Name, found \"}\".", 1, 13)]
    [InlineData("type T { a(): Int }", "Syntax Error: Expected Name, found \")\".", 1, 12)]
    [InlineData("type T { a(b): Int }", "Syntax Error: Expected \":\", found \")\".", 1, 13)]
    [InlineData("type T { a: Int = 1 }", "Syntax Error: Expected Name, found \"=\".", 1, 17)]
    [InlineData("enum E { true }", "Syntax Error: Name \"true\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { \"d\" null }", "Syntax Error: Name \"null\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("enum E { false }", "Syntax Error: Name \"false\" is reserved and cannot be used for an enum value.", 1, 10)]
    [InlineData("enum E { }", "Syntax Error: Expected Name, found \"}\".", 1, 10)]
    [InlineData("input I { a(b: Int): Int }", "Syntax Error: Expected \":\", found \"(\".", 1, 12)]
    [InlineData("input I { a: Int = $v }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 20)]
    [InlineData("union U =", "Syntax Error: Expected Name, found <EOF>.", 1, 10)]
    [InlineData("union U = | ", "Syntax Error: Expected Name, found <EOF>.", 1, 13)]
    [InlineData("union U = A |", "Syntax Error: Expected Name, found <EOF>.", 1, 14)]
    [InlineData("directive @d on FOO", "Syntax Error: Unexpected Name \"FOO\".", 1, 17)]
    [InlineData("directive @d on", "Syntax Error: Expected Name, found <EOF>.", 1, 16)]
    [InlineData("directive d on FIELD", "Syntax Error: Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("directive @d repeatable FIELD", "Syntax Error: Expected \"on\", found Name \"FIELD\".", 1, 25)]
    [InlineData("directive @d(a: Int) on | FIELD |", "Syntax Error: Expected Name, found <EOF>.", 1, 34)]
    [InlineData("{ a @ }", "Syntax Error: Expected Name, found \"}\".", 1, 7)]
    [InlineData("{ a @skip(if: ) }", "Syntax Error: Unexpected \")\".", 1, 15)]
    [InlineData("query Q($a) { a }", "Syntax Error: Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: ) { a }", "Syntax Error: Expected Name, found \")\".", 1, 13)]
    [InlineData("query Q($a: [Int) { a }", "Syntax Error: Expected \"]\", found \")\".", 1, 17)]
    [InlineData("query Q($a: Int!!) { a }", "Syntax Error: Expected \"$\", found \"!\".", 1, 17)]
    [InlineData("query Q(a: Int) { a }", "Syntax Error: Expected \"$\", found Name \"a\".", 1, 9)]
    [InlineData("{ a(x: [1 2 3) }", "Syntax Error: Unexpected \")\".", 1, 14)]
    [InlineData("{ a(x: {b}) }", "Syntax Error: Expected \":\", found \"}\".", 1, 10)]
    [InlineData("{ a(x: {b: 1) }", "Syntax Error: Expected Name, found \")\".", 1, 13)]
    [InlineData("{ a(x: {1: 2}) }", "Syntax Error: Expected Name, found Int \"1\".", 1, 9)]
    [InlineData("{ ... @d }", "Syntax Error: Expected \"{\", found \"}\".", 1, 10)]
    [InlineData("{ ...  }", "Syntax Error: Expected \"{\", found \"}\".", 1, 8)]
    [InlineData("mutation { a } fragment", "Syntax Error: Expected Name, found <EOF>.", 1, 24)]
    [InlineData("subscription S($v: Int = [1, $x]) { a }", "Syntax Error: Unexpected variable \"$x\" in constant value.", 1, 30)]
    [InlineData("type Q { a(b: Int = $v): Int }", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 21)]
    [InlineData("scalar S @d(a: $v)", "Syntax Error: Unexpected variable \"$v\" in constant value.", 1, 16)]
    [InlineData("{ a(x: 1 }", "Syntax Error: Expected Name, found \"}\".", 1, 10)]
    [InlineData("query ($a: Int @d($x: 1)) { a }", "Syntax Error: Expected Name, found \"$\".", 1, 19)]
    [InlineData("\"\"\"doc\"\"\" \"\"\"doc2\"\"\" type T", "Syntax Error: Unexpected BlockString \"doc2\".", 1, 11)]
    [InlineData("type T { \"d\" }", "Syntax Error: Expected Name, found \"}\".", 1, 14)]
    [InlineData("{ a\n  b\n  c(\n    d: \n  )\n}", "Syntax Error: Unexpected \")\".", 5, 3)]
    [InlineData("\r\n\r\n  query { a(b: }", "Syntax Error: Unexpected \"}\".", 3, 16)]
    [InlineData("directive @d(\"desc\") on FIELD", "Syntax Error: Expected Name, found \")\".", 1, 20)]
    public void Reports_syntax_errors_as_graphql_js_does(string source, string message, int line, int column) =>
        ExpectSyntaxError(source, message, line, column);

    private static List<string> Names<T>(IReadOnlyList<T> nodes, Func<T, NameNode> name)
    {
        var names = new List<string>();
        foreach (var node in nodes)
        {
            names.Add(name(node).Value);
        }

        return names;
    }

    /// <summary>Every node as "Kind start-end line:column", in source order, outer nodes first.</summary>
    private static string LocationListing(SyntaxNode root)
    {
        var nodes = new List<(int Start, int End, int Depth, string Text)>();
        Collect(root, 0);
        nodes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End != b.End ? b.End.CompareTo(a.End) : a.Depth.CompareTo(b.Depth));
        return string.Join("\n", nodes.Select(n => n.Text));

        void Collect(object? value, int depth)
        {
            if (value is SyntaxNode node)
            {
                var location = node.Location!.Value;
                nodes.Add((location.Start, location.End, depth, $"{node.Kind} {location.Start}-{location.End} {location.Line}:{location.Column}"));
                foreach (var property in node.GetType().GetProperties())
                {
                    if (property.Name is not "Location" and not "EqualityContract")
                    {
                        Collect(property.GetValue(node), depth + 1);
                    }
                }
            }
            else if (value is IEnumerable children and not string)
            {
                foreach (var child in children)
                {
                    Collect(child, depth);
                }
            }
        }
    }
}
