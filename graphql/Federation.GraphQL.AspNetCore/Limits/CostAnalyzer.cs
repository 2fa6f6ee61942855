using System.Globalization;
using Federation.GraphQL.AspNetCore.Http;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.AspNetCore.Limits;

/// <summary>
/// The static cost of an operation from the IBM cost directives
/// (https://ibm.github.io/graphql-specs/cost-spec.html), computed on the validated document
/// before execution, so that nesting lists cannot ask for a million rows.
/// <para>
/// A field costs its weight — <c>@cost(weight:)</c> on the field, else on its type, else 1 for
/// an object, interface or union and 0 for a scalar or enum — plus the cost of its selections,
/// all multiplied by its list size when it returns a list, plus the weights of the arguments it
/// is given. A list's size is the largest slicing argument given (literal, variable, or the
/// argument's default), else <c>@listSize(assumedSize:)</c>, else
/// <see cref="RequestLimits.DefaultListSize"/>. With <c>sizedFields</c>, the size applies to the
/// named child fields instead (the connection pattern). Selections in fragments on different
/// types are all counted, so the cost is an upper bound.
/// </para>
/// <para>
/// Introspection costs nothing: it reads the schema in memory, and its size is the schema's.
/// What could make it explode — list fields of the introspection types nested in each other
/// (<c>types { fields { type { fields { … } } } }</c>) — is limited instead by
/// <see cref="RequestLimits.MaxIntrospectionListDepth"/>; the standard introspection query nests
/// three (<c>types { fields { args } }</c>).
/// </para>
/// </summary>
internal sealed class CostAnalyzer(Schema schema, int defaultListSize, int maxIntrospectionListDepth, int maxDepth = int.MaxValue)
{
    /// <summary>
    /// A backstop, not the design: with fragments memoized the walk visits each selection once per
    /// distinct list-size context, so a document within the token limit stays far below this.
    /// </summary>
    internal const long DefaultMaxWork = 1_000_000;

    /// <summary>How many selections are visited between two looks at the cancellation token.</summary>
    private const int CancellationStride = 1024;

    private readonly Schema schema = schema;
    private readonly int defaultListSize = defaultListSize;
    private readonly int maxIntrospectionListDepth = maxIntrospectionListDepth;
    private readonly int maxDepth = maxDepth;

    private const string CostDirective = "cost";
    private const string ListSizeDirective = "listSize";

    internal long MaxWork { get; init; } = DefaultMaxWork;

    public double Analyze(
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        out RequestFailure? failure)
    {
        var analysis = Analyze(document, operation, variables, CancellationToken.None);
        failure = analysis.Failure;
        return analysis.Cost;
    }

    /// <exception cref="OperationCanceledException">The request was cancelled (timeout, client gone) during the walk.</exception>
    public CostAnalysis Analyze(
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        CancellationToken cancellationToken)
    {
        var walk = new Walk(this, document, operation, variables, cancellationToken);
        var root = schema.GetRootType(operation.Operation);
        var measure = default(Measure);
        try
        {
            measure = root is null ? default : walk.SelectionSet(operation.SelectionSet, root, null);
        }
        catch (WorkExceededException)
        {
            walk.Abort(RequestFailure.CostAnalysisAborted(MaxWork));
        }

        // The parser's MaxDepth sees one definition at a time; through fragments an operation can
        // nest deeper than any of its definitions, so the limit is checked again on the whole.
        if (walk.Failure is null && measure.Depth > maxDepth)
        {
            walk.Abort(RequestFailure.TooDeep(maxDepth, measure.Depth));
        }

        return new CostAnalysis(measure.Cost, measure.Depth, walk.Failure, walk.Work);
    }

    /// <summary>The cost of a selection set and how deep its fields nest (fragments followed).</summary>
    private readonly record struct Measure(double Cost, int Depth);

    /// <summary>A fragment's measure depends on the fragment, the list sizes passed down to it and, inside introspection, how deep in lists it sits.</summary>
    private readonly record struct FragmentKey(FragmentDefinitionNode Fragment, string? Sized, int IntrospectionListDepth);

