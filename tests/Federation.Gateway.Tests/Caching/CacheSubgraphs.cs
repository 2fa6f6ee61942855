using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Federation.GraphQL;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Scalars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// The population and licences subgraphs (their real SDL, the hosting library, the gateway signature)
/// over a world of <see cref="Count"/> persons, each holding one licence, with ASCII markers for values
/// so that a test can search Redis's raw bytes for them. Each subgraph records the requests it gets,
/// so a test counts the representations it was asked for. A person's name can be made to fail
/// (<see cref="FailingNames"/>), and a key can be made to resolve to another person (<see cref="Swapped"/>).
/// </summary>
internal sealed class CacheSubgraphs : IAsyncDisposable
{
    public const string Secret = "gateway-cache-test-secret-of-enough-bytes-here";
    public const int Count = 12;

    /// <summary>Every person's division of registration: Haishu district, Ningbo.</summary>
    public const string Division = "330203";

    private readonly List<WebApplication> apps = [];

    private CacheSubgraphs()
    {
    }

    /// <summary>The persons' identity numbers, in licence order (licence <c>L-i</c> is held by person i).</summary>
    public static IReadOnlyList<string> Persons { get; } = [.. Enumerable.Range(0, Count).Select(i =>
    {
        var first17 = "33020319900101" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return first17 + IdNumber.CheckDigit(first17);
    })];

    public Dictionary<string, Uri> Urls { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, ConcurrentQueue<string>> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>The persons whose name the subgraph fails to give, with an error.</summary>
    public ConcurrentDictionary<string, bool> FailingNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Identity number → the person the subgraph answers for it instead.</summary>
    public ConcurrentDictionary<string, string> Swapped { get; } = new(StringComparer.Ordinal);

    /// <summary>Person i's name, a marker no other value contains.</summary>
    public static string Name(int i) => $"NAME-MARKER-{i:D3}";

    public static string Residence(int i) => $"RESIDENCE-MARKER-{i:D3}";

    public static string RegisteredAddress(int i) => $"REGISTERED-ADDRESS-MARKER-{i:D3}";

    public static string BirthDate(int i) => $"1990-01-{i + 1:D2}";

    /// <summary>The representations of <paramref name="subgraph"/>'s requests since the first <paramref name="before"/>: per request, its <c>representations</c> and the cached ones' (<c>cachedRepresentations</c>).</summary>
    public IReadOnlyList<(int Full, int Remainder)> RepresentationsSince(string subgraph, int before) =>
        [.. Requests[subgraph].Skip(before).Select(body =>
        {
            var variables = JsonNode.Parse(body)!["variables"];
            return (variables?["representations"]?.AsArray().Count ?? 0, variables?["cachedRepresentations"]?.AsArray().Count ?? 0);
        })];

    public int Asked(string subgraph) => Requests[subgraph].Count;

    public static async Task<CacheSubgraphs> StartAsync()
    {
        var subgraphs = new CacheSubgraphs();
        foreach (var (name, bind) in subgraphs.World())
        {
            subgraphs.Requests[name] = new();
            var sdl = await File.ReadAllTextAsync(Path.Combine(Repository.SchemaDirectory, name + ".graphql"));
            var subgraph = bind(Subgraph.FromSdl(sdl));
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.AddSubgraphDefaults(options => options.Secret = Secret);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8, leaveOpen: true);
                subgraphs.Requests[name].Enqueue(await reader.ReadToEndAsync());
                context.Request.Body.Position = 0;
                await next(context);
            });
            app.MapSubgraph("/graphql", subgraph);
            await app.StartAsync();
            subgraphs.apps.Add(app);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            subgraphs.Urls[name] = new Uri(address + "/graphql");
        }

        return subgraphs;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps)
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await app.StopAsync(stopping.Token);
            await app.DisposeAsync();
        }
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static string Key(object? argument) => argument is IdNumber idNumber ? idNumber.Value : (string)argument!;

    private IEnumerable<(string Name, Func<Subgraph, Subgraph> Bind)> World()
    {
        var persons = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            persons[Persons[i]] = Map(
                ("idNumber", Persons[i]),
                ("name", Name(i)),
                ("gender", i % 2 == 0 ? "MALE" : "FEMALE"),
                ("birthDate", BirthDate(i)),
                ("residenceAddress", Residence(i)),
                ("registeredAddress", RegisteredAddress(i)),
                ("registeredDivision", Map(("code", Division))));
        }

        Dictionary<string, object?>? Person(string idNumber) =>
            persons.GetValueOrDefault(Swapped.GetValueOrDefault(idNumber) ?? idNumber);

        // Entities no test here asks for: the hosting library requires a resolver for each.
        static ValueTask<IReadOnlyList<object?>> Nobody(IReadOnlyList<Representation> representations, EntityBatchContext context) =>
            new([.. representations.Select(_ => (object?)null)]);

        yield return ("population", subgraph => subgraph
            .Entity("Household", Nobody)
            .Entity("Person", (representations, _) => new ValueTask<IReadOnlyList<object?>>(
                [.. representations.Select(r => (object?)Person(r.GetString("idNumber")!))]))
            .Bind("Query.person", context => new ValueTask<object?>(Person(Key(context.Arguments["idNumber"]))))
            // As the register does: one item per number asked, in order, null for a number it does not hold.
            .Bind("Query.personsByIdNumbers", context => new ValueTask<object?>(
                ((IEnumerable<object?>)context.Arguments["idNumbers"]!).Select(id => (object?)Person(Key(id))).ToList()))
            .Bind("Person.name", context =>
            {
                var person = (Dictionary<string, object?>)context.Source!;
                return FailingNames.ContainsKey((string)person["idNumber"]!)
                    ? throw new GraphQLException(new GraphQLError("The register cannot give this name now."))
                    : new ValueTask<object?>(person["name"]);
            }));

        var licences = new List<Dictionary<string, object?>>();
        for (var i = 0; i < Count; i++)
        {
            licences.Add(Map(("number", $"L-{i}"), ("holderName", Name(i)), ("holder", Map(("__typename", "Person"), ("idNumber", Persons[i])))));
        }

        yield return ("licences", subgraph => subgraph
            .Entity("Licence", Nobody)
            .Entity("Person", Nobody)
            .Entity("LegalPerson", Nobody)
            .Bind("Query.licences", context =>
            {
                var first = context.Arguments.GetValueOrDefault("first") is int count ? count : Count;
                var nodes = licences.Take(first).ToList();
                return new ValueTask<object?>(Map(
                    ("totalCount", nodes.Count),
                    ("pageInfo", Map(("hasNextPage", false), ("hasPreviousPage", false), ("startCursor", null), ("endCursor", null))),
                    ("edges", nodes.Select((node, i) => (object?)Map(("cursor", "c" + i), ("node", node))).ToList())));
            }));
    }
}
