using System.Diagnostics.Metrics;
using Federation.Gateway.Audit;
using Federation.Gateway.Audit.Spool;

namespace Federation.Gateway.Hosting;

/// <summary>
/// What the gateway holds, read when a collector asks: the plans cached for the served supergraph
/// (<c>Federation.Gateway.Planning</c>) and the audit records written to the spool but not yet shipped to the
/// store (<c>Federation.Gateway.Audit</c>, in bytes: a queue that grows while the store is slow or down).
/// </summary>
internal sealed class GatewayGauges
{
    public const string PlanningMeter = "Federation.Gateway.Planning";
    public const string AuditMeter = "Federation.Gateway.Audit";

    public GatewayGauges(IMeterFactory meters, ServedExecutor served, IAuditTrail? trail = null)
    {
        meters.Create(PlanningMeter).CreateObservableGauge(
            "federation.gateway.plan_cache.size",
            () => served.Current().Plans.Count,
            "{plan}",
            "Query plans cached for the served supergraph.");
        if (trail is SpooledAuditTrail spooled)
        {
            meters.Create(AuditMeter).CreateObservableGauge(
                "federation.gateway.audit.queue_depth",
                () => Math.Max(0, spooled.Spool.DurableEnd - spooled.Spool.ShippedOffset),
                "By",
                "Audit records durable in the spool and not yet shipped to the store.");
        }
    }
}