    private sealed class WorkExceededException : Exception;

    private sealed class Walk
    {
        private readonly CostAnalyzer analyzer;
        private readonly Dictionary<string, FragmentDefinitionNode> fragments = [];
        private readonly Dictionary<FragmentKey, Measure> measuredFragments = [];
        private readonly OperationDefinitionNode operation;
        private readonly IReadOnlyDictionary<string, object?>? variables;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<string> spreading = [];
        private int introspectionListDepth;

        public Walk(CostAnalyzer analyzer, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables, CancellationToken cancellationToken)
        {
            this.analyzer = analyzer;
            this.operation = operation;
            this.variables = variables;
            this.cancellationToken = cancellationToken;
            foreach (var definition in document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }
        }

        public RequestFailure? Failure { get; private set; }

        /// <summary>Selections visited: what the tests bound by the document's size.</summary>
        public long Work { get; private set; }

        public void Abort(RequestFailure failure) => Failure ??= failure;

        /// <param name="sized">Child paths that take a size from a parent's <c>@listSize(sizedFields:)</c>.</param>
        public Measure SelectionSet(SelectionSetNode set, NamedType parent, List<(string[] Path, double Size)>? sized)
        {
            var total = 0.0;
            var depth = 0;
            foreach (var selection in set.Selections)
            {
                Count();
                switch (selection)
                {
                    case FieldNode field:
                        var measured = Field(field, parent, sized);
                        total += measured.Cost;
                        depth = Math.Max(depth, measured.Depth);
                        break;
                    case InlineFragmentNode inline:
                        var condition = inline.TypeCondition is { } typeCondition ? analyzer.schema.GetType(typeCondition.Name.Value) ?? parent : parent;
                        var inner = SelectionSet(inline.SelectionSet, condition, sized);
                        total += inner.Cost;
                        depth = Math.Max(depth, inner.Depth);
                        break;
                    case FragmentSpreadNode spread:
                        if (fragments.TryGetValue(spread.Name.Value, out var fragment))
                        {
                            var spreadMeasure = Fragment(fragment, parent, sized);
                            total += spreadMeasure.Cost;
                            depth = Math.Max(depth, spreadMeasure.Depth);
                        }

                        break;
                }
            }

            return new Measure(total, depth);
        }

        /// <summary>
        /// A fragment is measured once per context and the measure reused for every later spread:
        /// following each spread anew made fragments that spread the next one twice cost 2^n.
        /// </summary>
        private Measure Fragment(FragmentDefinitionNode fragment, NamedType parent, List<(string[] Path, double Size)>? sized)
        {
            var key = new FragmentKey(fragment, SizedKey(sized), introspectionListDepth);
            if (measuredFragments.TryGetValue(key, out var known))
            {
                return known;
            }

            // A cycle is a validation error; the guard only keeps an unvalidated document from looping.
            if (!spreading.Add(fragment.Name.Value))
            {
                return default;
            }

            var type = analyzer.schema.GetType(fragment.TypeCondition.Name.Value) ?? parent;
            var measure = SelectionSet(fragment.SelectionSet, type, sized);
            spreading.Remove(fragment.Name.Value);
            measuredFragments[key] = measure;
            return measure;
        }

        /// <summary>The list sizes passed down, as a value: two fields that pass the same sizes share a fragment's measure.</summary>
        private static string? SizedKey(List<(string[] Path, double Size)>? sized)
        {
            if (sized is null)
            {
                return null;
            }

            var key = new System.Text.StringBuilder();
            foreach (var (path, size) in sized)
            {
                key.AppendJoin('.', path).Append('=').Append(size.ToString(CultureInfo.InvariantCulture)).Append(';');
            }

            return key.ToString();
        }

