using System.Diagnostics.CodeAnalysis;
using Federation.Protocol.Agencies;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary><c>scalar CreditCode</c>: a unified social credit code by GB 32100-2015, held as <see cref="CreditCode"/>.</summary>
public sealed class CreditCodeScalar : TextScalar<CreditCode>
{
    public CreditCodeScalar()
        : base("CreditCode") => Description = "A unified social credit code (统一社会信用代码) by GB 32100: 18 characters, the last a check character.";

    protected override bool TryParse(string text, out CreditCode value, [NotNullWhen(false)] out string? error) =>
        CreditCode.TryParse(text, out value, out error);

    protected override string Format(CreditCode value) => value.Value;
}
