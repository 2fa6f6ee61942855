using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Federation.GraphQL;
using Federation.Protocol.Agencies;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Federation.Subgraphs.Hosting.Scalars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Federation.Gateway.Tests.Execution;

/// <summary>How a fake subgraph behaves towards the gateway.</summary>
internal enum SubgraphBehaviour
{
    Normal,

    /// <summary>Nothing listens at its address.</summary>
    Down,

    /// <summary>Answers after 30 s (the gateway's timeout is far shorter).</summary>
    Slow,

    /// <summary>Answers 200 with HTML.</summary>
    Garbage,

    /// <summary>Answers 500.</summary>
    ServerError,

    /// <summary>Answers 307, sending the request on to another path of the same server.</summary>
    Redirect,
}

/// <summary>
/// The four agency subgraphs with their real SDL (<c>schema/*.graphql</c>) served by the hosting
/// library on Kestrel at 127.0.0.1 with a free port, behind the gateway signature, over a small
/// in-memory world. Each records the requests it gets.
/// </summary>
internal sealed class FakeSubgraphs : IAsyncDisposable
{
    public const string Secret = "gateway-execution-test-secret-of-enough-bytes";

    public const string LiHua = "110101199003074514";
    public const string WangFang = "110101198505120029";
    public const string HarbourCompany = "91350100M000100Y43";
    public const string LicenceBureau = "91330100716105852F";

    /// <summary>Li Hua's division of household registration: Haishu district, Ningbo (GB/T 2260).</summary>
    public const string LiHuaDivision = "330203";

    /// <summary>Wang Fang's: Dongcheng district, Beijing.</summary>
    public const string WangFangDivision = "110101";

    private readonly List<WebApplication> apps = [];

    private FakeSubgraphs()
    {
    }

    public Dictionary<string, Uri> Urls { get; } = new(StringComparer.Ordinal);

    /// <summary>The bodies of the requests each subgraph got.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Requests { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>X-Caller-Agency</c> header of each request, per subgraph.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> CallerAgencies { get; } = new(StringComparer.Ordinal);

    /// <summary>The subgraph of each request, in the order they arrived.</summary>
    public ConcurrentQueue<string> Arrivals { get; } = new();

    /// <summary>How many requests the subgraph got.</summary>
    /// <summary>Per subgraph, the caller each request was signed for (agency, purpose, matter).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<GatewayCaller>> Callers { get; } = new(StringComparer.Ordinal);

    public int Count(string subgraph) => Requests.TryGetValue(subgraph, out var bodies) ? bodies.Count : 0;

