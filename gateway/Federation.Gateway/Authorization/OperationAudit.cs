using Federation.Gateway.Audit;
using Federation.Gateway.Catalogue;
using Federation.GraphQL.Language.Syntax;
using Federation.GraphQL.Types;

namespace Federation.Gateway.Authorization;

/// <summary>
/// What the audit trail needs of one operation, independent of the caller and of the variables, so
/// it is made once per document with its analysis (<see cref="OperationFields.Audit"/>) and kept with
/// it: the distinct field coordinates the operation can read and their resources (the field list of a
/// request where every resource is allowed without a grant is <see cref="AllAllowed"/> itself, shared
/// by every such request); the data subjects — the identifier selections added to the document the
/// planner sees (<see cref="SubjectSelections"/>) and the walk that finds them in the merged data
/// (<see cref="Subjects"/>).
/// </summary>
internal sealed class OperationAudit
{
    /// <summary>The reserved alias prefix of a subject's identifier, fetched beside its object; the type name follows.</summary>
    public const string SubjectAliasPrefix = "_auditSubjectOf";

    private OperationAudit(
        string[] coordinates,
        int[] coordinateOf,
        int[] resourceOf,
        bool hasDirectives,
        AuditedField[] allAllowed,
        IReadOnlyDictionary<FieldNode, SubjectSelection[]>? subjectSelections,
        SubjectLevel? subjects,
        bool usesReservedAlias)
    {
        Coordinates = coordinates;
        CoordinateOf = coordinateOf;
        ResourceOfCoordinate = resourceOf;
        HasDirectives = hasDirectives;
        AllAllowed = allAllowed;
        SubjectSelections = subjectSelections;
        Subjects = subjects;
        UsesReservedAlias = usesReservedAlias;
        AsSent = subjectSelections is null ? AuthorizedOperation.AsSent : AuthorizedOperation.AsSentWithSubjects(subjectSelections);
    }

    /// <summary>The distinct coordinates (<c>Type.field</c>) of the operation's fields that a catalogue resource covers, in the order first met.</summary>
    public string[] Coordinates { get; }

    /// <summary>Per field (<see cref="OperationField.Index"/>), its coordinate's number in <see cref="Coordinates"/>; -1 for a field no resource covers.</summary>
    public int[] CoordinateOf { get; }

    /// <summary>Per coordinate, its resource's index in <see cref="OperationFields.Resources"/>.</summary>
    public int[] ResourceOfCoordinate { get; }

    /// <summary>Whether a selection carries a directive: only then can a request's variables leave a field out (<c>@skip</c>/<c>@include</c>).</summary>
    public bool HasDirectives { get; }

    /// <summary>Every coordinate allowed on every row without a grant: the field list of the common request.</summary>
    public AuditedField[] AllAllowed { get; }

    /// <summary>Per field node of the client's document whose type is, or may be, a subject type: the identifiers to fetch beside it; null when none is.</summary>
    public IReadOnlyDictionary<FieldNode, SubjectSelection[]>? SubjectSelections { get; }

    /// <summary>The walk over the merged data that finds the subjects; null when the operation reaches none.</summary>
    public SubjectLevel? Subjects { get; }

    /// <summary>Whether the client's document uses one of the gateway's reserved aliases itself: it is refused, or it could stand in for the gateway's own selections.</summary>
    public bool UsesReservedAlias { get; }

    /// <summary>Authorization's outcome when it changes nothing: <see cref="AuthorizedOperation.AsSent"/>, with the subjects' identifiers added when there are some.</summary>
    public AuthorizedOperation AsSent { get; }

    public static string SubjectAlias(string typeName) => SubjectAliasPrefix + typeName;

    /// <summary>Whether <paramref name="responseName"/> is one of the gateway's reserved aliases.</summary>
    public static bool IsReserved(string responseName) =>
        responseName.StartsWith(SubjectAliasPrefix, StringComparison.Ordinal)
        || responseName.StartsWith(DocumentFilter.DivisionAliasPrefix, StringComparison.Ordinal);

