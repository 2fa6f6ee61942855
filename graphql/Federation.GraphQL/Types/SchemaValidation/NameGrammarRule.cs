using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.SchemaValidation;

/// <summary>
/// "Name :: NameStart NameContinue* [lookahead != NameContinue]"
/// https://spec.graphql.org/September2025/#Name — and "EnumValue : Name but not `true`, `false` or `null`"
/// https://spec.graphql.org/September2025/#EnumValue.
/// SDL cannot break these, but a schema built in code can. graphql-js rejects such names when a
/// type is constructed (assertName, assertEnumValueName); our type model accepts any string, so the
/// same messages are reported here instead.
/// </summary>
internal static class NameGrammarRule
{
    public static void Validate(SchemaValidationContext context, string name, SyntaxNode? definition)
    {
        if (name.Length == 0)
        {
            context.ReportError("Expected name to be a non-empty string.", definition);
            return;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameContinue(name[i]))
            {
                context.ReportError($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.", definition);
                return;
            }
        }

        if (!IsNameStart(name[0]))
        {
            context.ReportError($"Names must start with [_a-zA-Z] but \"{name}\" does not.", definition);
        }
    }

    public static void ValidateEnumValue(SchemaValidationContext context, string name, SyntaxNode? definition)
    {
        if (name is "true" or "false" or "null")
        {
            context.ReportError($"Enum values cannot be named: {name}", definition);
            return;
        }

        Validate(context, name, definition);
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
