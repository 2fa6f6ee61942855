// The conformance runner: prints, for each query of a queries file, one JSON line with its
// parse error, validation errors or execution result, as tests/peer/graphql-js-runner.mjs does.
//
//   Federation.GraphQL.Conformance --schema FILE.graphql --root FILE.json --queries FILE.json
using Federation.GraphQL.Conformance;

var options = new Dictionary<string, string>();
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (args.Length % 2 != 0
    || !options.TryGetValue("--schema", out var schemaPath)
    || !options.TryGetValue("--root", out var rootPath)
    || !options.TryGetValue("--queries", out var queriesPath))
{
    Console.Error.WriteLine("usage: Federation.GraphQL.Conformance --schema FILE.graphql --root FILE.json --queries FILE.json");
    return 2;
}

var runner = ConformanceRunner.Create(File.ReadAllText(schemaPath), File.ReadAllText(rootPath), out var schemaErrors);
using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
if (runner is null)
{
    output.WriteLine(schemaErrors);
    return 1;
}

foreach (var query in ConformanceQuery.ListFromJson(File.ReadAllText(queriesPath)))
{
    output.WriteLine(await runner.RunAsync(query));
}

return 0;
