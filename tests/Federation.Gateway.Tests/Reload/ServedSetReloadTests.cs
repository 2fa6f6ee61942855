using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Federation.Gateway.Authorization;
using Federation.Gateway.Catalogue;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Reload;

/// <summary>
/// The served set — supergraph and catalogue — reloaded from its files while the gateway serves:
/// swapped together when both pass every check, refused otherwise with the last good set serving
/// and the refusal in the readiness details; requests in flight finish on the set they started with.
/// </summary>
[Collection(ReloadCollection.Name)]
public sealed class ServedSetReloadTests(ReloadSubgraphs subgraphs)
{
    [StringSyntax("graphql")]
    private const string LicenceTypes = "{ licenceTypes { code name } }";

    /// <summary>Licence face data (UNCONDITIONAL in the committed catalogue) made CONDITIONAL: only civil affairs may read it.</summary>
    private static string FaceDataConditional(string catalogue)
    {
        var start = catalogue.IndexOf("  - id: licences.licence-face", StringComparison.Ordinal);
        var end = catalogue.IndexOf("    updateFrequency: REAL_TIME\n", start, StringComparison.Ordinal) + "    updateFrequency: REAL_TIME\n".Length;
        var resource = catalogue[start..end].Replace("    class: UNCONDITIONAL\n", "    class: CONDITIONAL\n", StringComparison.Ordinal);
        Assert.Contains("class: CONDITIONAL", resource, StringComparison.Ordinal);
        return catalogue[..start] + resource + """
                conditions:
                  agencies: ["113302004296296290"]
                  purposes: [ADMINISTRATIVE_BASIS]
                  applicationRequired: false
                  divisionScoped: false

            """ + catalogue[end..];
    }

    [Fact]
    public async Task A_valid_change_swapped_in_during_a_load_run_fails_no_request()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var before = gateway.Reload.Status;
        var failures = new List<string>();
        var served = 0;
        var servedAfterSwap = 0;
        var swapped = false;
        var clock = Stopwatch.StartNew();

