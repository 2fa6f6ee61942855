namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>The whole content of a register, as a seed makes it and a store loads it.</summary>
internal sealed record RegisterData(IReadOnlyList<Division> Divisions, IReadOnlyList<Address> Addresses, IReadOnlyList<Parcel> Parcels)
{
    public static readonly RegisterData Empty = new([], [], []);
}