    /// <param name="arrivals">Per subgraph, what its server awaits when a request arrives, before answering.</param>
    public static async Task<FakeSubgraphs> StartAsync(
        IReadOnlyDictionary<string, SubgraphBehaviour>? behaviours = null,
        IReadOnlyDictionary<string, Func<Task>>? arrivals = null)
    {
        var subgraphs = new FakeSubgraphs();
        foreach (var (name, bind) in World())
        {
            var behaviour = behaviours?.GetValueOrDefault(name) ?? SubgraphBehaviour.Normal;
            subgraphs.Requests[name] = new();
            subgraphs.CallerAgencies[name] = new();
            subgraphs.Callers[name] = new();
            if (behaviour == SubgraphBehaviour.Down)
            {
                subgraphs.Urls[name] = new Uri($"http://127.0.0.1:{FreePort()}/graphql");
                continue;
            }

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
                subgraphs.CallerAgencies[name].Enqueue(context.Request.Headers["X-Caller-Agency"].ToString());
                subgraphs.Callers[name].Enqueue(new GatewayCaller(
                    context.Request.Headers["X-Caller-Agency"].ToString(),
                    context.Request.Headers["X-Caller-Purpose"].ToString(),
                    context.Request.Headers["X-Caller-Matter"] is { Count: > 0 } matter ? matter.ToString() : null));
                subgraphs.Arrivals.Enqueue(name);
                if (arrivals?.GetValueOrDefault(name) is { } arrival)
                {
                    await arrival();
                }

                switch (behaviour)
                {
                    case SubgraphBehaviour.Slow:
                        await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                        break;
                    case SubgraphBehaviour.Garbage:
                        context.Response.ContentType = "text/html";
                        await context.Response.WriteAsync("<html><body>Service temporarily moved</body></html>");
                        return;
                    case SubgraphBehaviour.ServerError:
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                        return;
                    case SubgraphBehaviour.Redirect:
                        context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                        context.Response.Headers.Location = "/graphql-elsewhere";
                        return;
                }

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
            try
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await app.StopAsync(stopping.Token);
            }
            finally
            {
                await app.DisposeAsync();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An argument as the key it is: the agency scalars parse to their own types.</summary>
    private static string Key(object? argument) => argument switch
    {
        IdNumber idNumber => idNumber.Value,
        CreditCode creditCode => creditCode.Value,
        _ => (string)argument!,
    };

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static List<object?> Position(double longitude, double latitude) => [longitude, latitude];

    private static Dictionary<string, object?> Page(params object[] nodes) => Map(
        ("totalCount", nodes.Length),
        ("pageInfo", Map(("hasNextPage", false), ("hasPreviousPage", false), ("startCursor", null), ("endCursor", null))),
        ("edges", nodes.Select((node, i) => (object?)Map(("cursor", "c" + i), ("node", node))).ToList()));

    /// <summary>Registers an entity resolver answering from <paramref name="entities"/> by one key field.</summary>
    private static Subgraph Entities(Subgraph subgraph, string type, string keyField, IReadOnlyDictionary<string, Dictionary<string, object?>> entities) =>
        subgraph.Entity(type, (representations, _) => new ValueTask<IReadOnlyList<object?>>(
            representations.Select(r => (object?)entities.GetValueOrDefault(r.GetString(keyField)!)).ToList()));

    /// <summary>
    /// Each subgraph's data: Li Hua holds licences L-1 and L-3 and represents the harbour company,
    /// which holds L-2 and a parcel. Li Hua's telephone number fails with a field error. Li Hua is
    /// registered in Ningbo, Wang Fang in Beijing.
    /// </summary>
    private static IEnumerable<(string Name, Func<Subgraph, Subgraph> Bind)> World()
    {
        var persons = new Dictionary<string, Dictionary<string, object?>>
        {
            [LiHua] = Map(("idNumber", LiHua), ("name", "李华"), ("gender", "MALE"), ("birthDate", "1990-03-07"), ("phone", "13900000000"),
                ("residenceStandardAddress", Map(("id", "A-1"))),
                ("residenceAddress", "浙江省宁波市海曙区中山西路1号"), ("registeredDivision", Map(("code", LiHuaDivision)))),
            [WangFang] = Map(("idNumber", WangFang), ("name", "王芳"), ("gender", "FEMALE"), ("birthDate", "1985-05-12"), ("phone", "13800000000"),
                ("residenceStandardAddress", null),
                ("residenceAddress", "北京市东城区东华门街道1号"), ("registeredDivision", Map(("code", WangFangDivision)))),
        };
        yield return ("population", subgraph => Entities(
                Entities(subgraph, "Person", "idNumber", persons)
                    .Bind("Query.person", context => new ValueTask<object?>(persons.GetValueOrDefault(Key(context.Arguments["idNumber"]))))
                    .Bind("Query.persons", _ => new ValueTask<object?>(Page(persons[LiHua])))
                    .Bind("Mutation.correctPerson", context => new ValueTask<object?>(Map(
                        ("person", persons[Key(((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!)["idNumber"])]),
                        ("changedFields", new List<object?> { "name" }))))
                    .Bind("Person.phone", context => (string?)((Dictionary<string, object?>)context.Source!)["idNumber"] == LiHua
                        // A field error the subgraph describes: a GraphQLException keeps its message (any other exception is answered as INTERNAL_SERVER_ERROR).
                        ? throw new GraphQLException(new GraphQLError("The telephone register is offline."))
                        : new ValueTask<object?>(((Dictionary<string, object?>)context.Source!)["phone"])),
                "Household",
                "number",
                new Dictionary<string, Dictionary<string, object?>>()));

        var legalPersons = new Dictionary<string, Dictionary<string, object?>>
        {
            [HarbourCompany] = Map(("creditCode", HarbourCompany), ("name", "宁波港务有限公司"), ("kind", "ENTERPRISE"), ("legalRepresentative", Map(("idNumber", LiHua)))),
            [LicenceBureau] = Map(("creditCode", LicenceBureau), ("name", "宁波市市场监督管理局"), ("kind", "AGENCY"), ("legalRepresentative", null)),
        };
        var representatives = new Dictionary<string, Dictionary<string, object?>>
        {
            [LiHua] = Map(("idNumber", LiHua), ("representedLegalPersons", Page(legalPersons[HarbourCompany]))),
            [WangFang] = Map(("idNumber", WangFang), ("representedLegalPersons", Page())),
        };
        yield return ("legal-persons", subgraph => Entities(
                Entities(subgraph, "LegalPerson", "creditCode", legalPersons), "Person", "idNumber", representatives)
            .Bind("Query.legalPerson", context => new ValueTask<object?>(legalPersons.GetValueOrDefault(Key(context.Arguments["creditCode"]))))
            .Bind("Query.legalPersons", _ => new ValueTask<object?>(Page(legalPersons[HarbourCompany]))));

        var boundary = Map(
            ("type", "Polygon"),
            ("coordinates", new List<object?>
            {
                new List<object?> { Position(121.5, 29.8), Position(121.6, 29.8), Position(121.6, 29.9), Position(121.5, 29.8) },
            }));
        var parcel = Map(("unitCode", "330203001001GB00001"), ("areaSquareMetres", 1250.5), ("boundary", boundary));
        var addresses = new Dictionary<string, Dictionary<string, object?>> { ["A-1"] = Map(("id", "A-1"), ("text", "浙江省宁波市海曙区中山西路1号")) };
        yield return ("spatial", subgraph => Entities(
            Entities(
                Entities(
                    Entities(
                        Entities(subgraph, "LegalPerson", "creditCode", new Dictionary<string, Dictionary<string, object?>>
                        {
                            [HarbourCompany] = Map(("creditCode", HarbourCompany), ("parcels", Page(parcel))),
                        }),
                        "Person",
                        "idNumber",
                        new Dictionary<string, Dictionary<string, object?>> { [LiHua] = Map(("idNumber", LiHua), ("parcels", Page())) }),
                    "Address",
                    "id",
                    addresses),
                "Parcel",
                "unitCode",
                new Dictionary<string, Dictionary<string, object?>> { ["330203001001GB00001"] = parcel }),
            "AdministrativeDivision",
            "code",
            new Dictionary<string, Dictionary<string, object?>>())
            .Bind("Query.parcels", _ => new ValueTask<object?>(Page(parcel)))
            .Bind("Query.parcelsInBox", _ => new ValueTask<object?>(Page(parcel))));

        var licences = new Dictionary<string, Dictionary<string, object?>>
        {
            ["L-1"] = Map(("number", "L-1"), ("holderName", "李华"), ("holder", Map(("__typename", "Person"), ("idNumber", LiHua))),
                ("issuingAgency", Map(("creditCode", LicenceBureau)))),
            ["L-2"] = Map(("number", "L-2"), ("holderName", "宁波港务有限公司"), ("holder", Map(("__typename", "LegalPerson"), ("creditCode", HarbourCompany))),
                ("issuingAgency", Map(("creditCode", LicenceBureau)))),
            ["L-3"] = Map(("number", "L-3"), ("holderName", "李华"), ("holder", Map(("__typename", "Person"), ("idNumber", LiHua))),
                ("issuingAgency", Map(("creditCode", LicenceBureau)))),
        };
        var holders = new Dictionary<string, Dictionary<string, object?>>
        {
            [LiHua] = Map(("idNumber", LiHua), ("licences", Page(licences["L-1"], licences["L-3"]))),
            [WangFang] = Map(("idNumber", WangFang), ("licences", Page())),
        };
        yield return ("licences", subgraph => Entities(
                Entities(
                    Entities(subgraph, "Licence", "number", licences),
                    "Person",
                    "idNumber",
                    holders),
                "LegalPerson",
                "creditCode",
                new Dictionary<string, Dictionary<string, object?>> { [HarbourCompany] = Map(("creditCode", HarbourCompany), ("licences", Page(licences["L-2"]))) })
            .Bind("Mutation.correctLicence", context => new ValueTask<object?>(Map(
                ("licence", licences[Key(((IReadOnlyDictionary<string, object?>)context.Arguments["input"]!)["number"])]),
                ("changedFields", new List<object?> { "holderName" }))))
            .Bind("Query.licence", context => new ValueTask<object?>(licences.GetValueOrDefault(Key(context.Arguments["number"]))))
            .Bind("Query.licencesByNumbers", context => new ValueTask<object?>(
                ((IEnumerable<object?>)context.Arguments["numbers"]!).Select(n => (object?)licences.GetValueOrDefault(Key(n))).ToList()))
            .Bind("Query.licences", _ => new ValueTask<object?>(Page(licences["L-1"], licences["L-2"], licences["L-3"]))));
    }
}
