using System.Text;
using Federation.Gateway.Authentication;

namespace Federation.Host;

/// <summary>
/// What the one-command run prints once it serves: where, the embedded subgraphs, how to sign in and a
/// request to try. Written in one piece: the console logger writes each log line in one piece on the same
/// synchronized writer, so no log line lands inside the banner.
/// </summary>
internal static class Banner
{
    /// <summary>The token lifetime of the banner's example request.</summary>
    private static readonly TimeSpan ExampleTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The user of the example token (and of GraphiQL's, <see cref="DevelopmentGraphiQLHeaders"/>).</summary>
    public const string ExampleUser = "developer";

    /// <summary>The purpose the example request declares.</summary>
    public const string ExamplePurpose = "WORK_REFERENCE";

    public static async Task PrintAsync(TextWriter output, string banner)
    {
        await output.WriteAsync(banner).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    public static string Text(string address, EmbeddedSubgraphs? embedded, EmbeddedOptions options, DevelopmentSigningKey? developmentKey)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Government data-sharing gateway");
        text.AppendLine($"  GraphQL    {address}/graphql   (open it in a browser for GraphiQL)");
        text.AppendLine($"  Health     {address}/health/ready");
        if (embedded is not null)
        {
            foreach (var (name, url) in embedded.Urls)
            {
                text.AppendLine($"  Subgraph   {name,-14} {url}   (in-memory store, demo data of {options.Persons} persons)");
            }
        }

        text.AppendLine("  Platform   the share catalogue, share applications and grants are in the same graph: { catalogue { id name class } }, applyForShare, approveShareApplication, revokeGrant");
        var query = "{ licences(first: 2) { edges { node { number holder { __typename ... on Person { name } } } } } }";
        if (developmentKey is null)
        {
            text.AppendLine("  Sign-in    bearer tokens from the configured Authentication:Authority or SigningKeys; declare the purpose in the Federation-Purpose header");
            text.AppendLine($"  Try        curl -s {address}/graphql -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' -d '{{\"query\":\"{query}\"}}'");
        }
        else
        {
            var token = developmentKey.IssueFor(ExampleUser, DemoAgencies.Platform.Code, ExampleTokenLifetime, DateTime.UtcNow);
            text.AppendLine($"  GraphiQL   opens in a browser on this machine signed in as {ExampleUser} of {DemoAgencies.Platform.Name} (the Headers tab)");
            text.AppendLine($"  Sign-in    DEVELOPMENT tokens, signed with the key in {developmentKey.Path} — never use it outside development");
            text.AppendLine("  Token      dotnet run --project gateway/Federation.Host -- token --agency <credit code>   (`-- token --list` lists the agencies registry and the roles each may hold)");
            text.AppendLine($"  Try        curl -s {address}/graphql -H 'Authorization: Bearer {token}' -H 'Federation-Purpose: {ExamplePurpose}' -H 'Content-Type: application/json' -d '{{\"query\":\"{query}\"}}'");
        }

        text.AppendLine();
        return text.ToString();
    }
}
