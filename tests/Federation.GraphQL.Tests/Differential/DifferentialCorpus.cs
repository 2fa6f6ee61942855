using System.Text.Json;
using Federation.GraphQL.Conformance;

namespace Federation.GraphQL.Tests.Differential;

/// <summary>
/// The corpus: one folder per schema under Differential/corpus, each with schema.graphql,
/// root.json and queries.json ([{name, query, variables?, operationName?}]).
/// </summary>
internal sealed record CorpusSchema(string Name, string Directory)
{
    public string SchemaPath => Path.Combine(Directory, "schema.graphql");

    public string RootPath => Path.Combine(Directory, "root.json");

    public string QueriesPath => Path.Combine(Directory, "queries.json");

    public IReadOnlyList<ConformanceQuery> Queries { get; } = ConformanceQuery.ListFromJson(File.ReadAllText(Path.Combine(Directory, "queries.json")));
}

internal static class DifferentialCorpus
{
    private static readonly Lazy<string> RepositoryRootValue = new(FindRepositoryRoot);
    private static readonly Lazy<IReadOnlyList<CorpusSchema>> SchemasValue = new(LoadSchemas);

    public static string RepositoryRoot => RepositoryRootValue.Value;

    public static string Directory => Path.Combine(RepositoryRoot, "tests", "Federation.GraphQL.Tests", "Differential");

    public static IReadOnlyList<CorpusSchema> Schemas => SchemasValue.Value;

    public static CorpusSchema Schema(string name) => Schemas.Single(s => s.Name == name);

    private static IReadOnlyList<CorpusSchema> LoadSchemas() =>
        System.IO.Directory.GetDirectories(Path.Combine(Directory, "corpus"))
            .Order(StringComparer.Ordinal)
            .Select(directory => new CorpusSchema(Path.GetFileName(directory), directory))
            .ToArray();

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Federation.sln above {AppContext.BaseDirectory}.");
    }
}
