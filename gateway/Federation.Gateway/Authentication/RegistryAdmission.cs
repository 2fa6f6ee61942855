using Federation.Gateway.Catalogue;
using Federation.GraphQL;

namespace Federation.Gateway.Authentication;

/// <summary>
/// A token's claims as the agencies registry of one catalogue admits them: the <see cref="Caller"/>,
/// or the refusal (403, <see cref="AuthenticationErrorCodes"/>).
/// </summary>
internal sealed record AgencyRegistration(ShareCatalogue Catalogue, Caller? Caller, GraphQLError? Refusal);

/// <summary>
/// Who an agency is comes from the catalogue's registry (DESIGN.md decision 7): a token says which
/// agency and user is asking; the registry gives the division and decides which roles its users may
/// hold. A token that claims otherwise is refused, not corrected — it was issued wrongly, and a caller
/// served with a quietly different identity would be harder to notice than a refusal.
/// <list type="bullet">
/// <item>an agency the registry does not list: <c>AGENCY_UNKNOWN</c>;</item>
/// <item>a division claim other than the registry's: <c>DIVISION_MISMATCH</c> (no claim: the registry's);</item>
/// <item><c>competent-department</c>, <c>auditor</c> for an agency the registry does not give them,
/// <c>share-approver</c> for an agency that provides no resource: <c>ROLE_NOT_ALLOWED</c>;
/// <c>share-applicant</c> is any registered agency's.</item>
/// </list>
/// Role values that are not platform roles (an identity provider's own groups) mean nothing here and
/// are left out of the caller.
/// </summary>
internal static class RegistryAdmission
{
    public static AgencyRegistration Check(TokenClaims claims, ShareCatalogue catalogue, ClaimNames names)
    {
        if (catalogue.Agency(claims.Agency) is not { } agency)
        {
            return Refused(AuthenticationErrorCodes.UnknownAgency(names.Agency, claims.Agency));
        }

        if (claims.Division is { } division && division != agency.Division)
        {
            return Refused(AuthenticationErrorCodes.WrongDivision(names.Division, division, agency));
        }

        var roles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in claims.Roles)
        {
            if (!PlatformRoles.All.Contains(role, StringComparer.Ordinal))
            {
                continue;
            }

            if (Refusal(role, agency, catalogue) is { } why)
            {
                return Refused(AuthenticationErrorCodes.RoleNotHeld(names.Roles, role, agency.Code, why));
            }

            roles.Add(role);
        }

        return new AgencyRegistration(catalogue, new Caller(claims.User, agency.Code, agency.Division, roles), null);

        AgencyRegistration Refused(GraphQLError error) => new(catalogue, null, error);
    }

    /// <summary>Why <paramref name="agency"/> may not hold the platform role <paramref name="role"/>, as a clause; null when it may.</summary>
    public static string? Refusal(string role, CatalogueAgency agency, ShareCatalogue catalogue) => role switch
    {
        PlatformRoles.Applicant => null,
        PlatformRoles.Approver => catalogue.Provides(agency.Code) ? null : "only an agency that provides a catalogue resource holds",
        _ => agency.MayHold(role) ? null : $"the agencies registry does not give it (an agency's roles: in {CatalogueFiles.FileName})",
    };
}
