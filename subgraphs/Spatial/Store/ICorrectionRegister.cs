using Federation.Subgraphs.Spatial.Domain;
using NetTopologySuite.Geometries;

namespace Federation.Subgraphs.Spatial.Store;

/// <summary>
/// What a correction needs to know of the rest of the register, answered by the store inside the
/// correction (PostgreSQL: in its transaction), so both stores validate and derive fields alike.
/// </summary>
internal interface ICorrectionRegister
{
    /// <summary>The code of the county in force <paramref name="code"/>; INVALID_INPUT naming <paramref name="argument"/> otherwise.</summary>
    Task<string> RequireCountyAsync(string code, string argument, CancellationToken cancellationToken);

    /// <summary>The unit code when the parcel exists; INVALID_INPUT naming <paramref name="argument"/> otherwise.</summary>
    Task<string> RequireParcelAsync(string unitCode, string argument, CancellationToken cancellationToken);

    Task<Division?> DivisionAtAsync(double longitude, double latitude, string level, CancellationToken cancellationToken);

    /// <summary>The unit code of the parcel whose boundary covers the point, the smallest code if several do.</summary>
    Task<string?> ParcelAtAsync(double longitude, double latitude, CancellationToken cancellationToken);

    /// <summary>The geodesic area of a boundary in square metres.</summary>
    Task<double> AreaAsync(Geometry boundary, CancellationToken cancellationToken);
}
