using System.Diagnostics.CodeAnalysis;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// <c>scalar IdNumber</c>: a citizen identity number by GB 11643-1999, held as <see cref="IdNumber"/>.
/// There is no public URL for the standard's text, so no <c>@specifiedBy</c> is claimed.
/// </summary>
public sealed class IdNumberScalar : TextScalar<IdNumber>
{
    public IdNumberScalar()
        : base("IdNumber") => Description = "A citizen identity number (公民身份号码) by GB 11643: 18 characters, the last an ISO 7064 MOD 11-2 check character (0-9 or X).";

    protected override bool TryParse(string text, out IdNumber value, [NotNullWhen(false)] out string? error) =>
        IdNumber.TryParse(text, out value, out error);

    protected override string Format(IdNumber value) => value.Value;
}
