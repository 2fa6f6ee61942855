using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;
using Federation.GraphQL.Types.SchemaValidation;

namespace Federation.GraphQL.Validation;

/// <summary>
/// https://spec.graphql.org/September2025/#sec-Validation — checks a document against a schema
/// with graphql-js 17's rules, messages and error order.
/// </summary>
public static class DocumentValidator
{
    internal const string TooManyErrorsMessage = "Too many validation errors, error limit reached. Validation aborted.";

    /// <summary>
    /// The errors of an executable document, in the order graphql-js reports them; empty when it is valid.
    /// After <paramref name="maxErrors"/> errors validation stops and one more error says so.
    /// </summary>
    /// <exception cref="InvalidSchemaException">The schema itself is invalid (graphql-js's assertValidSchema).</exception>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<ValidationRule>? rules = null, int maxErrors = 100) =>
        Validate(schema, document, rules, maxErrors, hideSuggestions: false);

    /// <summary>
    /// As <see cref="Validate(Schema, DocumentNode, IReadOnlyList{ValidationRule}?, int)"/>, stopping
    /// with <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled
    /// (a server's time limit, a client that went away).
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, CancellationToken cancellationToken) =>
        Validate(schema, document, rules: null, maxErrors: 100, hideSuggestions: false, cancellationToken, out _);

    internal static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, IReadOnlyList<ValidationRule>? rules, int maxErrors, bool hideSuggestions) =>
        Validate(schema, document, rules, maxErrors, hideSuggestions, CancellationToken.None, out _);

    /// <param name="work">Nodes visited and comparisons made, for tests that bound it by the document's size.</param>
    internal static IReadOnlyList<GraphQLError> Validate(
        Schema schema, DocumentNode document, IReadOnlyList<ValidationRule>? rules, int maxErrors, bool hideSuggestions, CancellationToken cancellationToken, out long work)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);

        // As graphql-js's validate: a document cannot be judged against an invalid schema. The
        // schema's errors are computed once and kept on it.
        SchemaValidator.AssertValid(schema);
        cancellationToken.ThrowIfCancellationRequested();
        rules ??= SpecifiedRules.All;
        var errors = new List<GraphQLError>();
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, error =>
        {
            if (errors.Count >= maxErrors)
            {
                throw new ValidationAbortedException(TooManyErrorsMessage);
            }

            errors.Add(error);
        })
        {
            HideSuggestions = hideSuggestions,
            CancellationToken = cancellationToken,
        };
        try
        {
            var visitors = new RuleVisitor[rules.Count];
            for (var i = 0; i < visitors.Length; i++)
            {
                visitors[i] = rules[i].CreateVisitor(context);
            }

            new ParallelRuleWalker(context, rules, visitors, typeInfo).Walk(document);
        }
        catch (ValidationAbortedException aborted)
        {
            errors.Add(new GraphQLError(aborted.Message));
        }

        work = context.Work;
        return errors;
    }

    /// <summary>
    /// The errors of a type system document (graphql-js <c>validateSDL</c>), optionally as an
    /// extension of <paramref name="schemaToExtend"/>. Used by the schema builder before it builds.
    /// </summary>
    public static IReadOnlyList<GraphQLError> ValidateSdl(DocumentNode sdl, Schema? schemaToExtend = null)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        var errors = new List<GraphQLError>();
        var context = new SdlValidationContext(sdl, schemaToExtend, errors.Add);
        var rules = SpecifiedRules.Sdl;
        var visitors = new RuleVisitor[rules.Count];
        for (var i = 0; i < visitors.Length; i++)
        {
            visitors[i] = rules[i].CreateVisitor(context);
        }

        new ParallelRuleWalker(context, rules, visitors, typeInfo: null).Walk(sdl);
        return errors;
    }
}
