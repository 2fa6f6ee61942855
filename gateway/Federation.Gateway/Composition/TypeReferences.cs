using Federation.GraphQL.Language.Syntax;

namespace Federation.Gateway.Composition;

/// <summary>Type references (<c>[T!]!</c>) compared and printed as composition needs.</summary>
internal static class TypeReferences
{
    public static bool Same(TypeNode a, TypeNode b) => (a, b) switch
    {
        (NamedTypeNode x, NamedTypeNode y) => x.Name.Value == y.Name.Value,
        (ListTypeNode x, ListTypeNode y) => Same(x.Type, y.Type),
        (NonNullTypeNode x, NonNullTypeNode y) => Same(x.Type, y.Type),
        _ => false,
    };

    /// <summary>
    /// Whether <paramref name="subtype"/> differs from <paramref name="type"/> and can stand for it,
    /// by Apollo's default subtyping rules: an implementation for its interface or a member for its
    /// union (direct), <c>T!</c> for <c>T</c> (non-nullable downgrade), both through lists and non-null.
    /// </summary>
    public static bool IsStrictSubtype(MergedSchema schema, TypeNode type, TypeNode subtype) =>
        !Same(type, subtype) && IsSubtype(schema, type, subtype);

    private static bool IsSubtype(MergedSchema schema, TypeNode type, TypeNode subtype) => (type, subtype) switch
    {
        (NonNullTypeNode t, NonNullTypeNode s) => IsSubtype(schema, t.Type, s.Type),
        (NonNullTypeNode, _) => false,
        (_, NonNullTypeNode s) => IsSubtype(schema, type, s.Type),
        (ListTypeNode t, ListTypeNode s) => IsSubtype(schema, t.Type, s.Type),
        (NamedTypeNode t, NamedTypeNode s) => t.Name.Value == s.Name.Value || schema.IsDirectSubtype(t.Name.Value, s.Name.Value),
        _ => false,
    };

    public static string Print(TypeNode type) => type switch
    {
        NamedTypeNode named => named.Name.Value,
        ListTypeNode list => "[" + Print(list.Type) + "]",
        NonNullTypeNode nonNull => Print(nonNull.Type) + "!",
        _ => "",
    };
}
