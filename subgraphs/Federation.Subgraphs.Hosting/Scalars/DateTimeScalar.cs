using System.Diagnostics.CodeAnalysis;

namespace Federation.Subgraphs.Hosting.Scalars;

/// <summary>
/// <c>scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/andimarek/date-time.html")</c>:
/// an instant with its offset, held as <see cref="DateTimeOffset"/>. Input is any RFC 3339
/// date-time, with or without a fraction of up to seven digits (<c>2024-05-01T08:30:00Z</c>,
/// <c>2024-05-01T08:30:00.5+08:00</c>); output is canonical: milliseconds, <c>Z</c> for UTC, the
/// offset kept otherwise (see <see cref="Rfc3339DateTime"/>).
/// Resolvers may also return a UTC <see cref="DateTime"/>; one of another kind has no offset and is refused.
/// </summary>
public sealed class DateTimeScalar : TextScalar<DateTimeOffset>
{
    public const string Specification = "https://scalars.graphql.org/andimarek/date-time.html";

    public DateTimeScalar()
        : base("DateTime")
    {
        SpecifiedByUrl = Specification;
        Description = "An instant written as an RFC 3339 date-time with an offset, e.g. 2025-03-01T09:30:00+08:00.";
    }

    public override object? Serialize(object value)
    {
        if (value is DateTime dateTime)
        {
            if (dateTime.Kind != DateTimeKind.Utc)
            {
                ScalarError.Throw($"DateTime cannot represent a {dateTime.Kind} DateTime without an offset: {dateTime:O}");
            }

            return Rfc3339DateTime.Format(new DateTimeOffset(dateTime));
        }

        return base.Serialize(value);
    }

    protected override bool TryParse(string text, out DateTimeOffset value, [NotNullWhen(false)] out string? error) =>
        Rfc3339DateTime.TryParse(text, out value, out error);

    protected override string Format(DateTimeOffset value) => Rfc3339DateTime.Format(value);
}
