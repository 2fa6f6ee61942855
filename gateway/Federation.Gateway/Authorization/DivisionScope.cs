using Federation.Protocol.Agencies;


namespace Federation.Gateway.Authorization;

/// <summary>
/// Which rows a division-scoped resource shows an agency (Guangzhou art. 21): those of its own
/// administrative division and the divisions below it — GB/T 2260's hierarchy as
/// <see cref="DivisionCode.IsWithin"/> reads it: 330200 covers 330203, 330000 covers every 33xxxx,
/// 330203 only itself.
/// </summary>
internal static class DivisionScope
{
    /// <summary>A row whose division is unknown or not a division code cannot be shown to be within the caller's: not covered.</summary>
    public static bool Covers(string callerDivision, string? rowDivision) =>
        DivisionCode.TryParse(rowDivision, out var row, out _)
        && DivisionCode.TryParse(callerDivision, out var caller, out _)
        && row.IsWithin(caller);
}
