using System.Diagnostics.CodeAnalysis;

namespace Federation.Gateway.Catalogue;

/// <summary>The four purposes a provider may permit for a conditional resource (Kaifeng art. 14).</summary>
internal enum Purpose
{
    /// <summary>作为行政依据: the data is the basis of an administrative act.</summary>
    AdministrativeBasis,

    /// <summary>工作参考: the data informs the agency's work.</summary>
    WorkReference,

    /// <summary>数据校核: the agency checks its own data against the source.</summary>
    DataVerification,

    /// <summary>业务协同: the agencies handle one matter together.</summary>
    BusinessCollaboration,
}

/// <summary>The purposes as they are written on the wire and in the catalogue: SCREAMING_SNAKE names.</summary>
internal static class Purposes
{
    public static readonly IReadOnlyList<Purpose> All =
        [Purpose.AdministrativeBasis, Purpose.WorkReference, Purpose.DataVerification, Purpose.BusinessCollaboration];

    public static string WireName(this Purpose purpose) => purpose switch
    {
        Purpose.AdministrativeBasis => "ADMINISTRATIVE_BASIS",
        Purpose.WorkReference => "WORK_REFERENCE",
        Purpose.DataVerification => "DATA_VERIFICATION",
        Purpose.BusinessCollaboration => "BUSINESS_COLLABORATION",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, null),
    };

    /// <summary>Reads a wire name, exactly as <see cref="WireName"/> writes it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Purpose? purpose)
    {
        purpose = text switch
        {
            "ADMINISTRATIVE_BASIS" => Purpose.AdministrativeBasis,
            "WORK_REFERENCE" => Purpose.WorkReference,
            "DATA_VERIFICATION" => Purpose.DataVerification,
            "BUSINESS_COLLABORATION" => Purpose.BusinessCollaboration,
            _ => null,
        };
        return purpose is not null;
    }
}
