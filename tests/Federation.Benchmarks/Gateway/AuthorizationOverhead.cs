using Federation.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Benchmarks.Gateway;

/// <summary>
/// What share authorization adds to the gateway's latency (<see cref="GatewayComparison"/>): one gateway
/// with the authorization stage (the decision for every field, the grant lookup, the document filter,
/// the division check of every scoped row), one serving requests as sent.
/// <code>dotnet run -c Release --project tests/Federation.Benchmarks -- authorization [runs] [seconds] [connections]</code>
/// </summary>
internal static class AuthorizationOverhead
{
    public static Task<int> RunAsync(string[] args) => GatewayComparison.RunAsync(
        args,
        new ComparedGateway("with authorization", []),
        new ComparedGateway("requests as sent", [], app => app.Services.GetRequiredService<ServedExecutor>().ServeWithoutAuthorizationForBenchmark()));
}
