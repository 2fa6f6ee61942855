using System.Text.Json.Nodes;
using Federation.Gateway.Authentication;
using Federation.Gateway.Catalogue;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;
using Microsoft.Extensions.Primitives;

namespace Federation.Gateway.Tests.Authentication;

/// <summary>The purpose and matter a request declares in its headers and/or its <c>extensions</c>.</summary>
public sealed class PurposeDeclarationTests
{
    [Fact]
    public void Nothing_declared_is_no_purpose_and_no_error()
    {
        Assert.Null(Read(null, null, null));
        Assert.Null(Read("  ", null, new Dictionary<string, object?> { ["purpose"] = null, ["persistedQuery"] = "x" }));
    }

    [Fact]
    public void The_header_alone_declares_the_purpose_and_matter() =>
        Assert.Equal(new StatedPurpose(Purpose.DataVerification, "330200-XK-0001"), Read(" DATA_VERIFICATION ", "330200-XK-0001", null));

    [Fact]
    public void The_extensions_alone_declare_the_purpose_and_matter() =>
        Assert.Equal(
            new StatedPurpose(Purpose.AdministrativeBasis, "M-7"),
            Read(null, null, new Dictionary<string, object?> { ["purpose"] = "ADMINISTRATIVE_BASIS", ["matter"] = "M-7" }));

    [Fact]
    public void Header_and_extensions_that_agree_declare_it_once() =>
        Assert.Equal(
            new StatedPurpose(Purpose.BusinessCollaboration, null),
            Read("BUSINESS_COLLABORATION", null, new Dictionary<string, object?> { ["purpose"] = "BUSINESS_COLLABORATION" }));

    [Fact]
    public void The_purpose_from_one_place_and_the_matter_from_the_other_are_joined() =>
        Assert.Equal(
            new StatedPurpose(Purpose.WorkReference, "M-7"),
            Read("WORK_REFERENCE", null, new Dictionary<string, object?> { ["matter"] = "M-7" }));

