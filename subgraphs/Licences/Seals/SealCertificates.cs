using System.Security.Cryptography.X509Certificates;

namespace Federation.Subgraphs.Licences.Seals;

/// <summary>What a seal certificate says about its holder.</summary>
internal static class SealCertificates
{
    /// <summary>organizationIdentifier (X.520), which carries the agency's unified social credit code.</summary>
    public const string OrganizationIdentifierOid = "2.5.4.97";

    /// <summary>The credit code in the certificate's subject, or null.</summary>
    public static string? CreditCodeOf(X509Certificate2 certificate)
    {
        foreach (var name in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (name.GetSingleElementType().Value == OrganizationIdentifierOid)
            {
                return name.GetSingleElementValue();
            }
        }

        return null;
    }
}
