using Federation.Testing;
using Snapshooter;
using Snapshooter.Exceptions;
using Xunit;

namespace Federation.GraphQL.Tests;

/// <summary>
/// A missing snapshot fails in CI and under tests/run.sh instead of being written and passing. The
/// tests change the process's environment, so they run alone (<see cref="EnvironmentChanging"/>).
/// </summary>
[Collection(nameof(EnvironmentChanging))]
public sealed class SnapshotGuardTests
{
    [Theory]
    [InlineData("CI", "true")]
    [InlineData(Snapshots.StrictModeVariable, "on")]
    public void A_missing_snapshot_fails_and_is_not_written_when_CI_or_strict_mode_is_set(string variable, string value)
    {
        using var environment = new Environment(("CI", null), (Snapshots.StrictModeVariable, null), (variable, value));
        var folder = Directory.CreateTempSubdirectory("snapshot-guard-").FullName;
        try
        {
            Assert.True(Snapshots.MissingFails);
            Assert.Throws<SnapshotNotFoundException>(() => Snapshots.Match("never reviewed", new SnapshotFullName("Missing.snap", folder)));
            Assert.False(File.Exists(Path.Combine(folder, "__snapshots__", "Missing.snap")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Outside_CI_a_missing_snapshot_is_written_for_review_and_then_compared()
    {
        using var environment = new Environment(("CI", null), (Snapshots.StrictModeVariable, null));
        var folder = Directory.CreateTempSubdirectory("snapshot-guard-").FullName;
        try
        {
            Assert.False(Snapshots.MissingFails);
            Snapshots.Match("made here", new SnapshotFullName("New.snap", folder));
            Assert.Equal("made here\n", File.ReadAllText(Path.Combine(folder, "__snapshots__", "New.snap")));
            Assert.ThrowsAny<Exception>(() => Snapshots.Match("changed", new SnapshotFullName("New.snap", folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_test_script_turns_strict_mode_on()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "run.sh"));

        Assert.Matches(@"(?m)^export SNAPSHOOTER_STRICT_MODE=on$", script);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Federation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Federation.sln was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Sets variables for one test and puts back what they were.</summary>
    private sealed class Environment : IDisposable
    {
        private readonly List<(string Name, string? Value)> before = [];

        public Environment(params (string Name, string? Value)[] settings)
        {
            foreach (var (name, value) in settings)
            {
                if (!before.Exists(b => b.Name == name))
                {
                    before.Add((name, System.Environment.GetEnvironmentVariable(name)));
                }

                System.Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in before)
            {
                System.Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

/// <summary>Tests that change environment variables other tests read: none runs beside them.</summary>
[CollectionDefinition(nameof(EnvironmentChanging), DisableParallelization = true)]
public sealed class EnvironmentChanging;
