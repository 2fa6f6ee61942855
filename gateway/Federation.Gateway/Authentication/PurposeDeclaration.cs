using Federation.Gateway.Catalogue;
using Federation.GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Federation.Gateway.Authentication;

/// <summary>
/// Why a request reads, as it declares it: the purpose in the <c>Federation-Purpose</c> header and/or
/// <c>extensions.purpose</c>, the matter in <c>Federation-Matter</c> and/or <c>extensions.matter</c>.
/// The endpoint knows the headers, the executor the extensions; <see cref="Read"/> joins them. Either
/// place may be used; when both are, they must agree.
/// </summary>
internal sealed record PurposeDeclaration(StringValues Purpose, StringValues Matter)
{
    public const string PurposeHeader = "Federation-Purpose";
    public const string MatterHeader = "Federation-Matter";
    public const string PurposeExtension = "purpose";
    public const string MatterExtension = "matter";

    /// <summary>The purpose the subgraphs are told of when a request declares none.</summary>
    public const string Undeclared = "UNDECLARED";

    /// <summary>The matter travels to the subgraphs in a signed header, so it must be a short ASCII reference.</summary>
    public const int MaxMatterLength = 64;

    public static PurposeDeclaration FromHeaders(HttpRequest request) => new(request.Headers[PurposeHeader], request.Headers[MatterHeader]);

    /// <summary>
    /// The purpose a request states in <paramref name="headers"/> and <paramref name="extensions"/>;
    /// null <paramref name="stated"/> when it states none. Returns the request error when the
    /// declaration is bad (<see cref="AuthenticationErrorCodes"/>), else null.
    /// </summary>
    public static GraphQLError? Read(PurposeDeclaration? headers, IReadOnlyDictionary<string, object?>? extensions, out StatedPurpose? stated)
    {
        stated = null;
        if (Join(PurposeHeader, headers?.Purpose ?? default, PurposeExtension, extensions, source => AuthenticationErrorCodes.InvalidPurpose($"{source} must be a string"), out var purposeText, out var purposeSource) is { } purposeError)
        {
            return purposeError;
        }

        if (Join(MatterHeader, headers?.Matter ?? default, MatterExtension, extensions, source => AuthenticationErrorCodes.InvalidMatter(source, null), out var matter, out var matterSource) is { } matterError)
        {
            return matterError;
        }

        if (purposeText is null)
        {
            return matter is null ? null : AuthenticationErrorCodes.InvalidPurpose($"{matterSource} names a matter but no purpose is declared");
        }

        if (!Purposes.TryParse(purposeText, out var purpose))
        {
            return AuthenticationErrorCodes.InvalidPurpose($"{purposeSource} \"{AuthenticationErrorCodes.Clip(purposeText)}\" is not a purpose");
        }

        if (matter is not null && !IsMatterReference(matter))
        {
            return AuthenticationErrorCodes.InvalidMatter(matterSource, matter);
        }

        stated = new StatedPurpose(purpose.Value, matter);
        return null;
    }

    /// <summary>The one value the header and the extension give together; blank counts as not given.</summary>
    private static GraphQLError? Join(
        string header,
        StringValues headerValues,
        string extension,
        IReadOnlyDictionary<string, object?>? extensions,
        Func<string, GraphQLError> notAString,
        out string? value,
        out string source)
    {
        value = null;
        source = $"The {header} header";
        string? fromHeader = null;
        foreach (var sent in headerValues)
        {
            if (string.IsNullOrWhiteSpace(sent))
            {
                continue;
            }

            if (fromHeader is not null && fromHeader != sent.Trim())
            {
                return AuthenticationErrorCodes.ConflictingDeclarations($"The {header} header", fromHeader, "a second one", sent.Trim());
            }

            fromHeader = sent.Trim();
        }

        string? fromExtension = null;
        if (extensions is not null && extensions.TryGetValue(extension, out var given) && given is not null)
        {
            if (given is not string text)
            {
                return notAString($"extensions.{extension}");
            }

            fromExtension = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        if (fromHeader is not null && fromExtension is not null && fromHeader != fromExtension)
        {
            return AuthenticationErrorCodes.ConflictingDeclarations($"The {header} header", fromHeader, $"extensions.{extension}", fromExtension);
        }

        value = fromHeader ?? fromExtension;
        source = fromHeader is not null ? source : $"extensions.{extension}";
        return null;
    }

    /// <summary>At most <see cref="MaxMatterLength"/> visible ASCII characters: the share workflow keeps matters to the same rule.</summary>
    internal static bool IsMatterReference(string matter)
    {
        if (matter.Length > MaxMatterLength)
        {
            return false;
        }

        foreach (var c in matter)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