    /// <summary>The audit's view of <paramref name="operation"/>; with <paramref name="subjects"/>, the subjects' identifiers are fetched and found too.</summary>
    public static OperationAudit Of(OperationFields operation, CatalogueFields fields, bool subjects)
    {
        var catalogue = fields.Catalogue;
        var byCoordinate = new Dictionary<string, int>(StringComparer.Ordinal);
        var coordinates = new List<string>();
        var resourceOf = new List<int>();
        var coordinateOf = new int[operation.Fields.Count];
        foreach (var field in operation.Fields)
        {
            if (field.Resource < 0)
            {
                coordinateOf[field.Index] = -1;
                continue;
            }

            var coordinate = field.ParentType.Name + "." + field.Node.Name.Value;
            if (!byCoordinate.TryGetValue(coordinate, out var number))
            {
                number = coordinates.Count;
                byCoordinate[coordinate] = number;
                coordinates.Add(coordinate);
                resourceOf.Add(field.Resource);
            }

            coordinateOf[field.Index] = number;
        }

        var allAllowed = new AuditedField[coordinates.Count];
        for (var i = 0; i < allAllowed.Length; i++)
        {
            var resource = operation.Resources[resourceOf[i]];
            allAllowed[i] = new AuditedField(coordinates[i], resource.Id, resource.Class.WireName(), FieldDecision.Allowed);
        }

        var selections = subjects && catalogue.Subjects.Count > 0 ? SubjectSelectionsOf(operation, fields) : null;
        var levels = selections is null ? null : new LevelBuilder(operation, fields, selections).Root();
        return new OperationAudit(
            [.. coordinates],
            coordinateOf,
            [.. resourceOf],
            HasAnyDirective(operation),
            allAllowed,
            selections,
            levels,
            UsesReserved(operation.Document));
    }

