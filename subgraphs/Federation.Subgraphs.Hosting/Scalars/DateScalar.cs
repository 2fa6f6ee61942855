using System.Diagnostics.CodeAnalysis;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary><c>scalar Date</c>: a calendar date written <c>YYYY-MM-DD</c>, held as <see cref="DateOnly"/> (see <see cref="FullDate"/>).</summary>
public sealed class DateScalar : TextScalar<DateOnly>
{
    public const string Specification = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6";

    public DateScalar()
        : base("Date")
    {
        SpecifiedByUrl = Specification;
        Description = "A calendar date written YYYY-MM-DD (RFC 3339 full-date).";
    }

    protected override bool TryParse(string text, out DateOnly value, [NotNullWhen(false)] out string? error) =>
        FullDate.TryParse(text, out value, out error);

    protected override string Format(DateOnly value) => FullDate.Format(value);
}
