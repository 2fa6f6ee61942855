using System.Collections;
using System.Text.Json;
using Federation.GraphQL.Execution;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// The arguments and input fields one request provides, as resources of its operation: those the
/// document writes out (known from the analysis) and those its variables fill — walked in the
/// request's values, nested input objects and lists included, or in the operation's default for a
/// variable the request leaves out. An argument or input field left out (a variable not provided and
/// without default) is not used: the field's own default applies. An explicit null is provided.
/// Made per request and never kept: what a variable uses depends on its value.
/// </summary>
internal sealed class ArgumentUse(OperationFields operation, CatalogueFields fields, IReadOnlyDictionary<string, object?>? variables)
{
    private readonly Dictionary<VariablePosition, List<int>> used = [];

    /// <summary>The work the values' walks did: linear in the size of the values and the document.</summary>
    public int Steps { get; private set; }

    /// <summary>The first resource (an index of the operation's resources) the field's arguments use and <paramref name="decisions"/> deny; -1 when none.</summary>
    public int FirstDenied(OperationField field, AccessDecision[] decisions)
    {
        foreach (var resource in field.LiteralResources)
        {
            if (!decisions[resource].IsAllowed)
            {
                return resource;
            }
        }

        foreach (var position in field.Variables)
        {
            foreach (var resource in Used(position))
            {
                if (!decisions[resource].IsAllowed)
                {
                    return resource;
                }
            }
        }

        return -1;
    }

    /// <summary>The resources a variable's value uses in one place; kept for the request, so a variable used in many places is walked once per place's type.</summary>
    private List<int> Used(VariablePosition position)
    {
        if (used.TryGetValue(position, out var known))
        {
            return known;
        }

        var resources = new List<int>();
        if (variables is not null && variables.TryGetValue(position.Variable, out var value))
        {
            Add(position.Resource, resources);
            Plain(value, position.Type, resources);
        }
        else if (Default(position.Variable) is { } fallback)
        {
            Add(position.Resource, resources);
            Literal(fallback, position.Type, resources);
        }

        used[position] = resources;
        return resources;
    }

    private ValueNode? Default(string variable)
    {
        foreach (var definition in operation.Operation.VariableDefinitions)
        {
            if (definition.Variable.Name.Value == variable)
            {
                return definition.DefaultValue;
            }
        }

        return null;
    }

    /// <summary>A value as the request sent it (JSON's plain values: maps, lists, leaves), against the type of its place.</summary>
    private void Plain(object? value, GraphQLType type, List<int> resources)
    {
        Steps++;
        var place = type is NonNullType nonNull ? nonNull.OfType : type;
        switch (value)
        {
            case null:
                return;
            case JsonElement json:
                Plain(PlainValues.FromJson(json), type, resources);
                return;
        }

        if (place is ListType list)
        {
            // A single value where a list is expected is a list of one (input coercion of lists).
            if (value is IEnumerable items and not string and not IDictionary and not IReadOnlyDictionary<string, object?>)
            {
                foreach (var item in items)
                {
                    Plain(item, list.OfType, resources);
                }
            }
            else
            {
                Plain(value, list.OfType, resources);
            }

            return;
        }

        if (place.Named is not InputObjectType input)
        {
            return;
        }

        if (value is IReadOnlyDictionary<string, object?> map)
        {
            foreach (var (name, fieldValue) in map)
            {
                Steps++;
                if (input.GetField(name) is { } field)
                {
                    Add(Index(fields.ResourceOf(field)), resources);
                    Plain(fieldValue, field.Type, resources);
                }
            }

            return;
        }

        // A shape this walk does not read: every input field the type can hold is taken as used (fail closed).
        foreach (var resource in fields.ResourcesWithin(input))
        {
            Add(Index(resource), resources);
        }
    }

    /// <summary>A variable's default as the operation writes it (a constant: no variables inside).</summary>
    private void Literal(ValueNode value, GraphQLType type, List<int> resources)
    {
        Steps++;
        var place = type is NonNullType nonNull ? nonNull.OfType : type;
        switch (value)
        {
            case ListValueNode items:
                foreach (var item in items.Values)
                {
                    Literal(item, place is ListType list ? list.OfType : place, resources);
                }

                break;
            case ObjectValueNode obj when place.Named is InputObjectType input:
                foreach (var field in obj.Fields)
                {
                    Steps++;
                    if (input.GetField(field.Name.Value) is { } inputField)
                    {
                        Add(Index(fields.ResourceOf(inputField)), resources);
                        Literal(field.Value, inputField.Type, resources);
                    }
                }

                break;
        }
    }

    private int Index(Catalogue.CatalogueResource? resource) => resource is null ? -1 : operation.IndexOf(resource);

    private static void Add(int resource, List<int> resources)
    {
        if (resource >= 0 && !resources.Contains(resource))
        {
            resources.Add(resource);
        }
    }
}
