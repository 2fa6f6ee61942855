using Federation.Gateway.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Federation.Gateway.Pipeline;

internal static class PipelineServices
{
    /// <summary>
    /// Adds a stage to every request's pipeline, after the specified stages of its step (<see cref="IRequestStage.Step"/>):
    /// <code>services.AddRequestStage&lt;AuditStage&gt;();</code>
    /// One registration; no other stage changes. The stage is a singleton shared by every served supergraph.
    /// </summary>
    internal static IServiceCollection AddRequestStage<TStage>(this IServiceCollection services)
        where TStage : class, IRequestStage =>
        services.AddSingleton<IRequestStage, TStage>();
}
