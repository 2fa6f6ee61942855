using System.Runtime.CompilerServices;

namespace Federation.GraphQL.Language;

/// <summary>
/// Names repeat within and across documents (<c>id</c>, <c>name</c>, <c>__typename</c>), so the
/// parser materialises each spelling once: a small direct-mapped cache per thread returns the
/// string already made for the same characters, and only a miss allocates. Bounded: a colliding
/// name replaces the cached one; long names are not cached.
/// </summary>
internal static class NameTable
{
    private const int Size = 2048;
    private const int MaxCachedLength = 48;

    [ThreadStatic]
    private static string?[]? t_entries;

    public static string Intern(ReadOnlySpan<char> name)
    {
        if (name.Length > MaxCachedLength)
        {
            return name.ToString();
        }

        var entries = t_entries ??= new string?[Size];
        var slot = Hash(name) & (Size - 1);
        var entry = entries[slot];
        if (entry is not null && name.SequenceEqual(entry))
        {
            return entry;
        }

        entry = name.ToString();
        entries[slot] = entry;
        return entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> name)
    {
        var hash = (uint)name.Length * 0x9E3779B1u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 0x01000193u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
