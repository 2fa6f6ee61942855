namespace Federation.Gateway.Planning;

/// <summary>
/// A valid operation the planner cannot answer with the subgraphs it has (a field no subgraph
/// reaches from where it is asked). The gateway answers it with <see cref="PlanningErrorCodes.QueryPlanningFailed"/>.
/// </summary>
internal sealed class QueryPlanningException(string message) : Exception(message);
