namespace Federation.Subgraphs.Hosting;

/// <summary>Anchor for the assembly: the plumbing every agency subgraph shares.</summary>
public static class HostingAssembly;
