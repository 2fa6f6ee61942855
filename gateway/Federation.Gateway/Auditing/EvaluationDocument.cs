using System.Globalization;
using System.Text;
using System.Text.Json;
using Federation.Gateway.Audit;
using Federation.Gateway.Catalogue;

namespace Federation.Gateway.Auditing;

/// <summary>
/// The yearly evaluation as a download: JSON (the names of the GraphQL fields) or CSV (RFC 4180: a
/// header row, CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled). A CSV
/// cell that a spreadsheet would read as a formula — beginning with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return — is written with a leading apostrophe: agency and resource names
/// come from configuration and tokens, and an evaluation is opened by people who trust it.
/// </summary>
internal static class EvaluationDocument
{
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "year", "agency", "agency_name", "section", "resource", "resource_name", "class", "update_frequency",
        "requests", "requesting_agencies", "failed_requests", "resources_used", "distinct_subjects", "denied_fields", "grants_used",
    ];

    public static string Csv(IReadOnlyList<AgencyEvaluation> evaluations)
    {
        var csv = new StringBuilder();
        Row(csv, CsvHeader);
        foreach (var evaluation in evaluations)
        {
            var year = Number(evaluation.Year);
            foreach (var provided in evaluation.Provided)
            {
                var resource = provided.Resource;
                Row(csv,
                [
                    year, evaluation.Agency, evaluation.Name ?? "", "provided", resource.Id, resource.Name, CatalogueWireNames.WireName(resource.Class),
                    CatalogueWireNames.WireName(resource.UpdateFrequency), Number(provided.Requests), Number(provided.RequestingAgencies), Number(provided.FailedRequests),
                    "", "", "", "",
                ]);
            }

            Row(csv,
            [
                year, evaluation.Agency, evaluation.Name ?? "", "used", "", "", "", "", Number(evaluation.UsedRequests), "", "",
                Number(evaluation.UsedResources.Count), Number(evaluation.UsedDistinctSubjects), Number(evaluation.UsedDeniedFields), Number(evaluation.GrantsUsed.Count),
            ]);
        }

        return csv.ToString();
    }

    public static byte[] Json(int year, IReadOnlyList<AgencyEvaluation> evaluations)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("year", year);
            json.WriteStartArray("limits");
            foreach (var limit in AgencyEvaluation.Limits)
            {
                json.WriteStringValue(limit);
            }

            json.WriteEndArray();
            json.WriteStartArray("agencies");
            foreach (var evaluation in evaluations)
            {
                json.WriteStartObject();
                json.WriteString("agency", evaluation.Agency);
                json.WriteString("name", evaluation.Name);
                json.WriteStartObject("provided");
                json.WriteStartObject("byClass");
                foreach (var shareClass in Enum.GetValues<ShareClass>())
                {
                    json.WriteNumber(CatalogueWireNames.WireName(shareClass), evaluation.Provided.Count(p => p.Resource.Class == shareClass));
                }

                json.WriteEndObject();
                json.WriteStartArray("resources");
                foreach (var provided in evaluation.Provided)
                {
                    json.WriteStartObject();
                    json.WriteString("id", provided.Resource.Id);
                    json.WriteString("name", provided.Resource.Name);
                    json.WriteString("class", CatalogueWireNames.WireName(provided.Resource.Class));
                    json.WriteString("updateFrequency", CatalogueWireNames.WireName(provided.Resource.UpdateFrequency));
                    json.WriteNumber("requests", provided.Requests);
                    json.WriteNumber("requestingAgencies", provided.RequestingAgencies);
                    json.WriteNumber("failedRequests", provided.FailedRequests);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("used");
                json.WriteNumber("requests", evaluation.UsedRequests);
                json.WriteStartArray("resources");
                foreach (var resource in evaluation.UsedResources)
                {
                    json.WriteStringValue(resource);
                }

                json.WriteEndArray();
                json.WriteNumber("distinctSubjects", evaluation.UsedDistinctSubjects);
                json.WriteNumber("deniedFields", evaluation.UsedDeniedFields);
                json.WriteStartArray("grantsUsed");
                foreach (var grant in evaluation.GrantsUsed)
                {
                    json.WriteStringValue(grant.ToString());
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>One CSV cell: neutralized against formulas, then quoted when RFC 4180 asks.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            csv.Append(Cell(cells[i]));
        }

        csv.Append("\r\n");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