        async Task Client()
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(4))
            {
                var wasSwapped = Volatile.Read(ref swapped);
                var answer = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);
                if (answer.Status != 200 || answer.Body["errors"] is not null || answer.Data?["licenceTypes"]?.AsArray().Count is not > 0)
                {
                    lock (failures)
                    {
                        failures.Add(answer.Text);
                    }
                }

                Interlocked.Increment(ref served);
                if (wasSwapped)
                {
                    Interlocked.Increment(ref servedAfterSwap);
                }
            }
        }

        var load = Enumerable.Range(0, 8).Select(_ => Task.Run(Client)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var changed = File.ReadAllText(gateway.SupergraphFile).Replace("\"\"\"A standard address (标准地址) in the spatial register, with coordinates.\"\"\"", "\"\"\"A standard address (标准地址) of the spatial register, with its coordinates.\"\"\"", StringComparison.Ordinal);
        ReloadGateway.ReplaceByRename(gateway.SupergraphFile, changed);
        var attempt = await gateway.NextAttemptAsync(before.ServedSince);
        Volatile.Write(ref swapped, true);
        await Task.WhenAll(load);

        Assert.Equal(SupergraphReloadOutcome.Swapped, attempt.Outcome);
        Assert.Equal("supergraph file", attempt.Trigger);
        Assert.Equal(SupergraphReload.Hash(changed), gateway.Reload.Status.SupergraphHash);
        Assert.NotEqual(before.SupergraphHash, gateway.Reload.Status.SupergraphHash);
        Assert.Empty(failures);
        Assert.True(servedAfterSwap > 0, $"{served} requests, none after the swap");
    }

    [Fact]
    public async Task A_catalogue_change_is_in_force_without_a_restart_both_ways()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var committed = File.ReadAllText(gateway.CatalogueFile);
        var open = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);
        Assert.Null(open.Body["errors"]);

        var since = gateway.Reload.Status.ServedSince;
        File.WriteAllText(gateway.CatalogueFile, FaceDataConditional(committed));
        var attempt = await gateway.NextAttemptAsync(since);
        var closed = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);

        Assert.Equal(SupergraphReloadOutcome.Swapped, attempt.Outcome);
        Assert.Equal("catalogue file", attempt.Trigger);
        Assert.Equal(ShareClass.Conditional, gateway.Source.Current.Catalogue!.Resources.Single(r => r.Id == "licences.licence-face").Class);
        Assert.Null(closed.Data?["licenceTypes"]);
        Assert.Equal([AuthorizationErrorCodes.AgencyNotPermitted], closed.Codes);

        since = gateway.Reload.Status.ServedSince;
        ReloadGateway.ReplaceByRename(gateway.CatalogueFile, committed);
        attempt = await gateway.NextAttemptAsync(since);
        var reopened = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);

        Assert.Equal(SupergraphReloadOutcome.Swapped, attempt.Outcome);
        Assert.Null(reopened.Body["errors"]);
        Assert.NotEmpty(reopened.Data!["licenceTypes"]!.AsArray());
    }

    [Fact]
    public async Task A_request_in_flight_finishes_on_the_set_it_started_with()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var arrived = gateway.Held.HoldNext();
        var inFlight = gateway.PostAsync($"{{ {HeldRequests.Marker}: licenceTypes {{ code }} }}", ReloadGateway.PublicSecurity);
        await arrived.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        var since = gateway.Reload.Status.ServedSince;
        File.WriteAllText(gateway.CatalogueFile, FaceDataConditional(File.ReadAllText(gateway.CatalogueFile)));
        Assert.Equal(SupergraphReloadOutcome.Swapped, (await gateway.NextAttemptAsync(since)).Outcome);
        var after = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);
        gateway.Held.ReleaseAll();
        var started = await inFlight;

        // The new set refuses the face data to this agency; the request that started before the swap was authorized, planned and answered by the old one.
        Assert.Equal([AuthorizationErrorCodes.AgencyNotPermitted], after.Codes);
        Assert.Null(started.Body["errors"]);
        Assert.NotEmpty(started.Data![HeldRequests.Marker]!.AsArray());
    }

    [Theory]
    [InlineData("uncovered field", CatalogueErrorCodes.FieldUncoveredCode)]
    [InlineData("bad YAML", CatalogueErrorCodes.InvalidYamlCode)]
    [InlineData("not a supergraph", CompositionErrorCodes.InvalidSupergraphCode)]
    [InlineData("half-written catalogue", null)]
    public async Task An_invalid_change_is_refused_while_the_last_good_set_keeps_serving(string change, string? code)
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var serving = gateway.Source.Current;
        var committed = File.ReadAllText(gateway.CatalogueFile);
        var since = DateTimeOffset.UtcNow;
        switch (change)
        {
            case "uncovered field":
                File.WriteAllText(gateway.CatalogueFile, committed.Replace("      - LicenceType.name\n", "", StringComparison.Ordinal));
                break;
            case "bad YAML":
                File.WriteAllText(gateway.CatalogueFile, committed.Replace("agencies:\n", "agencies: [\n", StringComparison.Ordinal));
                break;
            case "not a supergraph":
                ReloadGateway.ReplaceByRename(gateway.SupergraphFile, File.ReadAllText(gateway.SupergraphFile)[..5000]);
                break;
            default:
                // The first half of a catalogue, the rest to come later: never served.
                File.WriteAllText(gateway.CatalogueFile, committed[..(committed.Length / 2)]);
                break;
        }

        var attempt = await gateway.NextAttemptAsync(since);
        var answer = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);
        var ready = await gateway.ReadyAsync();

        Assert.Equal(SupergraphReloadOutcome.Refused, attempt.Outcome);
        if (code is not null)
        {
            Assert.Contains(code, attempt.Errors.Select(e => e.Code));
        }

        Assert.Same(serving, gateway.Source.Current);
        Assert.Null(answer.Body["errors"]);
        Assert.NotEmpty(answer.Data!["licenceTypes"]!.AsArray());
        Assert.Equal(200, ready.Status);
        var details = ready.Body["checks"]!["supergraph"]!;
        Assert.Equal("Healthy", (string?)ready.Body["status"]);
        Assert.Equal(SupergraphReload.Hash(serving.Sdl), (string?)details["supergraphHash"]);
        Assert.Equal("REFUSED", (string?)details["lastRefusal"]!["outcome"]);
        Assert.Equal(attempt.Errors.Select(e => e.Code), details["lastRefusal"]!["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));

        // Anyone who reaches the port reads the readiness details: codes, not messages that name files or
        // coordinates that name fields the public schema hides (the log and /admin/reload say more).
        Assert.All(details["lastRefusal"]!["errors"]!.AsArray(), error =>
        {
            Assert.Null(error!["message"]);
            Assert.Null(error["extensions"]!["coordinates"]);
        });
        Assert.DoesNotContain(Path.GetDirectoryName(gateway.CatalogueFile)!, ready.Body.ToJsonString(), StringComparison.Ordinal);

        if (change == "half-written catalogue")
        {
            // The rest of the file arrives: the whole is served.
            since = gateway.Reload.Status.LastAttempt!.At;
            File.WriteAllText(gateway.CatalogueFile, FaceDataConditional(committed));
            Assert.Equal(SupergraphReloadOutcome.Swapped, (await gateway.NextAttemptAsync(since)).Outcome);
            Assert.Equal([AuthorizationErrorCodes.AgencyNotPermitted], (await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity)).Codes);
        }
    }

    [Fact]
    public async Task A_changed_sdl_file_of_the_subgraph_config_is_composed_and_served()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, withSubgraphConfig: true);
        var since = gateway.Reload.Status.ServedSince;

        var sdl = File.ReadAllText(gateway.SchemaFile("licences"));
        ReloadGateway.ReplaceByRename(gateway.SchemaFile("licences"), sdl.Replace("The licences held by the person, newest issue first", "The licences a person holds, newest issue first", StringComparison.Ordinal));
        var attempt = await gateway.NextAttemptAsync(since);
        var answer = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);

        Assert.Equal(SupergraphReloadOutcome.Swapped, attempt.Outcome);
        Assert.Equal("subgraph config", attempt.Trigger);
        Assert.Contains("The licences a person holds, newest issue first", gateway.Source.Current.Sdl, StringComparison.Ordinal);
        Assert.Null(answer.Body["errors"]);
    }

    [Fact]
    public async Task A_changed_subgraph_config_is_composed_and_served()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, withSubgraphConfig: true);
        var since = gateway.Reload.Status.ServedSince;

        File.WriteAllText(gateway.SubgraphConfigFile, File.ReadAllText(gateway.SubgraphConfigFile).Replace("http://127.0.0.1:4104/graphql", "http://licences.internal:8080/graphql", StringComparison.Ordinal));
        var attempt = await gateway.NextAttemptAsync(since);
        var answer = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);

        // The supergraph routes to the new URL; this gateway's Subgraphs:Endpoints still say where the licences subgraph runs.
        Assert.Equal(SupergraphReloadOutcome.Swapped, attempt.Outcome);
        Assert.Equal("subgraph config", attempt.Trigger);
        Assert.Equal("http://licences.internal:8080/graphql", gateway.Source.Current.Subgraph("licences")!.Url);
        Assert.Null(answer.Body["errors"]);
    }

    [Theory]
    [InlineData("non-composing SDL", CompositionErrorCodes.FieldTypeMismatchCode)]
    [InlineData("uncovered field", CatalogueErrorCodes.FieldUncoveredCode)]
    [InlineData("bad config", CompositionErrorCodes.SubgraphConfigUnknownKeyCode)]
    public async Task An_invalid_subgraph_change_is_refused_while_the_last_good_set_keeps_serving(string change, string code)
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, withSubgraphConfig: true);
        var serving = gateway.Source.Current;
        var since = gateway.Reload.Status.ServedSince;
        var licences = File.ReadAllText(gateway.SchemaFile("licences"));
        switch (change)
        {
            case "non-composing SDL":
                var person = licences.IndexOf("type Person @key(fields: \"idNumber\") {", StringComparison.Ordinal);
                var key = licences.IndexOf("  idNumber: IdNumber!", person, StringComparison.Ordinal);
                File.WriteAllText(gateway.SchemaFile("licences"), licences[..key] + "  idNumber: String!" + licences[(key + "  idNumber: IdNumber!".Length)..]);
                break;
            case "uncovered field":
                File.WriteAllText(gateway.SchemaFile("licences"), licences + "\nextend type Query { registryName: String }\n");
                break;
            default:
                File.WriteAllText(gateway.SubgraphConfigFile, File.ReadAllText(gateway.SubgraphConfigFile).Replace("    routing_url: http://127.0.0.1:4104/graphql", "    routing_uri: http://127.0.0.1:4104/graphql", StringComparison.Ordinal));
                break;
        }

        var attempt = await gateway.NextAttemptAsync(since);
        var answer = await gateway.PostAsync(LicenceTypes, ReloadGateway.PublicSecurity);
        var ready = await gateway.ReadyAsync();

        Assert.Equal(SupergraphReloadOutcome.Refused, attempt.Outcome);
        Assert.Contains(code, attempt.Errors.Select(e => e.Code));
        Assert.Same(serving, gateway.Source.Current);
        Assert.Null(answer.Body["errors"]);
        Assert.Equal(200, ready.Status);
        Assert.Contains(code, ready.Body["checks"]!["supergraph"]!["lastRefusal"]!["errors"]!.AsArray().Select(e => (string?)e!["extensions"]!["code"]));
    }

    [Fact]
    public async Task Readiness_details_say_what_serves_since_when_before_any_reload()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);

        var ready = await gateway.ReadyAsync();

        var details = ready.Body["checks"]!["supergraph"]!;
        Assert.Equal(200, ready.Status);
        Assert.Equal(SupergraphReload.Hash(File.ReadAllText(gateway.SupergraphFile)), (string?)details["supergraphHash"]);
        Assert.NotNull((string?)details["servedSince"]);
        Assert.Null(details["lastAttempt"]);
        Assert.Null(details["lastRefusal"]);
    }

    [Fact]
    public async Task Readiness_tells_a_probe_without_a_token_the_status_alone()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);

        var ready = await gateway.ReadyAsync(anonymous: true);

        // Which checks ran, what they saw, the supergraph's hash and subgraph names are the operator's to read.
        Assert.Equal(200, ready.Status);
        Assert.Equal("""{"status":"Healthy"}""", ready.Text);
    }

    [Fact]
    public async Task The_live_subgraphs_are_polled_at_the_configured_interval()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs, new Dictionary<string, string> { ["Gateway:Reload:PollInterval"] = "00:00:01" });
        var serving = gateway.Source.Current;

        var attempt = await gateway.NextAttemptAsync(DateTimeOffset.MinValue);

        // The embedded subgraphs serve the SDL the committed supergraph was composed from.
        Assert.Equal("live subgraphs poll", attempt.Trigger);
        Assert.Equal(SupergraphReloadOutcome.Unchanged, attempt.Outcome);
        Assert.Same(serving, gateway.Source.Current);
    }

    [Fact]
    public async Task A_file_event_that_changes_no_content_reloads_nothing()
    {
        await using var gateway = await ReloadGateway.StartAsync(subgraphs.Subgraphs);
        var serving = gateway.Source.Current;

        ReloadGateway.ReplaceByRename(gateway.CatalogueFile, File.ReadAllText(gateway.CatalogueFile));
        File.WriteAllText(Path.Combine(gateway.Directory, "notes.txt"), "another file of the directory");
        File.SetLastWriteTimeUtc(gateway.SupergraphFile, DateTime.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Null(gateway.Reload.Status.LastAttempt);
        Assert.Same(serving, gateway.Source.Current);
    }
}
