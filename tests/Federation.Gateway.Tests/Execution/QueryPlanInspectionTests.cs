using Federation.Gateway.Execution;
using Microsoft.AspNetCore.Http;

namespace Federation.Gateway.Tests.Execution;

public sealed class QueryPlanInspectionTests
{
    [Theory]
    [InlineData(true, "true", true)]
    [InlineData(true, "TRUE", true)]
    [InlineData(true, "false", false)]
    [InlineData(true, null, false)]
    [InlineData(false, "true", false)]
    public void The_plan_is_exposed_only_when_enabled_and_asked_for(bool enabled, string? header, bool exposed)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[QueryPlanInspection.Header] = header;
        }

        Assert.Equal(exposed, new QueryPlanInspection { Enabled = enabled }.IsRequested(context.Request));
    }
}
