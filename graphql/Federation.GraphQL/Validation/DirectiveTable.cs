using System.Runtime.CompilerServices;
using Federation.GraphQL.Language;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.GraphQL.Validation;

/// <summary>
/// What the directive rules need to know of each directive in scope: the schema's (or the
/// specified ones when there is no schema), overridden by directives the document defines.
/// Kept per schema when the document defines none, which is the case for every executable document.
/// </summary>
internal sealed class DirectiveTable
{
    private static readonly ConditionalWeakTable<Schema, DirectiveTable> BySchema = [];

    private readonly Dictionary<string, Entry> entries = [];

    private DirectiveTable(IEnumerable<DirectiveDefinition> defined, DocumentNode? document)
    {
        foreach (var directive in defined)
        {
            entries[directive.Name] = new Entry(
                [.. directive.Locations.Select(Rules.KnownDirectivesRule.LocationName)],
                [.. directive.Arguments.Select(a => a.Name)],
                !directive.IsRepeatable,
                [.. directive.Arguments.Where(a => a.Type is NonNullType && !a.HasDefaultValue).Select(a => (a.Name, a.Type.ToString()))]);
        }

        if (document is null)
        {
            return;
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                entries[directive.Name.Value] = new Entry(
                    [.. directive.Locations.Select(l => l.Value)],
                    [.. directive.Arguments.Select(a => a.Name.Value).Distinct()],
                    !directive.Repeatable,
                    RequiredArguments(directive));
            }
        }
    }

    public static DirectiveTable For(AstValidationContext context)
    {
        var schema = context.SchemaOrNull;
        var definesDirectives = false;
        foreach (var definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode)
            {
                definesDirectives = true;
                break;
            }
        }

        if (schema is not null && !definesDirectives)
        {
            return BySchema.GetValue(schema, s => new DirectiveTable(s.Directives, document: null));
        }

        return new DirectiveTable(schema?.Directives ?? (IEnumerable<DirectiveDefinition>)SpecifiedDirectives.All, context.Document);
    }

    public Entry? Get(string name) => entries.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>The arguments that must be given, in order; a later argument of the same name replaces an earlier one in place, as a JavaScript Map does.</summary>
    private static List<(string Name, string Type)> RequiredArguments(DirectiveDefinitionNode directive)
    {
        var required = new List<(string, string)>();
        var seen = new Dictionary<string, int>();
        foreach (var argument in directive.Arguments)
        {
            if (argument.Type is NonNullTypeNode && argument.DefaultValue is null)
            {
                var entry = (argument.Name.Value, Printer.Print(argument.Type));
                if (seen.TryGetValue(argument.Name.Value, out var index))
                {
                    required[index] = entry;
                }
                else
                {
                    seen[argument.Name.Value] = required.Count;
                    required.Add(entry);
                }
            }
        }

        return required;
    }

    /// <param name="Locations">The locations it may be used at, as SDL names them.</param>
    /// <param name="ArgumentNames">Its arguments' names in definition order.</param>
    /// <param name="IsUnique">Not repeatable: at most once per location.</param>
    /// <param name="RequiredArguments">Non-null arguments without default, with their printed types.</param>
    internal sealed record Entry(HashSet<string> Locations, List<string> ArgumentNames, bool IsUnique, List<(string Name, string Type)> RequiredArguments);
}
