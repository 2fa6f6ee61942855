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
internal sealed class CostAnalyzer(Schema schema, int defaultListSize, int maxIntrospectionListDepth)
{
    private readonly Schema schema = schema;
    private readonly int defaultListSize = defaultListSize;
    private readonly int maxIntrospectionListDepth = maxIntrospectionListDepth;

    private const string CostDirective = "cost";
    private const string ListSizeDirective = "listSize";

    public double Analyze(
        DocumentNode document,
        OperationDefinitionNode operation,
        IReadOnlyDictionary<string, object?>? variables,
        out RequestFailure? failure)
    {
        var walk = new Walk(this, document, operation, variables);
        var root = schema.GetRootType(operation.Operation);
        var cost = root is null ? 0 : walk.SelectionSet(operation.SelectionSet, root, null);
        failure = walk.Failure;
        return cost;
    }

    private sealed class Walk
    {
        private readonly CostAnalyzer analyzer;
        private readonly Dictionary<string, FragmentDefinitionNode> fragments = [];
        private readonly OperationDefinitionNode operation;
        private readonly IReadOnlyDictionary<string, object?>? variables;
        private readonly HashSet<string> spreading = [];
        private int introspectionListDepth;

        public Walk(CostAnalyzer analyzer, DocumentNode document, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? variables)
        {
            this.analyzer = analyzer;
            this.operation = operation;
            this.variables = variables;
            foreach (var definition in document.Definitions)
            {
                if (definition is FragmentDefinitionNode fragment)
                {
                    fragments.TryAdd(fragment.Name.Value, fragment);
                }
            }
        }

        public RequestFailure? Failure { get; private set; }

        /// <param name="sized">Child paths that take a size from a parent's <c>@listSize(sizedFields:)</c>.</param>
        public double SelectionSet(SelectionSetNode set, NamedType parent, List<(string[] Path, double Size)>? sized)
        {
            var total = 0.0;
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        total += Field(field, parent, sized);
                        break;
                    case InlineFragmentNode inline:
                        var condition = inline.TypeCondition is { } typeCondition ? analyzer.schema.GetType(typeCondition.Name.Value) ?? parent : parent;
                        total += SelectionSet(inline.SelectionSet, condition, sized);
                        break;
                    case FragmentSpreadNode spread:
                        if (fragments.TryGetValue(spread.Name.Value, out var fragment) && spreading.Add(spread.Name.Value))
                        {
                            var type = analyzer.schema.GetType(fragment.TypeCondition.Name.Value) ?? parent;
                            total += SelectionSet(fragment.SelectionSet, type, sized);
                            spreading.Remove(spread.Name.Value);
                        }

                        break;
                }
            }

            return total;
        }

        private double Field(FieldNode node, NamedType parent, List<(string[] Path, double Size)>? sized)
        {
            var definition = FieldOf(parent, node.Name.Value);
            if (definition is null)
            {
                return 0;
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

            var children = node.SelectionSet is { } set ? SelectionSet(set, type, childSized) : 0;
            return ((weight + children) * (size ?? 1)) + argumentsCost;
        }

        private double Introspection(FieldNode node, OutputField definition, NamedType type)
        {
            var list = IsList(definition.Type);
            if (list && ++introspectionListDepth > analyzer.maxIntrospectionListDepth)
            {
                Failure ??= RequestFailure.IntrospectionTooDeep(analyzer.maxIntrospectionListDepth, node);
            }

            var cost = node.SelectionSet is { } set ? SelectionSet(set, type, null) : 0;
            if (list)
            {
                introspectionListDepth--;
            }

            return cost;
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
