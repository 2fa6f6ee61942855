namespace Federation.Subgraphs.Spatial.Domain;

/// <summary>A standard address (标准地址) of the register, at a point in CGCS2000 longitude/latitude.</summary>
internal sealed record Address(
    string Id,
    string Text,
    string DivisionCode,
    string? Township,
    string? Community,
    string? Road,
    string? HouseNumber,
    string? Building,
    string? Unit,
    string? Room,
    string? PostalCode,
    double Longitude,
    double Latitude,
    string? ParcelUnitCode,
    DateTimeOffset UpdatedAt)
{
    public Coordinates Coordinates => new(Longitude, Latitude);
}

internal sealed record Coordinates(double Longitude, double Latitude);
