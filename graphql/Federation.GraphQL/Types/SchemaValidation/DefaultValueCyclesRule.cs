using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// A default value must not reach itself: the default of an input field whose default value
/// leaves out a field that has a default, which leaves out ... the first field again, could
/// never be built. graphql-js 17.1.0 reports such cycles in validateSchema; see
/// https://spec.graphql.org/September2025/#sec-Input-Objects.Circular-References and
/// https://spec.graphql.org/September2025/#sec-Input-Objects.Input-Coercion for why defaults are followed.
/// One instance serves a whole schema: fields already walked are not walked again.
/// </summary>
internal sealed class DefaultValueCyclesRule(SchemaValidationContext context)
{
    private readonly HashSet<string> visitedFields = [];
    private readonly List<(string Coordinate, SyntaxNode? DefaultValue)> fieldPath = [];

    // One past the field's index in fieldPath, as graphql-js keeps it.
    private readonly Dictionary<string, int> fieldPathIndex = [];

    /// <summary>Follows the defaults that an empty value of <paramref name="inputObject"/> would take.</summary>
    public void Validate(InputObjectType inputObject) => VisitObject(inputObject, null);

    private void VisitLiteral(InputObjectType type, ValueNode literal)
    {
        switch (literal)
        {
            case ListValueNode list:
                foreach (var item in list.Values)
                {
                    VisitLiteral(type, item);
                }

                break;
            case ObjectValueNode value:
                VisitObject(type, value);
                break;
        }
    }

    /// <param name="literal">Null stands for an empty object.</param>
    private void VisitObject(InputObjectType type, ObjectValueNode? literal)
    {
        foreach (var field in type.Fields)
        {
            if (field.Type.Named is not InputObjectType fieldType)
            {
                continue;
            }

            if (FieldValue(literal, field.Name) is { } given)
            {
                VisitLiteral(fieldType, given);
            }
            else
            {
                VisitFieldDefault(field, fieldType, SchemaValidationContext.FieldCoordinate(type, field.Name));
            }
        }
    }

    private void VisitFieldDefault(InputValue field, InputObjectType fieldType, string coordinate)
    {
        if (field.DefaultValue is not { } defaultValue)
        {
            return;
        }

        if (fieldPathIndex.TryGetValue(coordinate, out var cycleIndex))
        {
            var via = cycleIndex < fieldPath.Count
                ? " via the default values of: " + string.Join(", ", fieldPath[cycleIndex..].Select(step => step.Coordinate))
                : string.Empty;
            context.ReportError(
                $"Invalid circular reference. The default value of Input Object field {coordinate} references itself{via}.",
                fieldPath[(cycleIndex - 1)..].ConvertAll(step => step.DefaultValue));
            return;
        }

        if (visitedFields.Add(coordinate))
        {
            fieldPath.Add((coordinate, field.Definition?.DefaultValue));
            fieldPathIndex[coordinate] = fieldPath.Count;
            VisitLiteral(fieldType, defaultValue);
            fieldPath.RemoveAt(fieldPath.Count - 1);
            fieldPathIndex.Remove(coordinate);
        }
    }

    /// <summary>The value given for a field; the last one when the literal repeats the field, as graphql-js's keyMap keeps it.</summary>
    private static ValueNode? FieldValue(ObjectValueNode? literal, string fieldName)
    {
        if (literal is null)
        {
            return null;
        }

        for (var i = literal.Fields.Count - 1; i >= 0; i--)
        {
            if (literal.Fields[i].Name.Value == fieldName)
            {
                return literal.Fields[i].Value;
            }
        }

        return null;
    }
}
