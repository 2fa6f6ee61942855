using Federation.Protocol.Agencies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Federation.Gateway.Catalogue;

/// <summary>What reading a catalogue file gave: the catalogue, or the errors (never both).</summary>
internal sealed record CatalogueReading(ShareCatalogue? Catalogue, IReadOnlyList<CatalogueError> Errors);

/// <summary>
/// Reads <c>schema/catalogue.yaml</c> strictly: every key known, every required key present, every
/// enum value one of its names, ids and agency codes unique, every agency named in the file listed in
/// <c>agencies</c>, conditions only on CONDITIONAL resources and a legal basis on every NOT_SHARED one
/// (Kaifeng art. 11). All errors are collected, each with its line, so one run shows them all.
/// Whether the fields exist in a supergraph is composition's question (<see cref="CatalogueCoverage"/>).
/// </summary>
internal static class CatalogueReader
{
    private static readonly string[] FileKeys = ["agencies", "subgraphs", "divisionFields", "subjects", "resources"];
    private static readonly string[] SubjectKeys = ["field", "kind"];
    private static readonly string[] AgencyKeys = ["code", "name", "englishName", "division", "roles"];
    private static readonly string[] ResourceKeys = ["id", "name", "englishName", "provider", "class", "fields", "format", "provision", "updateFrequency", "conditions", "legalBasis"];
    private static readonly string[] ConditionKeys = ["agencies", "purposes", "applicationRequired", "divisionScoped", "rowScoped", "usageRequirements"];

    private static readonly Dictionary<string, ShareClass> Classes = new(StringComparer.Ordinal)
    {
        ["UNCONDITIONAL"] = ShareClass.Unconditional,
        ["CONDITIONAL"] = ShareClass.Conditional,
        ["NOT_SHARED"] = ShareClass.NotShared,
    };

    private static readonly Dictionary<string, ProvisionMethod> ProvisionMethods = new(StringComparer.Ordinal)
    {
        ["API"] = ProvisionMethod.Api,
        ["ONLINE_QUERY"] = ProvisionMethod.OnlineQuery,
        ["BULK_DOWNLOAD"] = ProvisionMethod.BulkDownload,
    };

    private static readonly Dictionary<string, UpdateFrequency> Frequencies = new(StringComparer.Ordinal)
    {
        ["REAL_TIME"] = UpdateFrequency.RealTime,
        ["DAILY"] = UpdateFrequency.Daily,
        ["WEEKLY"] = UpdateFrequency.Weekly,
        ["MONTHLY"] = UpdateFrequency.Monthly,
        ["QUARTERLY"] = UpdateFrequency.Quarterly,
        ["YEARLY"] = UpdateFrequency.Yearly,
    };

    public static CatalogueReading Read(string yaml)
    {
        var errors = new List<CatalogueError>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            return new CatalogueReading(null, [CatalogueErrorCodes.InvalidYaml(checked((int)exception.Start.Line), exception.InnerException?.Message ?? exception.Message)]);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner gives up this way on some broken flow collections; the position is lost with it.
            return new CatalogueReading(null, [CatalogueErrorCodes.InvalidYaml(1, exception.Message)]);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new CatalogueReading(null, [CatalogueErrorCodes.InvalidYaml(1, "the file is one mapping with agencies, subgraphs, divisionFields and resources.")]);
        }

        var file = new Section(root, "the catalogue", null, FileKeys, errors);
        var agencies = ReadAgencies(file, errors);
        var known = agencies.ToDictionary(a => a.Agency.Code, a => a.Line, StringComparer.Ordinal);
        var subgraphs = ReadNames(file, "subgraphs", errors, (name, code, line) =>
        {
            if (!known.ContainsKey(code))
            {
                errors.Add(CatalogueErrorCodes.UnknownAgency(null, line, "subgraphs." + name, code));
            }
        });
        var divisionFields = ReadNames(file, "divisionFields", errors, (_, _, _) => { });
        var subjects = ReadSubjects(file, errors);
        var resources = ReadResources(file, known, errors);

