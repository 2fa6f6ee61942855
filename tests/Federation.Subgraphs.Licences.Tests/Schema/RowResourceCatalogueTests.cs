using Federation.Subgraphs.Licences.Domain;

namespace Federation.Subgraphs.Licences.Tests.Schema;

/// <summary>
/// The ids the licence types name are resources of the committed share catalogue, CONDITIONAL and
/// <c>rowScoped: true</c>: a misspelt id would withhold the rows from everyone but never say so, and
/// a resource without the key would let the gateway decide nothing for it.
/// </summary>
public sealed class RowResourceCatalogueTests
{
    [Fact]
    public void Every_guarding_resource_is_a_row_scoped_conditional_resource_of_the_committed_catalogue()
    {
        var catalogue = File.ReadAllText(RepositoryFile("schema/catalogue.yaml")).ReplaceLineEndings("\n");
        var guarding = LicenceCatalogue.All.Select(t => t.RowResource).OfType<string>().Distinct().ToList();
        Assert.Equal(LicenceRowResources.All.Order(StringComparer.Ordinal), guarding.Order(StringComparer.Ordinal));

        foreach (var id in guarding)
        {
            var start = catalogue.IndexOf($"\n  - id: {id}\n", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{id} is not a resource of schema/catalogue.yaml.");
            var end = catalogue.IndexOf("\n  - id: ", start + 1, StringComparison.Ordinal);
            var resource = end < 0 ? catalogue[start..] : catalogue[start..end];
            Assert.Contains("\n    class: CONDITIONAL\n", resource, StringComparison.Ordinal);
            Assert.Contains("\n    conditions:\n", resource, StringComparison.Ordinal);
            Assert.Contains("\n      rowScoped: true\n", resource, StringComparison.Ordinal);
        }
    }

    private static string RepositoryFile(string path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(path);
    }
}
