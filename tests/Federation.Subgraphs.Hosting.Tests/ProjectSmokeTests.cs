namespace Federation.Subgraphs.Hosting.Tests;

public sealed class ProjectSmokeTests
{
    [Fact]
    public void Hosting_assembly_loads() =>
        Assert.Equal("Federation.Subgraphs.Hosting", typeof(HostingAssembly).Assembly.GetName().Name);
}
