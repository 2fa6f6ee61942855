using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// A field that <c>@requires</c> other fields asks at least what they ask (their own
/// <c>@authenticated</c>/<c>@requiresScopes</c>/<c>@policy</c> and their types'): otherwise a caller
/// could read through it data the supergraph withholds from them. Checked on the supergraph's
/// merged requirements, as Apollo's <c>AuthValidator</c> does, when any access-control spec is linked.
/// </summary>
internal sealed class TransitiveAccessControlRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        if (!schema.Links.Exists(l => AccessControl.IsAccessControl(l.SpecName)))
        {
            return;
        }

        foreach (var type in schema.Types.Values.Where(t => t.Kind is TypeKind.Object or TypeKind.Interface))
        {
            foreach (var field in type.Fields)
            {
                var requirement = type.Access.And(field.Access);
                for (var i = 0; i < field.Sources.Length; i++)
                {
                    if (field.Sources[i]?.Requires is { } requires && FieldSets.Parse(requires) is { } selections
                        && Unmet(schema, type, selections, requirement) is { } what)
                    {
                        errors.Add(CompositionErrorCodes.MissingTransitiveAuthRequirements(schema.Subgraphs[i].Name, field.Coordinate, what));
                    }
                }
            }
        }
    }

    /// <summary>What of the selections <paramref name="requirement"/> does not cover, first in document order; null when it covers all.</summary>
    private static string? Unmet(MergedSchema schema, MergedType parent, SelectionSetNode selections, AccessRequirements requirement)
    {
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case FieldNode node when parent.Field(node.Name.Value) is { } field:
                    var returned = schema.Type(FieldSets.NamedType(field.Type));
                    if (!requirement.Satisfies(field.Access) || (returned is not null && !requirement.Satisfies(returned.Access)))
                    {
                        return $"field \"{field.Coordinate}\" data";
                    }

                    if (node.SelectionSet is { } nested && returned is not null && Unmet(schema, returned, nested, requirement) is { } inner)
                    {
                        return inner;
                    }

                    break;
                case InlineFragmentNode fragment:
                    var target = fragment.TypeCondition is { } condition ? schema.Type(condition.Name.Value) : parent;
                    if (target is null)
                    {
                        break;
                    }

                    if (fragment.TypeCondition is not null && !requirement.Satisfies(target.Access))
                    {
                        return $"data in inline fragment type condition \"{target.Name}\"";
                    }

                    if (Unmet(schema, target, fragment.SelectionSet, requirement) is { } innerFragment)
                    {
                        return innerFragment;
                    }

                    break;
            }
        }

        return null;
    }
}
