using System.Diagnostics.CodeAnalysis;

namespace Federation.Gateway.Composition;

/// <summary>One subgraph to compose: its name (which names its <c>join__Graph</c> value), its URL and its SDL.</summary>
public sealed record SubgraphSdl(string Name, string Url, [StringSyntax("graphql")] string Sdl);
