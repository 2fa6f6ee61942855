using Federation.Host;

namespace Federation.Gateway.Tests.Readme;

/// <summary>
/// The README's two commands are the ones the project uses: CI (<c>.ci/run</c>) runs exactly the test
/// command, which is the script that runs the whole solution, and the run command is the one-command host
/// whose banner tells the same command for tokens.
/// </summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Ci_runs_exactly_the_readmes_test_command()
    {
        var command = Assert.Single(ReadmeDocument.Committed.Blocks("command"), b => b.Value == "test").Code.Trim();
        var ci = File.ReadAllLines(Path.Combine(Repository.Root, ".ci", "run"));

        Assert.Equal("./tests/run.sh", command);
        Assert.Equal($"exec {command}", ci.Last(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Trim());
        Assert.Contains("dotnet test Federation.sln", File.ReadAllText(Path.Combine(Repository.Root, "tests", "run.sh")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_run_command_starts_the_one_command_host()
    {
        var command = Assert.Single(ReadmeDocument.Committed.Blocks("command"), b => b.Value == "run").Code.Trim();
        const string prefix = "dotnet run --project ";

        Assert.StartsWith(prefix, command, StringComparison.Ordinal);
        var project = command[prefix.Length..];
        var projectFile = Path.Combine(Repository.Root, project, Path.GetFileName(project) + ".csproj");
        Assert.True(File.Exists(projectFile), $"{projectFile} does not exist.");
        Assert.Equal(typeof(OneCommandRun).Assembly.GetName().Name, Path.GetFileName(project));
        // The banner and the README tell the same command for tokens.
        using var directory = new TemporaryDirectory();
        var key = Federation.Gateway.Authentication.DevelopmentSigningKey.LoadOrCreate(Path.Combine(directory.Path, "key"));
        Assert.Contains($"{command} -- token", ReadmeDocument.Committed.Text, StringComparison.Ordinal);
        Assert.Contains($"{command} -- token", Banner.Text("http://127.0.0.1:4000", null, new EmbeddedOptions(), key), StringComparison.Ordinal);
    }
}
