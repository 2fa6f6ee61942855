namespace Federation.Gateway.Requests;

/// <summary>
/// The steps of a request, in the order they run (DESIGN.md, "One request, one pipeline"). Every
/// stage belongs to one; the pipeline runs the steps in this order and, within a step, the stages
/// in the order they were registered.
/// </summary>
internal enum RequestStep
{
    /// <summary>Who asks and why: the token (checked by the gate before the document is parsed), the purpose declaration, the variables.</summary>
    Admit,

    /// <summary>The share catalogue, the grants and the caller's division decide which fields and rows the caller may read.</summary>
    Authorize,

    /// <summary>The query plan, from the cache or the planner.</summary>
    Plan,

    /// <summary>The subgraphs asked, signed, and their answers merged.</summary>
    Fetch,

    /// <summary>The answer in the client's shape, denied paths as errors.</summary>
    Shape,

    /// <summary>What happened is written down: the access decisions, the timings. Runs for refused requests too.</summary>
    Record,
}
