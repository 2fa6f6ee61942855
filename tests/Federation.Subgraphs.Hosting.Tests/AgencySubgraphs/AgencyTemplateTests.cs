using System.Reflection;
using Federation.Subgraphs.Hosting.Stores;
using Federation.Subgraphs.LegalPersons;
using Federation.Subgraphs.Licences;
using Federation.Subgraphs.Population;
using Federation.Subgraphs.Spatial;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Federation.Subgraphs.Hosting.Tests.AgencySubgraphs;

/// <summary>Each agency subgraph has the parts the template in subgraphs/README.md names, under the names it gives them.</summary>
public sealed class AgencyTemplateTests
{
    public static readonly TheoryData<string, Type> Services = new()
    {
        { "Population", typeof(PopulationService) },
        { "LegalPersons", typeof(LegalPersonsService) },
        { "Spatial", typeof(SpatialService) },
        { "Licences", typeof(LicencesService) },
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void The_service_builds_from_args_and_a_configure_step_and_names_its_url_and_development_secret(string agency, Type service)
    {
        Assert.Equal($"Federation.Subgraphs.{agency}.{agency}Service", service.FullName);
        var build = service.GetMethod("Build", BindingFlags.Public | BindingFlags.Static, [typeof(string[]), typeof(Action<WebApplicationBuilder>)]);
        Assert.Equal(typeof(WebApplication), build?.ReturnType);
        Assert.StartsWith("http://127.0.0.1:410", Constant(service, "DefaultUrl"), StringComparison.Ordinal);
        Assert.Contains("development", Constant(service, "DevelopmentSecret"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_setup_the_startup_and_the_api_have_the_template_names(string agency, Type service)
    {
        var assembly = service.Assembly;
        var setup = assembly.GetType($"Federation.Subgraphs.{agency}.{agency}Setup");
        var startup = assembly.GetType($"Federation.Subgraphs.{agency}.{agency}Startup");
        var api = assembly.GetType($"Federation.Subgraphs.{agency}.{agency}Api");

        Assert.NotNull(setup?.GetMethod($"Add{agency}Subgraph", BindingFlags.Public | BindingFlags.Static, [typeof(WebApplicationBuilder)]));
        Assert.Equal([startup], assembly.GetTypes().Where(type => typeof(IStoreStartup).IsAssignableFrom(type)));
        Assert.NotNull(api?.GetMethod($"Map{agency}Api", BindingFlags.Public | BindingFlags.Static, [typeof(IEndpointRouteBuilder)]));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void The_migrations_are_embedded_from_Storage_Migrations(string agency, Type service)
    {
        var migrations = service.Assembly.GetManifestResourceNames().Where(name => name.EndsWith(".sql", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(migrations);
        Assert.All(migrations, name => Assert.StartsWith($"Federation.Subgraphs.{agency}.Storage.Migrations.", name, StringComparison.Ordinal));
    }

    private static string Constant(Type service, string name) =>
        Assert.IsType<string>(service.GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue());
}
