using System.Collections.Frozen;
using System.Text;

namespace Federation.Subgraphs.LegalPersons.Domain;

/// <summary>
/// The GraphQL and storage names of the register's enums: <c>PublicInstitution</c> is written
/// <c>PUBLIC_INSTITUTION</c>, in the schema and in the database alike.
/// </summary>
internal static class SchemaNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => Screaming(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Of(TEnum value) => Names[value];

    public static TEnum Parse(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new FormatException($"\"{name}\" is not a {typeof(TEnum).Name}.");

    private static string Screaming(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }
}
