using Federation.Gateway.Audit;
using Federation.GraphQL;

namespace Federation.Gateway.Auditing;

/// <summary>
/// Why a read of the audit trail is refused. Each code has one factory; the error carries the code
/// in <c>extensions.code</c>, and the argument concerned where there is one.
/// </summary>
internal static class AuditReadingErrorCodes
{
    public const string Forbidden = "FORBIDDEN";
    public const string CursorInvalid = "CURSOR_INVALID";
    public const string FirstInvalid = "FIRST_INVALID";
    public const string PeriodInvalid = "PERIOD_INVALID";
    public const string ArgumentInvalid = "INVALID_ARGUMENT";
    public const string FormatInvalid = "FORMAT_INVALID";
    public const string ReadingUnavailable = "AUDIT_READING_UNAVAILABLE";
    public const string AuditUnavailable = "AUDIT_UNAVAILABLE";

    public static GraphQLError NotAnAuditor(string role) =>
        Error(Forbidden, $"Reading the audit trail needs the role {role}; this attempt is recorded.", ("role", role));

    public static GraphQLError BadCursor() =>
        Error(CursorInvalid, "The cursor is not one this gateway gave for this filter: ask again without 'after'.", ("argument", "after"));

    public static GraphQLError BadFirst(int first, int maximum) =>
        Error(FirstInvalid, $"first must be between 1 and {maximum}, not {first}.", ("argument", "first"));

    public static GraphQLError BadPeriod(string message) =>
        Error(PeriodInvalid, message);

    public static GraphQLError BadArgument(string argument, string message) =>
        Error(ArgumentInvalid, $"{argument}: {message}", ("argument", argument));

    public static GraphQLError BadFormat(string format) =>
        Error(FormatInvalid, $"format must be json or csv, not {Clip(format)}.", ("argument", "format"));

    public static GraphQLError NoReader() =>
        Error(ReadingUnavailable, "The audit trail is not kept on this gateway (Audit:Enabled is false), so there is nothing to read.");

    public static GraphQLError NotRecorded() =>
        Error(AuditUnavailable, "The read of the audit trail could not be recorded, so nothing is released; try again later.");

    /// <summary>At most 64 characters of what the caller sent, for messages.</summary>
    public static string Clip(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static GraphQLError Error(string code, string message, (string Name, string Value)? detail = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (detail is { } d)
        {
            extensions[d.Name] = d.Value;
        }

        return new GraphQLError(message, extensions: extensions);
    }
}

/// <summary>A read of the audit trail refused with a coded error.</summary>
internal sealed class AuditReadingException(GraphQLError error) : GraphQLException(error);