    [Theory]
    [InlineData("WORK_REFERENCE", "DATA_VERIFICATION", null, null, "The Federation-Purpose header says \"WORK_REFERENCE\" but extensions.purpose says \"DATA_VERIFICATION\"")]
    [InlineData("WORK_REFERENCE", "WORK_REFERENCE", "M-1", "M-2", "The Federation-Matter header says \"M-1\" but extensions.matter says \"M-2\"")]
    public void Header_and_extensions_that_disagree_are_a_conflict(string headerPurpose, string extensionPurpose, string? headerMatter, string? extensionMatter, string message)
    {
        var extensions = new Dictionary<string, object?> { ["purpose"] = extensionPurpose, ["matter"] = extensionMatter };

        var error = ReadError(headerPurpose, headerMatter, extensions);

        Assert.Equal(AuthenticationErrorCodes.PurposeConflict, error.Extensions!["code"]);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_purpose_headers_are_a_conflict()
    {
        GraphQLErrorAssert(
            PurposeDeclaration.Read(new PurposeDeclaration(new StringValues(["WORK_REFERENCE", "DATA_VERIFICATION"]), default), null, out var stated),
            AuthenticationErrorCodes.PurposeConflict,
            "The Federation-Purpose header says \"WORK_REFERENCE\" but a second one says \"DATA_VERIFICATION\"");
        Assert.Null(stated);
    }

    [Theory]
    [InlineData("work_reference", null, "The Federation-Purpose header \"work_reference\" is not a purpose")]
    [InlineData("CURIOSITY", null, "The Federation-Purpose header \"CURIOSITY\" is not a purpose")]
    [InlineData(null, "LAW_ENFORCEMENT", "extensions.purpose \"LAW_ENFORCEMENT\" is not a purpose")]
    public void An_unknown_purpose_is_invalid_and_the_four_are_listed(string? header, string? extension, string message)
    {
        var error = ReadError(header, null, extension is null ? null : new Dictionary<string, object?> { ["purpose"] = extension });

        GraphQLErrorAssert(error, AuthenticationErrorCodes.PurposeInvalid, message);
        Assert.EndsWith(": declare one of ADMINISTRATIVE_BASIS, WORK_REFERENCE, DATA_VERIFICATION, BUSINESS_COLLABORATION.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_purpose_that_is_not_a_string_is_invalid() =>
        GraphQLErrorAssert(
            ReadError(null, null, new Dictionary<string, object?> { ["purpose"] = 3.0 }),
            AuthenticationErrorCodes.PurposeInvalid,
            "extensions.purpose must be a string");

    [Fact]
    public void A_matter_without_a_purpose_is_invalid() =>
        GraphQLErrorAssert(ReadError(null, "M-7", null), AuthenticationErrorCodes.PurposeInvalid, "The Federation-Matter header names a matter but no purpose is declared");

    [Theory]
    [InlineData("行政许可-0001")]
    [InlineData("M 7")]
    [InlineData("M-7\r\nX-Caller-Agency: someone-else")]
    [InlineData("MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM")]
    public void A_matter_that_cannot_travel_in_a_signed_header_is_invalid(string matter) =>
        GraphQLErrorAssert(
            ReadError(null, null, new Dictionary<string, object?> { ["purpose"] = "WORK_REFERENCE", ["matter"] = matter }),
            AuthenticationErrorCodes.MatterInvalid,
            "extensions.matter \"");

    [Fact]
    public async Task Through_the_endpoint_the_declared_purpose_is_signed_for_the_subgraphs()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var answer = await endpoint.PostAsync(
            "Bearer " + tokens.For(),
            extensions: new JsonObject { ["purpose"] = "DATA_VERIFICATION", ["matter"] = "330200-XK-0001" },
            headers: new Dictionary<string, string> { ["Federation-Purpose"] = "DATA_VERIFICATION" });

        Assert.Equal(200, answer.Status);
        Assert.All(
            endpoint.Subgraphs.Callers.Values.SelectMany(q => q),
            signed => Assert.Equal(new GatewayCaller(TestTokens.PublicSecurity.Agency, "DATA_VERIFICATION", "330200-XK-0001"), signed));
        Assert.NotEqual(0, endpoint.SubgraphRequests);
    }

    [Fact]
    public async Task Through_the_endpoint_a_bad_declaration_is_a_400_request_error_and_nothing_is_fetched()
    {
        var tokens = new TestTokens();
        await using var endpoint = await AuthenticatedEndpoint.StartAsync(tokens.Configure);

        var conflict = await endpoint.PostAsync(
            "Bearer " + tokens.For(),
            extensions: new JsonObject { ["purpose"] = "WORK_REFERENCE" },
            headers: new Dictionary<string, string> { ["Federation-Purpose"] = "ADMINISTRATIVE_BASIS" });
        var invalid = await endpoint.PostAsync("Bearer " + tokens.For(), headers: new Dictionary<string, string> { ["Federation-Purpose"] = "BECAUSE" });

        Assert.Equal((400, AuthenticationErrorCodes.PurposeConflict), (conflict.Status, conflict.Code));
        Assert.Equal((400, AuthenticationErrorCodes.PurposeInvalid), (invalid.Status, invalid.Code));
        Assert.Null(conflict.Json["data"]);
        Assert.Null(invalid.Json["data"]);
        Assert.Equal(0, endpoint.SubgraphRequests);
    }

    private static StatedPurpose? Read(string? purposeHeader, string? matterHeader, IReadOnlyDictionary<string, object?>? extensions)
    {
        var error = PurposeDeclaration.Read(new PurposeDeclaration(purposeHeader, matterHeader), extensions, out var stated);
        Assert.Null(error);
        return stated;
    }

    private static Federation.GraphQL.GraphQLError ReadError(string? purposeHeader, string? matterHeader, IReadOnlyDictionary<string, object?>? extensions)
    {
        var error = PurposeDeclaration.Read(new PurposeDeclaration(purposeHeader, matterHeader), extensions, out var stated);
        Assert.Null(stated);
        return Assert.IsType<Federation.GraphQL.GraphQLError>(error);
    }

    private static void GraphQLErrorAssert(Federation.GraphQL.GraphQLError? error, string code, string messageStart)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Extensions!["code"]);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }
}
