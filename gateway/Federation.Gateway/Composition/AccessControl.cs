using System.Text;
using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>
/// The access-control directives (<c>@authenticated</c>, <c>@requiresScopes</c>, <c>@policy</c>) as
/// Apollo's composition carries them: each linked to its own spec for SECURITY, the scopes and
/// policies of one element in several subgraphs merged into one requirement that asks for all of
/// them (a conjunction of disjunctions, Apollo's <c>dnfConjunction</c>), so no subgraph's rule is
/// weakened in the supergraph.
/// https://www.apollographql.com/docs/graphos/routing/security/authorization
/// </summary>
internal static class AccessControl
{
    /// <summary>The specs in the order Apollo links them, with the argument that carries each one's requirement.</summary>
    public static readonly (string SpecName, string Url, string? Argument, string? ScalarType)[] Specs =
    [
        ("authenticated", "https://specs.apollo.dev/authenticated/v0.1", null, null),
        ("requiresScopes", "https://specs.apollo.dev/requiresScopes/v0.1", "scopes", "requiresScopes__Scope"),
        ("policy", "https://specs.apollo.dev/policy/v0.1", "policies", "policy__Policy"),
    ];

    public const string Locations = "FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM";

    public static bool IsAccessControl(string? specName) => specName is "authenticated" or "requiresScopes" or "policy";

    public static string? ArgumentOf(string specName) => Array.Find(Specs, s => s.SpecName == specName).Argument;

    /// <summary>The requirement an application states: its list of alternatives, each a list of names all required.</summary>
    public static List<List<string>> Requirement(DirectiveNode directive, string argument) =>
        directive.Arguments.FirstOrDefault(a => a.Name.Value == argument)?.Value is ListValueNode alternatives
            ? [.. alternatives.Values.Select(v => v is ListValueNode all ? all.Values.OfType<StringValueNode>().Select(s => s.Value).ToList() : [])]
            : [];

    /// <summary>
    /// Apollo's <c>dnfConjunction</c>: the requirement satisfied exactly when each of
    /// <paramref name="values"/> is, in disjunctive normal form, names sorted, subsumed alternatives dropped.
    /// </summary>
    public static List<List<string>> Conjunction(IEnumerable<List<List<string>>> values)
    {
        var normalized = values.Select(v => v.Count == 0 ? [[]] : v.Select(inner => inner.ToList()).ToList()).ToList();
        if (normalized.Count == 0)
        {
            return [];
        }

        var filtered = new List<List<List<string>>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in normalized)
        {
            foreach (var inner in value)
            {
                inner.Sort(StringComparer.Ordinal);
            }

            value.Sort((a, b) => string.CompareOrdinal(Json(a), Json(b)));
            if (seen.Add(Json(value)))
            {
                filtered.Add(value);
            }
        }

        var result = filtered[0];
        for (var i = 1; i < filtered.Count; i++)
        {
            var accumulator = new List<List<string>>();
            var candidates = new HashSet<string>(StringComparer.Ordinal);
            foreach (var accElement in result)
            {
                foreach (var currentElement in filtered[i])
                {
                    var candidate = accElement.Concat(currentElement.Where(e => !accElement.Contains(e))).ToList();
                    candidate.Sort(StringComparer.Ordinal);
                    if (candidates.Add(Json(candidate)))
                    {
                        accumulator.Add(candidate);
                    }
                }
            }

            result = WithoutSubsumed(accumulator);
        }

        return result;
    }

    /// <summary>Whether meeting <paramref name="first"/> always meets <paramref name="second"/> (Apollo's <c>isImplication</c>); a missing requirement is always met.</summary>
    public static bool Implies(List<List<string>>? first, List<List<string>>? second)
    {
        List<List<string>> Normalize(List<List<string>>? value) => value is null || value.Count == 0 ? [[]] : value;
        var secondNormalized = Normalize(second);
        return Normalize(first).TrueForAll(firstInner => secondNormalized.Exists(secondInner =>
        {
            var firstSet = new HashSet<string>(firstInner, StringComparer.Ordinal);
            return firstSet.Count >= secondInner.Distinct(StringComparer.Ordinal).Count() && secondInner.TrueForAll(firstSet.Contains);
        }));
    }

    public static string Print(string directiveName, string argument, List<List<string>> requirement) =>
        $"@{directiveName}({argument}: [{string.Join(", ", requirement.Select(all => "[" + string.Join(", ", all.Select(SupergraphValues.Quote)) + "]"))}])";

    private static List<List<string>> WithoutSubsumed(List<List<string>> values)
    {
        var result = new List<List<string>>();
        foreach (var candidate in values.OrderBy(v => v.Count))
        {
            var entry = new HashSet<string>(candidate, StringComparer.Ordinal);
            if (!result.Exists(r => r.TrueForAll(entry.Contains)))
            {
                result.Add(candidate);
            }
        }

        return result;
    }

    // JSON.stringify of a list of strings or of lists of strings: the sort key Apollo uses.
    private static string Json(List<string> value) =>
        new StringBuilder("[").AppendJoin(',', value.Select(s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")).Append(']').ToString();

    private static string Json(List<List<string>> value) => "[" + string.Join(',', value.Select(Json)) + "]";
}

/// <summary>What a supergraph element requires of a caller: authentication, scopes, policies (null when none).</summary>
internal sealed record AccessRequirements(bool Authenticated, List<List<string>>? Scopes, List<List<string>>? Policies)
{
    public static readonly AccessRequirements None = new(false, null, null);

    public bool IsNone => !Authenticated && Scopes is null && Policies is null;

    /// <summary>Both element's requirements together: a field's with its type's.</summary>
    public AccessRequirements And(AccessRequirements other) => new(
        Authenticated || other.Authenticated,
        Scopes is null ? other.Scopes : other.Scopes is null ? Scopes : AccessControl.Conjunction([Scopes, other.Scopes]),
        Policies is null ? other.Policies : other.Policies is null ? Policies : AccessControl.Conjunction([Policies, other.Policies]));

    /// <summary>Whether a caller meeting these requirements meets <paramref name="other"/>'s (Apollo's <c>AuthRequirementsOnElement.satisfies</c>).</summary>
    public bool Satisfies(AccessRequirements other) =>
        (Authenticated || !other.Authenticated) && AccessControl.Implies(Scopes, other.Scopes) && AccessControl.Implies(Policies, other.Policies);
}
