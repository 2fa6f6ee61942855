namespace Federation.Subgraphs.Population.Domain;

/// <summary>A household of the household register (户), as stored; its members are the persons registered in it.</summary>
internal sealed record Household(
    string Number,
    string Kind,
    string? HeadIdNumber,
    string Address,
    string Division,
    DateTimeOffset UpdatedAt);