        private void Count()
        {
            if (++Work % CancellationStride == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (Work > analyzer.MaxWork)
            {
                throw new WorkExceededException();
            }
        }

        private Measure Field(FieldNode node, NamedType parent, List<(string[] Path, double Size)>? sized)
        {
            var definition = FieldOf(parent, node.Name.Value);
            if (definition is null)
            {
                return new Measure(0, 1);
            }

            var type = definition.Type.Named;
            if (parent.IsIntrospectionType || node.Name.Value is "__schema" or "__type")
            {
                return Introspection(node, definition, type);
            }

            var weight = WeightOf(definition.AppliedDirectives)
                ?? WeightOf(type.AppliedDirectives)
                ?? (type is ObjectType or InterfaceType or UnionType ? 1 : 0);

            var argumentsCost = 0.0;
            foreach (var argument in node.Arguments)
            {
                if (definition.GetArgument(argument.Name.Value) is { } argumentDefinition)
                {
                    argumentsCost += WeightOf(argumentDefinition.AppliedDirectives) ?? 0;
                }
            }

            var listSize = FindDirective(definition.AppliedDirectives, ListSizeDirective);
            double? size = null;
            List<(string[] Path, double Size)>? childSized = null;
            if (listSize is not null)
            {
                var computed = SizeOf(node, definition, parent, listSize);
                var sizedFields = StringList(listSize, "sizedFields");
                if (sizedFields.Count > 0)
                {
                    childSized = [];
                    foreach (var path in sizedFields)
                    {
                        childSized.Add((path.Split('.'), computed));
                    }
                }
                else if (IsList(definition.Type))
                {
                    size = computed;
                }
            }
            else if (IsList(definition.Type))
            {
                size = analyzer.defaultListSize;
            }

            // A parent's sizedFields: this field (or a path below it) takes the parent's size.
            if (sized is not null)
            {
                foreach (var (path, parentSize) in sized)
                {
                    if (path[0] != node.Name.Value)
                    {
                        continue;
                    }

                    if (path.Length == 1)
                    {
                        size = parentSize;
                    }
                    else
                    {
                        (childSized ??= []).Add((path[1..], parentSize));
                    }
                }
            }

            var children = node.SelectionSet is { } set ? SelectionSet(set, type, childSized) : default;
            return new Measure(((weight + children.Cost) * (size ?? 1)) + argumentsCost, children.Depth + 1);
        }

        private Measure Introspection(FieldNode node, OutputField definition, NamedType type)
        {
            var list = IsList(definition.Type);
            if (list && ++introspectionListDepth > analyzer.maxIntrospectionListDepth)
            {
                Failure ??= RequestFailure.IntrospectionTooDeep(analyzer.maxIntrospectionListDepth, node);
            }

            var children = node.SelectionSet is { } set ? SelectionSet(set, type, null) : default;
            if (list)
            {
                introspectionListDepth--;
            }

            return new Measure(0, children.Depth + 1);
        }

        private OutputField? FieldOf(NamedType parent, string name) => name switch
        {
            "__typename" => null,
            "__schema" when analyzer.schema.GetType("__Schema") is { } schemaType => new OutputField(name, new NonNullType(schemaType)),
            "__type" when analyzer.schema.GetType("__Type") is { } typeType => new OutputField(name, typeType),
            _ => parent is FieldsType fields ? fields.GetField(name) : null,
        };

        private double SizeOf(FieldNode node, OutputField definition, NamedType parent, DirectiveNode listSize)
        {
            var slicing = StringList(listSize, "slicingArguments");
            double? largest = null;
            var given = 0;
            var defaulted = 0;
            foreach (var name in slicing)
            {
                var (value, explicitlyGiven) = SlicingValue(node, definition, name);
                if (explicitlyGiven)
                {
                    given++;
                }
                else if (value is not null)
                {
                    defaulted++;
                }

                if (value is { } number && (largest is null || number > largest))
                {
                    largest = number;
                }
            }

            var requireOne = ArgumentOf(listSize, "requireOneSlicingArgument") is not BooleanValueNode { Value: false };
            if (slicing.Count > 0 && requireOne && (given > 1 || (given == 0 && defaulted == 0)))
            {
                Failure ??= RequestFailure.SlicingArgumentRequired($"{parent.Name}.{definition.Name}", slicing, node);
            }

            if (largest is { } slice)
            {
                return Math.Max(0, slice);
            }

            return ArgumentOf(listSize, "assumedSize") is IntValueNode assumed
                ? double.Parse(assumed.Value, CultureInfo.InvariantCulture)
                : analyzer.defaultListSize;
        }

        /// <summary>The value of a slicing argument ("first" or a path such as "filter.max") and whether the query gave it.</summary>
        private (double? Value, bool Given) SlicingValue(FieldNode node, OutputField definition, string path)
        {
            var segments = path.Split('.');
            var argumentDefinition = definition.GetArgument(segments[0]);
            object? value = null;
            var given = false;
            foreach (var argument in node.Arguments)
            {
                if (argument.Name.Value == segments[0])
                {
                    value = ValueOf(argument.Value, out given);
                    break;
                }
            }

            if (!given && argumentDefinition?.DefaultValue is { } defaultValue)
            {
                value = ValueOf(defaultValue, out _);
            }

            for (var i = 1; i < segments.Length && value is not null; i++)
            {
                value = value is IReadOnlyDictionary<string, object?> map && map.TryGetValue(segments[i], out var inner) ? inner : null;
            }

            var number = value switch
            {
                int i => i,
                long l => l,
                double d => d,
                _ => (double?)null,
            };
            return (number, given && number is not null);
        }

        /// <summary>A literal or variable as a plain value; <paramref name="given"/> is false for an unset variable.</summary>
        private object? ValueOf(ValueNode node, out bool given)
        {
            given = true;
            switch (node)
            {
                case IntValueNode i:
                    return double.Parse(i.Value, CultureInfo.InvariantCulture);
                case FloatValueNode f:
                    return double.Parse(f.Value, CultureInfo.InvariantCulture);
                case VariableNode variable:
                    if (variables is not null && variables.TryGetValue(variable.Name.Value, out var value))
                    {
                        return value;
                    }

                    foreach (var definition in operation.VariableDefinitions)
                    {
                        if (definition.Variable.Name.Value == variable.Name.Value && definition.DefaultValue is { } defaultValue)
                        {
                            return ValueOf(defaultValue, out given);
                        }
                    }

                    given = false;
                    return null;
                case ObjectValueNode obj:
                    var map = new Dictionary<string, object?>();
                    foreach (var field in obj.Fields)
                    {
                        map[field.Name.Value] = ValueOf(field.Value, out _);
                    }

                    return map;
                default:
                    return null;
            }
        }

        private static bool IsList(GraphQLType type) => type.Nullable is ListType;

        private static double? WeightOf(IReadOnlyList<DirectiveNode> directives) =>
            FindDirective(directives, CostDirective) is { } cost
                ? ArgumentOf(cost, "weight") switch
                {
                    StringValueNode text when double.TryParse(text.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) => weight,
                    IntValueNode number => double.Parse(number.Value, CultureInfo.InvariantCulture),
                    FloatValueNode number => double.Parse(number.Value, CultureInfo.InvariantCulture),
                    _ => null,
                }
                : null;

        private static DirectiveNode? FindDirective(IReadOnlyList<DirectiveNode> directives, string name)
        {
            foreach (var directive in directives)
            {
                if (directive.Name.Value == name)
                {
                    return directive;
                }
            }

            return null;
        }

        private static ValueNode? ArgumentOf(DirectiveNode directive, string name)
        {
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static IReadOnlyList<string> StringList(DirectiveNode directive, string name) => ArgumentOf(directive, name) switch
        {
            ListValueNode list => [.. list.Values.OfType<StringValueNode>().Select(s => s.Value)],
            StringValueNode single => [single.Value],
            _ => [],
        };
    }
}

/// <summary>What <see cref="CostAnalyzer"/> found: the cost, the depth through fragments, a refusal if any, and the selections it visited.</summary>
internal readonly record struct CostAnalysis(double Cost, int Depth, RequestFailure? Failure, long Work);
