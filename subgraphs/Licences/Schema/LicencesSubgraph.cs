namespace Federation.Subgraphs.Licences.Schema;

/// <summary>The licence library's name among the subgraphs and its SDL, embedded from <c>schema/licences.graphql</c>.</summary>
internal static class LicencesSubgraph
{
    public const string Name = "licences";

    public static string Sdl { get; } = ReadSdl();

    private static string ReadSdl()
    {
        using var stream = typeof(LicencesSubgraph).Assembly.GetManifestResourceStream("licences.graphql")
            ?? throw new InvalidOperationException("The SDL licences.graphql is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>A person as this subgraph knows it: by key only (the population register owns the rest).</summary>
internal sealed record PersonRef(string IdNumber);

/// <summary>A legal person as this subgraph knows it: by key only (the legal-person register owns the rest).</summary>
internal sealed record LegalPersonRef(string CreditCode);

/// <summary>The result of a correction (<c>CorrectLicencePayload</c>).</summary>
internal sealed record CorrectLicencePayload(Domain.Licence Licence, IReadOnlyList<string> ChangedFields);
