using System.Reflection;
using Federation.Testing;

namespace Federation.Gateway.Tests.Structure;

/// <summary>
/// The gateway tests' snapshots (<see cref="Snapshots"/>): each <c>__snapshots__/{Class}.{Test}.snap</c> is a
/// test's of this project, in the folder of that test's class, so a renamed or removed test leaves no snapshot
/// nobody compares; and each test that compares a printed plan has its snapshot committed, which CI
/// (a missing snapshot fails there) relies on as much as the tests do.
/// </summary>
public sealed class SnapshotFilesTests
{
    private static readonly string ProjectDirectory = Path.Combine(Repository.Root, "tests", "Federation.Gateway.Tests");

    [Fact]
    public void Every_snapshot_is_a_test_of_this_project_beside_its_class()
    {
        var tests = typeof(SnapshotFilesTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(method => method.GetCustomAttributes<FactAttribute>().Any())
                .Select(method => (Name: type.Name + "." + method.Name, Folder: type.Namespace!["Federation.Gateway.Tests".Length..].TrimStart('.').Replace('.', Path.DirectorySeparatorChar))))
            .ToLookup(test => test.Name, test => test.Folder);
        var snapshots = Directory.EnumerateFiles(ProjectDirectory, "*.snap", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(snapshots);
        foreach (var snapshot in snapshots)
        {
            var folder = Path.GetDirectoryName(Path.GetRelativePath(ProjectDirectory, snapshot))!;
            Assert.Equal("__snapshots__", Path.GetFileName(folder));
            var test = Path.GetFileNameWithoutExtension(snapshot);
            Assert.True(tests.Contains(test), $"{snapshot} is no test's snapshot.");
            Assert.Contains(Path.GetDirectoryName(folder) ?? "", tests[test]);
        }
    }

    [Fact]
    public void Every_test_that_compares_a_printed_plan_has_its_snapshot()
    {
        var planning = Path.Combine(ProjectDirectory, "Planning");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(planning, "*Tests.cs"))
        {
            var text = File.ReadAllText(file);
            var type = Path.GetFileNameWithoutExtension(file);
            foreach (System.Text.RegularExpressions.Match test in System.Text.RegularExpressions.Regex.Matches(text, @"public void (\w+)\(\) => \w*\.?ExpectPlan\("))
            {
                if (!File.Exists(Path.Combine(planning, "__snapshots__", $"{type}.{test.Groups[1].Value}.snap")))
                {
                    missing.Add(type + "." + test.Groups[1].Value);
                }
            }
        }

        Assert.Empty(missing);
        Assert.True(Directory.EnumerateFiles(Path.Combine(planning, "__snapshots__")).Count() >= 161);
    }
}
