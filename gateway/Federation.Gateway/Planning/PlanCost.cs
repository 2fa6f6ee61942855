namespace Federation.Gateway.Planning;

/// <summary>
/// What a part of a plan costs beyond the fetch it starts from: the fetches that must run one
/// after another (<see cref="Steps"/>), then the fetches in all (<see cref="Fetches"/>). Plans
/// compare by steps first, then fetches, as Apollo's planner weighs latency before load.
/// </summary>
internal readonly record struct PlanCost(int Steps, int Fetches) : IComparable<PlanCost>
{
    /// <summary>Nothing beyond the current fetch.</summary>
    public static readonly PlanCost None = new(0, 0);

    /// <summary>One more fetch after the current one.</summary>
    public static readonly PlanCost OneFetch = new(1, 1);

    /// <summary>No plan: a field no reachable subgraph resolves.</summary>
    public static readonly PlanCost Impossible = new(int.MaxValue, int.MaxValue);

    public bool IsPossible => Steps != int.MaxValue;

    /// <summary>This, then <paramref name="next"/> after it.</summary>
    public PlanCost Then(PlanCost next) =>
        IsPossible && next.IsPossible ? new(Steps + next.Steps, Fetches + next.Fetches) : Impossible;

    /// <summary>This and <paramref name="other"/> side by side.</summary>
    public PlanCost Beside(PlanCost other) =>
        IsPossible && other.IsPossible ? new(Math.Max(Steps, other.Steps), Fetches + other.Fetches) : Impossible;

    public static PlanCost Min(PlanCost a, PlanCost b) => b.CompareTo(a) < 0 ? b : a;

    public int CompareTo(PlanCost other) =>
        Steps != other.Steps ? Steps.CompareTo(other.Steps) : Fetches.CompareTo(other.Fetches);

    public static bool operator <(PlanCost left, PlanCost right) => left.CompareTo(right) < 0;

    public static bool operator >(PlanCost left, PlanCost right) => left.CompareTo(right) > 0;

    public static bool operator <=(PlanCost left, PlanCost right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PlanCost left, PlanCost right) => left.CompareTo(right) >= 0;

    public override string ToString() => IsPossible ? $"{Steps} steps, {Fetches} fetches" : "impossible";
}
