using System.Text;

namespace Federation.GraphQL.Adversarial;

/// <summary>Where in a schema the adversarial documents select: a root, an object field on it, a self-nesting field and a leaf.</summary>
/// <param name="Root">The query type's name.</param>
/// <param name="ObjectField">A root field (with its arguments) returning <paramref name="ObjectType"/>.</param>
/// <param name="ObjectType">An object type that has <paramref name="NestedField"/> and <paramref name="Leaf"/>.</param>
/// <param name="NestedField">A field of <paramref name="ObjectType"/> returning <paramref name="ObjectType"/> again.</param>
/// <param name="Leaf">A scalar field of <paramref name="ObjectType"/> without arguments.</param>
public sealed record SchemaShape(string Root, string ObjectField, string ObjectType, string NestedField, string Leaf);

/// <summary>
/// Documents made to make a pass over them explode: fragments that spread the next one twice (2^n
/// selections in n lines), wide and deep fragments, many operations, long names, many aliases,
/// directives and variables. Shared by the validation and cost tests and the benchmark (linked),
/// so that all three look at the same documents.
/// </summary>
public static class AdversarialDocuments
{
    /// <summary>Every document kind with a size that stays within the endpoint's default limits where it can.</summary>
    public static IEnumerable<(string Name, string Text)> All(SchemaShape shape)
    {
        yield return ("doubling-spreads-32", DoublingSpreads(shape, 32));
        yield return ("doubling-spreads-fields-aliases-32", DoublingSpreadsWithFields(shape, 32));
        yield return ("doubling-spreads-nested-30", DoublingNested(shape, 30));
        yield return ("doubling-spreads-on-object-32", DoublingOnObject(shape, 32));
        yield return ("deep-inline-fragments-400", DeepInlineFragments(shape, 400));
        yield return ("deep-fields-400", DeepFields(shape, 400));
        yield return ("wide-fragments-60", WideFragments(shape, 60));
        yield return ("fragment-chain-500", FragmentChain(shape, 500));
        yield return ("many-operations-300", ManyOperations(shape, 300));
        yield return ("long-names-20000", LongNames(shape, 20_000));
        yield return ("many-aliases-1000", ManyAliases(shape, 1000));
        yield return ("same-response-name-1000", SameResponseName(shape, 1000));
        yield return ("many-directives-800", ManyDirectives(shape, 800));
        yield return ("many-variables-500", ManyVariables(shape, 500));
    }

    /// <summary>The names of <see cref="All"/>, in its order: the tests' cases.</summary>
    public static IEnumerable<string> Names(SchemaShape shape) => All(shape).Select(d => d.Name);

    /// <summary>The text of the document of <see cref="All"/> named <paramref name="name"/>.</summary>
    public static string Text(SchemaShape shape, string name) =>
        All(shape).FirstOrDefault(d => d.Name == name).Text ?? throw new ArgumentException($"No adversarial document is named {name}.", nameof(name));

    /// <summary><c>fragment F0 on Query { ...F1 ...F1 } … fragment Fn on Query { __typename }</c>.</summary>
    public static string DoublingSpreads(SchemaShape shape, int levels) =>
        Doubling(shape.Root, levels, i => $"...F{i + 1} ...F{i + 1}", "__typename", "{ ...F0 }");

    /// <summary>Doubling spreads with fields and aliases between them.</summary>
    public static string DoublingSpreadsWithFields(SchemaShape shape, int levels) =>
        Doubling(shape.Root, levels, i => $"__typename ...F{i + 1} t{i}: __typename ...F{i + 1} __typename", "__typename", "{ ...F0 }");

    /// <summary>Doubling spreads where each level also nests a field: <c>fragment Fi on T { nested { ...Fi+1 } ...Fi+1 leaf }</c>.</summary>
    public static string DoublingNested(SchemaShape shape, int levels) =>
        Doubling(shape.ObjectType, levels, i => $"{shape.NestedField} {{ ...F{i + 1} }} ...F{i + 1} {shape.Leaf}", shape.Leaf, $"{{ {shape.ObjectField} {{ ...F0 }} }}");

    /// <summary>Doubling spreads on a nested object type, under a field of the root.</summary>
    public static string DoublingOnObject(SchemaShape shape, int levels) =>
        Doubling(shape.ObjectType, levels, i => $"...F{i + 1} a{i}: {shape.Leaf} ...F{i + 1}", shape.Leaf, $"{{ {shape.ObjectField} {{ ...F0 }} }}");

