using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition.Rules;

/// <summary>
/// Removing <c>@inaccessible</c> elements leaves a valid API schema: no visible field, argument
/// or member refers to an inaccessible type; no required argument or input field is inaccessible;
/// no visible type is left with only inaccessible fields, values or members.
/// https://www.apollographql.com/docs/graphos/schema-design/federated-schemas/reference/directives#inaccessible
/// </summary>
internal sealed class InaccessibleRule : IMergeRule
{
    public void Check(MergedSchema schema, List<CompositionError> errors)
    {
        if (schema.InaccessibleName is null)
        {
            return;
        }

        bool Hidden(string typeName) => schema.Type(typeName)?.IsInaccessible == true;

        foreach (var type in schema.Types.Values.Where(t => !t.IsInaccessible))
        {
            foreach (var field in type.Fields.Where(f => !f.IsInaccessible))
            {
                if (Hidden(FieldSets.NamedType(field.Type)))
                {
                    errors.Add(CompositionErrorCodes.ReferencedInaccessible(FieldSets.NamedType(field.Type), field.Coordinate));
                }

                foreach (var argument in field.Arguments)
                {
                    if (argument.IsInaccessible && argument.Type is NonNullTypeNode && argument.DefaultValue is null)
                    {
                        errors.Add(CompositionErrorCodes.RequiredInaccessible(argument.Coordinate));
                    }
                    else if (!argument.IsInaccessible && Hidden(FieldSets.NamedType(argument.Type)))
                    {
                        errors.Add(CompositionErrorCodes.ReferencedInaccessible(FieldSets.NamedType(argument.Type), argument.Coordinate));
                    }
                }
            }

            if (type.Kind == TypeKind.InputObject)
            {
                foreach (var field in type.Fields.Where(f => f.IsInaccessible && f.Type is NonNullTypeNode && f.DefaultValue is null))
                {
                    errors.Add(CompositionErrorCodes.RequiredInaccessible(field.Coordinate));
                }
            }

            var childrenHidden = type.Kind switch
            {
                TypeKind.Enum => type.Values.Count > 0 && type.Values.TrueForAll(v => v.IsInaccessible),
                TypeKind.Union => type.Members.Count > 0 && type.Members.TrueForAll(Hidden),
                TypeKind.Scalar => false,
                _ => type.Fields.Count > 0 && type.Fields.TrueForAll(f => f.IsInaccessible),
            };
            if (childrenHidden)
            {
                errors.Add(CompositionErrorCodes.OnlyInaccessibleChildren(type.Name));
            }
        }
    }
}
