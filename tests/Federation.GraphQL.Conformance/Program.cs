// The conformance runner: prints, for each query of a queries file, one JSON line with its
// parse error, validation errors or execution result, as tests/peer/graphql-js-runner.mjs does.
//
//   Federation.GraphQL.Conformance --schema FILE.graphql --root FILE.json --queries FILE.json
//   Federation.GraphQL.Conformance --schemas FILE.json      ([{name, sdl}]: one schemaErrors line each)
using System.Text.Json;
using Federation.GraphQL.Conformance;

var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
if (args.Length == 2 && options.TryGetValue("--schemas", out var schemasPath))
{
    using var schemas = JsonDocument.Parse(File.ReadAllText(schemasPath));
    foreach (var entry in schemas.RootElement.EnumerateArray())
    {
        var name = entry.GetProperty("name").GetString()!;
        output.WriteLine(Guarded(name, () => Task.FromResult(ConformanceRunner.SchemaLine(name, entry.GetProperty("sdl").GetString()!))).Result);
    }

    return 0;
}

if (args.Length % 2 != 0
    || !options.TryGetValue("--schema", out var schemaPath)
    || !options.TryGetValue("--root", out var rootPath)
    || !options.TryGetValue("--queries", out var queriesPath))
{
    Console.Error.WriteLine("usage: Federation.GraphQL.Conformance --schema FILE.graphql --root FILE.json --queries FILE.json");
    Console.Error.WriteLine("       Federation.GraphQL.Conformance --schemas FILE.json");
    return 2;
}

var runner = ConformanceRunner.Create(File.ReadAllText(schemaPath), File.ReadAllText(rootPath), out var schemaErrors);
if (runner is null)
{
    output.WriteLine(schemaErrors);
    return 1;
}

foreach (var query in ConformanceQuery.ListFromJson(File.ReadAllText(queriesPath)))
{
    output.WriteLine(await Guarded(query.Name, () => runner.RunAsync(query)));
}

return 0;

// An engine that throws is a finding too: it is printed as a line of its own and the run goes on.
static async Task<string> Guarded(string name, Func<Task<string>> run)
{
    try
    {
        return await run();
    }
    catch (Exception exception)
    {
        return JsJson.Stringify(new List<KeyValuePair<string, object?>> { new("name", name), new("exception", $"{exception.GetType().Name}: {exception.Message}") });
    }
}
