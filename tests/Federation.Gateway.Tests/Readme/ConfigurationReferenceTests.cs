using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Federation.Gateway.Hosting;
using Federation.Host;
using Federation.Protocol.Signing;
using Federation.ServiceDefaults.Telemetry;

namespace Federation.Gateway.Tests.Readme;

/// <summary>
/// The README's configuration reference against the code, both ways: every key an options class binds
/// (any class of the services' assemblies with a <c>Section</c> constant, walked property by property) or a
/// key constant names is in the reference, and every key of the reference is one of those or is read by
/// name in the services' source — so neither a new setting nor a removed one goes unnoticed.
/// </summary>
public sealed partial class ConfigurationReferenceTests
{
    /// <summary>The assemblies of the services that read configuration: the gateway, the one-command host, the protocol, the service defaults, the subgraphs.</summary>
    private static readonly Assembly[] Services =
    [
        typeof(GatewayOptions).Assembly,
        typeof(OneCommandRun).Assembly,
        typeof(GatewaySignatureOptions).Assembly,
        typeof(TelemetryOptions).Assembly,
        Assembly.Load("Federation.Subgraphs.Hosting"),
        Assembly.Load("Federation.Subgraphs.Population"),
        Assembly.Load("Federation.Subgraphs.LegalPersons"),
        Assembly.Load("Federation.Subgraphs.Spatial"),
        Assembly.Load("Federation.Subgraphs.Licences"),
    ];

    [Fact]
    public void Every_key_the_code_binds_is_in_the_reference()
    {
        var reference = ReferenceKeys();

        var missing = CodeKeys().Where(key => !reference.Contains(key)).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, "Keys the code reads that README.md's configuration reference does not list:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_key_of_the_reference_is_read_by_the_code()
    {
        var bound = CodeKeys();
        var source = ServiceSource();

        var unread = ReferenceKeys().Where(key => !bound.Contains(key) && !source.Contains($"\"{key}\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        Assert.True(unread.Count == 0, "Keys README.md's configuration reference lists that no options class binds and no code reads:\n" + string.Join("\n", unread));
    }

    [Fact]
    public void The_walk_finds_the_options_it_must()
    {
        var keys = CodeKeys();

        // Nested sections, dictionaries of sections and lists of sections each come out as the reference writes them.
        Assert.Contains("Gateway:Reload:Debounce", keys);
        Assert.Contains("Subgraphs:Endpoints:<name>:Url", keys);
        Assert.Contains("Subgraphs:Resilience:BreakDuration", keys);
        Assert.Contains("Authentication:SigningKeys:<n>:PublicKey", keys);
        Assert.Contains("Sharing:Calendar:Holidays", keys);
        Assert.Contains("Seals:Agencies:<n>:Pfx", keys);
        Assert.Contains("ConnectionStrings:Audit", keys);
        Assert.Contains("ConnectionStrings:Postgres", keys);
        Assert.Contains("Embedded:Persons", keys);
        Assert.DoesNotContain("GatewaySignature:Clock", keys); // a TimeProvider, which no configuration binds
        Assert.DoesNotContain("Audit:SpoolRoot", keys); // read-only
    }

    /// <summary>The keys in the first column of the reference's tables (a cell may list several).</summary>
    private static HashSet<string> ReferenceKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in TableRow().Matches(ReadmeDocument.Committed.Region("configuration-reference")).Select(m => m.Groups["keys"].Value))
        {
            foreach (Match key in BacktickedKey().Matches(row))
            {
                keys.Add(key.Groups[1].Value);
            }
        }

        Assert.NotEmpty(keys);
        return keys;
    }

    /// <summary>The keys the services' options classes bind, and their key constants.</summary>
    private static HashSet<string> CodeKeys()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in Services.SelectMany(a => a.GetTypes()))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string)))
            {
                var value = (string)field.GetRawConstantValue()!;
                if (field.Name == "Section" && type.Name.EndsWith("Options", StringComparison.Ordinal))
                {
                    Walk(type, value, keys);
                }
                else if (field.Name == "ConnectionStringName")
                {
                    keys.Add($"ConnectionStrings:{value}");
                }
                else if (field.Name.EndsWith("Key", StringComparison.Ordinal) && type.Name.EndsWith("Options", StringComparison.Ordinal))
                {
                    keys.Add(value);
                }
            }
        }

        return keys;
    }

    /// <summary>Adds the keys the configuration binder would bind on <paramref name="type"/> under <paramref name="prefix"/>.</summary>
    private static void Walk(Type type, string prefix, HashSet<string> keys)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType))
            {
                keys.Add(key);
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                var item = propertyType.GetGenericArguments()[1];
                if (IsValue(item))
                {
                    keys.Add($"{key}:<name>");
                }
                else
                {
                    Walk(item, $"{key}:<name>", keys);
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType) && propertyType.IsGenericType)
            {
                var item = propertyType.GetGenericArguments()[0];
                if (IsValue(item))
                {
                    keys.Add(key);
                }
                else
                {
                    Walk(item, $"{key}:<n>", keys);
                }
            }
            else if (propertyType.IsClass && !propertyType.IsAbstract)
            {
                Walk(propertyType, key, keys);
            }
        }
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid);

    /// <summary>The C# source of the services (the gateway projects and the subgraphs), where keys read by name appear as literals.</summary>
    private static string ServiceSource() =>
        string.Join('\n', new[] { "gateway", "subgraphs" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

    [GeneratedRegex(@"^\| (?<keys>[^|]*`[^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`([A-Za-z][A-Za-z0-9_:<>]*)`")]
    private static partial Regex BacktickedKey();
}