    /// <summary><c>{ ... on Query { ... on Query { … __typename } __typename } }</c>, <paramref name="depth"/> levels.</summary>
    public static string DeepInlineFragments(SchemaShape shape, int depth)
    {
        var text = new StringBuilder("{ ");
        for (var i = 0; i < depth; i++)
        {
            text.Append($"... on {shape.Root} {{ __typename ");
        }

        text.Append("__typename");
        text.Append(' ', 1).Append(new StringBuilder().Insert(0, "} ", depth));
        return text.Append('}').ToString();
    }

    /// <summary><c>{ object { nested { nested { … leaf } } } }</c>, <paramref name="depth"/> levels.</summary>
    public static string DeepFields(SchemaShape shape, int depth)
    {
        var text = new StringBuilder($"{{ {shape.ObjectField} {{ ");
        for (var i = 0; i < depth; i++)
        {
            text.Append(shape.NestedField).Append(" { ");
        }

        text.Append(shape.Leaf).Append(' ');
        text.Append(new StringBuilder().Insert(0, "} ", depth + 2));
        return text.ToString();
    }

    /// <summary>Each fragment spreads every later one: n²/2 spreads, each fragment reachable along 2^n paths.</summary>
    public static string WideFragments(SchemaShape shape, int count)
    {
        var text = new StringBuilder("{ ...W0 }\n");
        for (var i = 0; i < count; i++)
        {
            text.Append($"fragment W{i} on {shape.Root} {{ __typename");
            for (var j = i + 1; j < count; j++)
            {
                text.Append($" ...W{j}");
            }

            text.Append(" }\n");
        }

        return text.ToString();
    }

    /// <summary>A chain of fragments each spreading the next once, with a field: deep through fragments.</summary>
    public static string FragmentChain(SchemaShape shape, int length)
    {
        var text = new StringBuilder("{ ...C0 }\n");
        for (var i = 0; i < length; i++)
        {
            text.Append($"fragment C{i} on {shape.Root} {{ c{i}: __typename ...C{i + 1} }}\n");
        }

        return text.Append($"fragment C{length} on {shape.Root} {{ __typename }}\n").ToString();
    }

    /// <summary>Many named operations sharing doubling fragments.</summary>
    public static string ManyOperations(SchemaShape shape, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append($"query O{i} {{ ...F0 }}\n");
        }

        return text.Append(Doubling(shape.Root, 16, i => $"...F{i + 1} ...F{i + 1}", "__typename", "")).ToString();
    }

    /// <summary>An alias, a fragment name and a variable name each <paramref name="length"/> characters long.</summary>
    public static string LongNames(SchemaShape shape, int length)
    {
        var name = new string('n', length);
        return $"query {name}(${name}: Boolean = true) {{ {name}: __typename @include(if: ${name}) ...{name} }} fragment {name} on {shape.Root} {{ __typename }}";
    }

    public static string ManyAliases(SchemaShape shape, int count)
    {
        var text = new StringBuilder($"{{ {shape.ObjectField} {{ ");
        for (var i = 0; i < count; i++)
        {
            text.Append($"a{i}: {shape.Leaf} ");
        }

        return text.Append("} }").ToString();
    }

    /// <summary>One response name selected many times: every pair must be compared to merge them.</summary>
    public static string SameResponseName(SchemaShape shape, int count)
    {
        var text = new StringBuilder($"{{ {shape.ObjectField} {{ ");
        for (var i = 0; i < count; i++)
        {
            text.Append($"x: {shape.Leaf} ");
        }

        return text.Append("} }").ToString();
    }

    public static string ManyDirectives(SchemaShape shape, int count)
    {
        var text = new StringBuilder("{ ");
        for (var i = 0; i < count; i++)
        {
            text.Append(i % 2 == 0 ? "__typename @include(if: true) " : "...F @skip(if: false) ");
        }

        return text.Append($"}} fragment F on {shape.Root} {{ __typename @include(if: true) }}").ToString();
    }

    public static string ManyVariables(SchemaShape shape, int count)
    {
        var text = new StringBuilder("query (");
        for (var i = 0; i < count; i++)
        {
            text.Append($"$v{i}: Boolean = true ");
        }

        text.Append(") { ");
        for (var i = 0; i < count; i++)
        {
            text.Append($"v{i}: __typename @include(if: $v{i}) ");
        }

        return text.Append('}').ToString();
    }

    private static string Doubling(string type, int levels, Func<int, string> body, string last, string operation)
    {
        var text = new StringBuilder(operation).Append('\n');
        for (var i = 0; i < levels; i++)
        {
            text.Append($"fragment F{i} on {type} {{ {body(i)} }}\n");
        }

        return text.Append($"fragment F{levels} on {type} {{ {last} }}\n").ToString();
    }
}
