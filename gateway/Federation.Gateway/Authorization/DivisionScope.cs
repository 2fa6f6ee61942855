namespace Federation.Gateway.Authorization;

/// <summary>
/// Which rows a division-scoped resource shows an agency (Guangzhou art. 21): those of its own
/// administrative division and the divisions below it. GB/T 2260 codes are hierarchical — two
/// digits of province, two of prefecture, two of county, "00" for a level not narrowed — so a
/// caller's code stripped of its trailing "00" pairs is the prefix of every code it covers:
/// 330200 covers 330203, 330000 covers every 33xxxx, 330203 only itself.
/// </summary>
internal static class DivisionScope
{
    public static bool Covers(string callerDivision, string? rowDivision)
    {
        if (string.IsNullOrEmpty(rowDivision))
        {
            // A row whose division is unknown cannot be shown to be within the caller's.
            return false;
        }

        var prefix = callerDivision.AsSpan();
        while (prefix.Length >= 2 && prefix[^2..].SequenceEqual("00"))
        {
            prefix = prefix[..^2];
        }

        return rowDivision.AsSpan().StartsWith(prefix, StringComparison.Ordinal);
    }
}
