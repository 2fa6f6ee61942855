using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter;
using Snapshooter.Xunit3;

namespace Federation.Testing;

/// <summary>
/// Snapshot assertions (Snapshooter) for what a reviewer reads — an answer's JSON, a printed plan, an error report:
/// the snapshot is <c>__snapshots__/{Class}.{Test}.snap</c> beside the test's file, committed with it.
/// A snapshot that is missing is written and the test passes, so a new one can be made and read before
/// it is committed — except in CI (<c>CI</c> set, as CI services set it) and under <c>tests/run.sh</c>
/// (<c>SNAPSHOOTER_STRICT_MODE=on</c>), where a missing snapshot is a test that was never reviewed, and fails.
/// </summary>
public static class Snapshots
{
    public const string StrictModeVariable = "SNAPSHOOTER_STRICT_MODE";

    /// <summary>Whether a missing snapshot fails the test here.</summary>
    public static bool MissingFails => IsOn("CI") || IsOn(StrictModeVariable);

    /// <param name="name">Where the snapshot is, when not the calling test's (<see cref="Snapshot.FullName()"/>).</param>
    public static void Match(string text, SnapshotFullName? name = null)
    {
        if (IsOn("CI") && !IsOn(StrictModeVariable))
        {
            // Snapshooter knows only its own variable; CI services set CI.
            Environment.SetEnvironmentVariable(StrictModeVariable, "on");
        }

        if (name is null)
        {
            Snapshot.Match(text);
        }
        else
        {
            Snapshot.Match(text, name);
        }
    }

    /// <summary>
    /// <paramref name="json"/> (a GraphQL response, say) indented, its non-ASCII text as written (a name in
    /// Chinese reads as itself, not as <c>\uXXXX</c>), compared as <see cref="Match"/> does.
    /// </summary>
    public static void MatchJson(string json, SnapshotFullName? name = null)
    {
        var node = JsonNode.Parse(json) ?? throw new ArgumentException("The JSON is null.", nameof(json));
        Match(node.ToJsonString(Readable), name);
    }

    private static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool IsOn(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0" && !value.Equals("off", StringComparison.OrdinalIgnoreCase);
}