        return errors.Count > 0
            ? new CatalogueReading(null, errors)
            : new CatalogueReading(new ShareCatalogue([.. agencies.Select(a => a.Agency)], divisionFields, resources, subgraphs, subjects), []);
    }

    private static List<(CatalogueAgency Agency, int Line)> ReadAgencies(Section file, List<CatalogueError> errors)
    {
        var agencies = new List<(CatalogueAgency, int)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in file.Mappings("agencies"))
        {
            var entry = new Section(node, "an agency", null, AgencyKeys, errors);
            var code = entry.Text("code");
            var name = entry.Text("name");
            var englishName = entry.Text("englishName");
            var division = entry.Text("division");
            var roles = ReadRegistryRoles(entry, errors);
            if (code is not null && !CreditCode.TryParse(code, out _, out var why))
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(null, entry.LineOf("code"), "code", code, "a unified social credit code (" + why + ")"));
            }

            if (division is not null && !DivisionCode.TryParse(division, out _, out var divisionWhy))
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(null, entry.LineOf("division"), "division", division, "a GB/T 2260 division code (" + divisionWhy + ")"));
            }

            if (code is null || name is null || englishName is null || division is null)
            {
                continue;
            }

            if (lines.TryGetValue(code, out var first))
            {
                errors.Add(CatalogueErrorCodes.DuplicateAgency(code, entry.Line, first));
                continue;
            }

            lines[code] = entry.Line;
            agencies.Add((new CatalogueAgency(code, name, englishName, division, roles), entry.Line));
        }

        return agencies;
    }

    /// <summary>An agency's optional <c>roles</c>: registry roles only, each once.</summary>
    private static List<string>? ReadRegistryRoles(Section entry, List<CatalogueError> errors)
    {
        if (entry.Optional("roles") is null)
        {
            return null;
        }

        var roles = new List<string>();
        foreach (var (role, line) in entry.Texts("roles", "a list of registry roles") ?? [])
        {
            if (!RegistryRoles.All.Contains(role, StringComparer.Ordinal))
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(null, line, "roles", $"\"{role}\"",
                    $"one of {string.Join(", ", RegistryRoles.All)} (share-applicant is every agency's, share-approver every providing agency's)"));
            }
            else if (!roles.Contains(role, StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    /// <summary>
    /// The optional <c>subjects</c>: type → <c>{ field, kind }</c>. Whether the type and its field exist
    /// and the field is a scalar is known only with the supergraph (<see cref="CatalogueCoverage"/>);
    /// the kind's spelling is checked here.
    /// </summary>
    private static Dictionary<string, DataSubject> ReadSubjects(Section file, List<CatalogueError> errors)
    {
        var subjects = new Dictionary<string, DataSubject>(StringComparer.Ordinal);
        switch (file.Optional("subjects"))
        {
            case null:
                return subjects;
            case YamlMappingNode mapping:
                foreach (var (name, value) in mapping.Children)
                {
                    if (name is not YamlScalarNode { Value: { Length: > 0 } type } || value is not YamlMappingNode entryNode)
                    {
                        errors.Add(CatalogueErrorCodes.InvalidValue(null, Line(name), "subjects", Describe(value), "a type name mapped to { field, kind }"));
                        continue;
                    }

                    var entry = new Section(entryNode, "a data subject", null, SubjectKeys, errors);
                    var field = entry.Text("field");
                    var kind = entry.Text("kind");
                    if (kind is not null && !IsScreamingSnake(kind))
                    {
                        errors.Add(CatalogueErrorCodes.InvalidValue(null, entry.LineOf("kind"), "kind", $"\"{kind}\"", "a kind in SCREAMING_SNAKE_CASE (e.g. CITIZEN_ID)"));
                        continue;
                    }

                    if (field is not null && kind is not null)
                    {
                        subjects[type] = new DataSubject(field, kind);
                    }
                }

                return subjects;
            case var other:
                errors.Add(CatalogueErrorCodes.InvalidValue(null, Line(other), "subjects", Describe(other), "a mapping of type names to { field, kind }"));
                return subjects;
        }
    }

    /// <summary>Upper-case ASCII letters and digits in words joined by single underscores, starting with a letter.</summary>
    private static bool IsScreamingSnake(string text)
    {
        if (text.Length == 0 || text[0] is < 'A' or > 'Z' || text[^1] == '_')
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' || (c == '_' && text[i - 1] != '_')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A mapping of names to text (<c>subgraphs</c>, <c>divisionFields</c>).</summary>
    private static Dictionary<string, string> ReadNames(Section file, string key, List<CatalogueError> errors, Action<string, string, int> check)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (file.Required(key) is not { } node)
        {
            return names;
        }

        if (node is not YamlMappingNode mapping)
        {
            errors.Add(CatalogueErrorCodes.InvalidValue(null, Line(node), key, Describe(node), "a mapping of names to text"));
            return names;
        }

        foreach (var (name, value) in mapping.Children)
        {
            if (name is YamlScalarNode { Value: { Length: > 0 } nameText } && value is YamlScalarNode { Value: { Length: > 0 } text })
            {
                names[nameText] = text;
                check(nameText, text, Line(value));
            }
            else
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(null, Line(name), key, Describe(value), "a name mapped to text"));
            }
        }

        return names;
    }

    private static List<CatalogueResource> ReadResources(Section file, Dictionary<string, int> agencies, List<CatalogueError> errors)
    {
        var resources = new List<CatalogueResource>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in file.Mappings("resources"))
        {
            var id = (node.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? (idNode as YamlScalarNode)?.Value : null) ?? $"at line {Line(node)}";
            var entry = new Section(node, "a resource", id, ResourceKeys, errors);
            entry.Text("id");
            var name = entry.Text("name");
            var englishName = entry.Text("englishName");
            var provider = entry.Text("provider");
            var shareClass = entry.Enum("class", Classes);
            var fields = entry.Texts("fields");
            var format = entry.Text("format");
            var provision = entry.Enums("provision", ProvisionMethods);
            var frequency = entry.Enum("updateFrequency", Frequencies);
            var legalBasis = entry.Text("legalBasis", required: false);
            var duplicate = lines.TryGetValue(id, out var first);
            if (duplicate)
            {
                errors.Add(CatalogueErrorCodes.DuplicateId(id, entry.Line, first));
            }
            else
            {
                lines[id] = entry.Line;
            }

            if (provider is not null && !agencies.ContainsKey(provider))
            {
                errors.Add(CatalogueErrorCodes.UnknownAgency(id, entry.LineOf("provider"), "provider", provider));
            }

            var conditions = shareClass switch
            {
                ShareClass.Conditional when entry.Optional("conditions") is null => Refuse(CatalogueErrorCodes.ConditionsRequired(id, entry.Line)),
                ShareClass.Conditional => ReadConditions(entry, id, agencies, errors),
                not null when entry.Optional("conditions") is not null => Refuse(CatalogueErrorCodes.ConditionsNotAllowed(id, entry.LineOf("conditions"), Wire(shareClass.Value))),
                _ => null,
            };
            if (shareClass == ShareClass.NotShared && string.IsNullOrWhiteSpace(legalBasis))
            {
                errors.Add(CatalogueErrorCodes.LegalBasisRequired(id, entry.LineOf("legalBasis")));
            }
            else if (shareClass is { } shared && shared != ShareClass.NotShared && legalBasis is not null)
            {
                errors.Add(CatalogueErrorCodes.LegalBasisNotAllowed(id, entry.LineOf("legalBasis"), Wire(shared)));
            }

            // Whether a coordinate is a field, an input field or an argument, and whether a division-scoped
            // field's type has a divisionFields entry, is known only with the supergraph (CatalogueCoverage).
            var coordinates = new List<string>();
            foreach (var (coordinate, line) in fields ?? [])
            {
                if (!SchemaCoordinate.TryParse(coordinate, out _))
                {
                    errors.Add(CatalogueErrorCodes.InvalidCoordinate(id, line, coordinate));
                    continue;
                }

                coordinates.Add(coordinate);
            }

            if (!duplicate && name is not null && englishName is not null && provider is not null && shareClass is not null && fields is not null
                && format is not null && provision is not null && frequency is not null)
            {
                resources.Add(new CatalogueResource(id, name, englishName, provider, shareClass.Value, coordinates, format, provision, frequency.Value, conditions,
                    shareClass == ShareClass.NotShared ? legalBasis : null));
            }
        }

        return resources;

        ShareConditions? Refuse(CatalogueError error)
        {
            errors.Add(error);
            return null;
        }
    }

    private static ShareConditions? ReadConditions(Section resource, string id, Dictionary<string, int> agencies, List<CatalogueError> errors)
    {
        if (resource.Optional("conditions") is not YamlMappingNode node)
        {
            errors.Add(CatalogueErrorCodes.InvalidValue(id, resource.LineOf("conditions"), "conditions", Describe(resource.Optional("conditions")!), "a mapping"));
            return null;
        }

        var conditions = new Section(node, "the conditions", id, ConditionKeys, errors);
        List<string>? scope = null;
        var any = conditions.Optional("agencies") is YamlScalarNode { Value: "any" };
        if (!any && conditions.Texts("agencies", "a list of agency codes or any") is { } codes)
        {
            scope = [];
            foreach (var (code, line) in codes)
            {
                if (!agencies.ContainsKey(code))
                {
                    errors.Add(CatalogueErrorCodes.UnknownAgency(id, line, "agencies", code));
                }

                scope.Add(code);
            }
        }

        var purposes = new List<Purpose>();
        var purposeTexts = conditions.Texts("purposes");
        if (purposeTexts is { Count: 0 })
        {
            errors.Add(CatalogueErrorCodes.EmptyPurposes(id, conditions.LineOf("purposes")));
        }

        foreach (var (text, line) in purposeTexts ?? [])
        {
            if (Purposes.TryParse(text, out var purpose))
            {
                purposes.Add(purpose.Value);
            }
            else
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(id, line, "purposes", text, "one of " + string.Join(", ", Purposes.All.Select(p => p.WireName()))));
            }
        }

        var application = conditions.Boolean("applicationRequired");
        var divisionScoped = conditions.Boolean("divisionScoped");
        var usage = conditions.Text("usageRequirements", required: false);

        // Optional, false when absent: most resources' rows are not secret, only some of their fields.
        var rowScoped = conditions.Optional("rowScoped") is null ? false : conditions.Boolean("rowScoped");
        return (any || scope is not null) && application is not null && divisionScoped is not null && rowScoped is not null
            ? new ShareConditions(any ? null : scope, purposes, application.Value, divisionScoped.Value, usage) { RowScoped = rowScoped.Value }
            : null;
    }

    private static string Wire(ShareClass shareClass) => Classes.First(c => c.Value == shareClass).Key;

    private static int Line(YamlNode node) => checked((int)node.Start.Line);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => $"\"{scalar.Value}\"",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    /// <summary>One mapping of the file, checked for unknown keys when it is made.</summary>
    private sealed class Section
    {
        private readonly YamlMappingNode node;
        private readonly string where;
        private readonly string? resource;
        private readonly List<CatalogueError> errors;

        public Section(YamlMappingNode node, string where, string? resource, string[] keys, List<CatalogueError> errors)
        {
            this.node = node;
            this.where = where;
            this.resource = resource;
            this.errors = errors;
            foreach (var key in node.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
                {
                    errors.Add(CatalogueErrorCodes.UnknownKey(resource, Line(key), (key as YamlScalarNode)?.Value ?? Describe(key), where, keys));
                }
            }
        }

        public int Line => CatalogueReader.Line(node);

        public int LineOf(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? CatalogueReader.Line(value) : Line;

        public YamlNode? Optional(string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public YamlNode? Required(string key)
        {
            var value = Optional(key);
            if (value is null)
            {
                errors.Add(CatalogueErrorCodes.MissingKey(resource, Line, key, char.ToUpperInvariant(where[0]) + where[1..]));
            }

            return value;
        }

        public string? Text(string key, bool required = true)
        {
            var value = required ? Required(key) : Optional(key);
            switch (value)
            {
                case null:
                    return null;
                case YamlScalarNode { Value: { } text } when !string.IsNullOrWhiteSpace(text):
                    return text;
                default:
                    errors.Add(CatalogueErrorCodes.InvalidValue(resource, CatalogueReader.Line(value), key, Describe(value), "text"));
                    return null;
            }
        }

        public bool? Boolean(string key)
        {
            var value = Required(key);
            switch (value)
            {
                case null:
                    return null;
                case YamlScalarNode { Value: "true" }:
                    return true;
                case YamlScalarNode { Value: "false" }:
                    return false;
                default:
                    errors.Add(CatalogueErrorCodes.InvalidValue(resource, CatalogueReader.Line(value), key, Describe(value), "true or false"));
                    return null;
            }
        }

        public T? Enum<T>(string key, Dictionary<string, T> names)
            where T : struct
        {
            var text = Text(key);
            if (text is null)
            {
                return null;
            }

            if (names.TryGetValue(text, out var value))
            {
                return value;
            }

            errors.Add(CatalogueErrorCodes.InvalidValue(resource, LineOf(key), key, $"\"{text}\"", "one of " + string.Join(", ", names.Keys)));
            return null;
        }

        public List<T>? Enums<T>(string key, Dictionary<string, T> names)
        {
            var texts = Texts(key);
            if (texts is null)
            {
                return null;
            }

            var values = new List<T>();
            foreach (var (text, line) in texts)
            {
                if (names.TryGetValue(text, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    errors.Add(CatalogueErrorCodes.InvalidValue(resource, line, key, $"\"{text}\"", "one of " + string.Join(", ", names.Keys)));
                }
            }

            return values;
        }

        /// <summary>A list of text items with their lines; null (and an error) when missing or not a list of text.</summary>
        public List<(string Text, int Line)>? Texts(string key, string expected = "a list of text")
        {
            var value = Required(key);
            if (value is null)
            {
                return null;
            }

            if (value is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(resource, CatalogueReader.Line(value), key, Describe(value), expected));
                return null;
            }

            return [.. sequence.Children.Select(c => (((YamlScalarNode)c).Value!, CatalogueReader.Line(c)))];
        }

        public IEnumerable<YamlMappingNode> Mappings(string key)
        {
            var value = Required(key);
            if (value is null)
            {
                return [];
            }

            if (value is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlMappingNode))
            {
                errors.Add(CatalogueErrorCodes.InvalidValue(resource, CatalogueReader.Line(value), key, Describe(value), "a list of mappings"));
                return [];
            }

            return sequence.Children.Cast<YamlMappingNode>();
        }
    }
}