    private static bool HasAnyDirective(OperationFields operation)
    {
        return Any(operation.Selections) || operation.Fragments.Values.Any(Any);

        static bool Any(Selection[] selections)
        {
            foreach (var selection in selections)
            {
                if (selection.Directives.Count > 0)
                {
                    return true;
                }

                var inner = selection switch
                {
                    FieldSelection field => field.Field.Selections,
                    InlineSelection inline => inline.Selections,
                    _ => [],
                };
                if (Any(inner))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether any field of the document — the operation's or a fragment's — answers under a reserved alias.</summary>
    private static bool UsesReserved(DocumentNode document)
    {
        foreach (var definition in document.Definitions)
        {
            var set = definition switch
            {
                OperationDefinitionNode operation => operation.SelectionSet,
                FragmentDefinitionNode fragment => fragment.SelectionSet,
                _ => null,
            };
            if (set is not null && Uses(set))
            {
                return true;
            }
        }

        return false;

        static bool Uses(SelectionSetNode set)
        {
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case FieldNode field when IsReserved(field.ResponseName) || (field.SelectionSet is { } inner && Uses(inner)):
                    case InlineFragmentNode inline when Uses(inline.SelectionSet):
                        return true;
                }
            }

            return false;
        }
    }

    /// <summary>Per field whose type is a subject type, or an abstract type a subject type belongs to: the identifiers to fetch beside it.</summary>
    private static Dictionary<FieldNode, SubjectSelection[]>? SubjectSelectionsOf(OperationFields operation, CatalogueFields fields)
    {
        Dictionary<FieldNode, SubjectSelection[]>? found = null;
        foreach (var field in operation.Fields)
        {
            if (field.Node.SelectionSet is null || TypeOf(field) is not { } type)
            {
                continue;
            }

            var here = SubjectTypes(type, fields);
            if (here.Length > 0)
            {
                (found ??= new Dictionary<FieldNode, SubjectSelection[]>(ReferenceEqualityComparer.Instance))[field.Node] = here;
            }
        }

        return found;
    }

    private static NamedType? TypeOf(OperationField field) =>
        field.ParentType is FieldsType parent && parent.GetField(field.Node.Name.Value) is { } definition ? definition.Type.Named : null;

    private static SubjectSelection[] SubjectTypes(NamedType type, CatalogueFields fields)
    {
        var subjects = fields.Catalogue.Subjects;
        switch (type)
        {
            case ObjectType when subjects.TryGetValue(type.Name, out var subject):
                return [new SubjectSelection(type.Name, SubjectAlias(type.Name), subject.Field, subject.Kind, Conditional: false)];
            case InterfaceType or UnionType:
                var found = new List<SubjectSelection>();
                foreach (var possible in fields.Schema.GetPossibleTypes(type))
                {
                    if (subjects.TryGetValue(possible.Name, out var of))
                    {
                        found.Add(new SubjectSelection(possible.Name, SubjectAlias(possible.Name), of.Field, of.Kind, Conditional: true));
                    }
                }

                return [.. found];
            default:
                return [];
        }
    }

    /// <summary>The subject walk, one level per field with a selection set, made once per field however often its fragment is spread.</summary>
    private sealed class LevelBuilder(OperationFields operation, CatalogueFields fields, Dictionary<FieldNode, SubjectSelection[]> selections)
    {
        private readonly Dictionary<int, SubjectLevel?> made = [];

        public SubjectLevel? Root() => Level(operation.Selections, null);

        private SubjectLevel? Of(OperationField field)
        {
            if (made.TryGetValue(field.Index, out var known))
            {
                return known;
            }

            // Marked first: a (not validated) cycle of fragments ends here.
            made[field.Index] = null;
            var level = Level(field.Selections, selections.GetValueOrDefault(field.Node));
            made[field.Index] = level;
            return level;
        }

        private SubjectLevel? Level(Selection[] selectionSet, SubjectSelection[]? here)
        {
            var collected = new List<OperationField>();
            Collect(selectionSet, collected, new HashSet<string>(StringComparer.Ordinal), new HashSet<int>());
            var subjects = new List<SubjectAt>();
            foreach (var subject in here ?? [])
            {
                var reads = new List<SubjectRead>();
                foreach (var field in collected)
                {
                    if (field.Resource >= 0 && AppliesTo(field.ParentType, subject.TypeName) && !reads.Exists(r => r.ResponseName == field.Node.ResponseName))
                    {
                        var divisionPath = fields.Catalogue.DivisionFields.GetValueOrDefault(field.ParentType.Name);
                        reads.Add(new SubjectRead(
                            field.Node.ResponseName,
                            field.Resource,
                            divisionPath is null ? null : DocumentFilter.DivisionAlias(field.ParentType.Name),
                            divisionPath is null ? null : divisionPath.Split('.')[1..]));
                    }
                }

                subjects.Add(new SubjectAt(subject.Kind, subject.Alias, [.. reads]));
            }

            var children = new List<SubjectChild>();
            foreach (var field in collected)
            {
                if (field.Selections.Length > 0 && Of(field) is { } child && !children.Exists(c => c.ResponseName == field.Node.ResponseName && ReferenceEquals(c.Level, child)))
                {
                    children.Add(new SubjectChild(field.Node.ResponseName, child));
                }
            }

            return subjects.Count == 0 && children.Count == 0 ? null : new SubjectLevel([.. subjects], [.. children]);
        }

        /// <summary>The fields of a selection set, through its inline fragments and spreads, each field node once.</summary>
        private void Collect(Selection[] selectionSet, List<OperationField> collected, HashSet<string> fragments, HashSet<int> seen)
        {
            foreach (var selection in selectionSet)
            {
                switch (selection)
                {
                    case FieldSelection { Field: var field } when seen.Add(field.Index):
                        collected.Add(field);
                        break;
                    case InlineSelection inline:
                        Collect(inline.Selections, collected, fragments, seen);
                        break;
                    case SpreadSelection spread when fragments.Add(spread.Fragment) && operation.Fragments.TryGetValue(spread.Fragment, out var fragment):
                        Collect(fragment, collected, fragments, seen);
                        break;
                }
            }
        }

        /// <summary>Whether a field selected on <paramref name="parentType"/> is read of an object of <paramref name="subjectType"/>.</summary>
        private bool AppliesTo(NamedType parentType, string subjectType) =>
            parentType.Name == subjectType
            || (parentType is InterfaceType or UnionType && fields.Schema.GetPossibleTypes(parentType).Any(t => t.Name == subjectType));
    }
}

/// <summary>An identifier to fetch beside a field's objects: <c>alias: field</c>, inside <c>... on Type</c> when the field's type is abstract.</summary>
internal sealed record SubjectSelection(string TypeName, string Alias, string Field, string Kind, bool Conditional);

/// <summary>One level of the subject walk: the subjects an object here may be, and the fields below that lead to more.</summary>
internal sealed record SubjectLevel(SubjectAt[] Subjects, SubjectChild[] Children);

/// <summary>A subject an object of this level may be — found when its identifier is in the object under <paramref name="Alias"/> — and the fields read of it here.</summary>
internal sealed record SubjectAt(string Kind, string Alias, SubjectRead[] Reads);

/// <summary>A field read of a subject: its response name, its resource, and where the row's division is when the type has one.</summary>
internal sealed record SubjectRead(string ResponseName, int Resource, string? DivisionAlias, string[]? DivisionPath);

internal sealed record SubjectChild(string ResponseName, SubjectLevel Level);
