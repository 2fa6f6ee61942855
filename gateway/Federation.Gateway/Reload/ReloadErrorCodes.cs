using Federation.Gateway.Authentication;
using Federation.GraphQL;

namespace Federation.Gateway.Reload;

/// <summary>The error codes of the operator's reload endpoint, each with its one factory.</summary>
internal static class ReloadErrorCodes
{
    /// <summary>The caller's registry roles do not include the competent department's.</summary>
    public const string ReloadForbidden = "RELOAD_FORBIDDEN";

    public static GraphQLError Forbidden(string agency) =>
        new GraphQLError($"Only the competent department ({PlatformRoles.CompetentDepartment}) reloads the served supergraph; agency {agency}'s caller does not hold that role.")
            .WithCode(ReloadForbidden);
}
