using System.Diagnostics.CodeAnalysis;
using Federation.GraphQL.Language.Syntax;

namespace Federation.GraphQL.Types.Scalars;

/// <summary>Where scalar coercions throw; kept out of the coercions so that they stay short.</summary>
internal static class CoercionError
{
    [DoesNotReturn]
    public static void Throw(string message) => throw new GraphQLException(new GraphQLError(message));

    /// <summary>A literal that does not fit: the error points at it.</summary>
    [DoesNotReturn]
    public static void Throw(string message, ValueNode literal) => throw new GraphQLException(new GraphQLError(message, literal));
}
