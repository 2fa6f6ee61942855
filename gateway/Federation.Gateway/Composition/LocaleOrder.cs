namespace Federation.Gateway.Composition;

/// <summary>
/// The order JavaScript's <c>localeCompare</c> (ICU root collation) gives GraphQL names, which
/// Apollo's printer sorts by: first letters without case, <c>_</c> before digits before letters;
/// then, between names equal but for case, lowercase first.
/// </summary>
internal sealed class LocaleOrder : IComparer<string>
{
    public static readonly LocaleOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var primary = Primary(x[i]).CompareTo(Primary(y[i]));
            if (primary != 0)
            {
                return primary;
            }
        }

        if (x.Length != y.Length)
        {
            return x.Length.CompareTo(y.Length);
        }

        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return char.IsLower(x[i]) ? -1 : 1;
            }
        }

        return 0;
    }

    private static int Primary(char c) => c switch
    {
        '_' => 1,
        >= '0' and <= '9' => 10 + (c - '0'),
        >= 'a' and <= 'z' => 100 + (c - 'a'),
        >= 'A' and <= 'Z' => 100 + (c - 'A'),
        _ => 1000 + c,
    };
}
