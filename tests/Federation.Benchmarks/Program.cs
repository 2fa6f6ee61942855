using BenchmarkDotNet.Running;

namespace Federation.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        // `-- http`: requests per second over HTTP with wrk (see Http/HttpThroughput.cs).
        if (args is ["http", ..])
        {
            return Http.HttpThroughput.RunAsync(args[1..]).GetAwaiter().GetResult();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
