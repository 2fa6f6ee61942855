using System.Diagnostics.CodeAnalysis;
using Federation.Protocol.Agencies;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary><c>scalar DivisionCode</c>: an administrative division code by GB/T 2260, held as <see cref="DivisionCode"/>.</summary>
public sealed class DivisionCodeScalar : TextScalar<DivisionCode>
{
    public DivisionCodeScalar()
        : base("DivisionCode") => Description = "An administrative division code (行政区划代码) by GB/T 2260: six digits for province, prefecture and county.";

    protected override bool TryParse(string text, out DivisionCode value, [NotNullWhen(false)] out string? error) =>
        DivisionCode.TryParse(text, out value, out error);

    protected override string Format(DivisionCode value) => value.Value;
}
