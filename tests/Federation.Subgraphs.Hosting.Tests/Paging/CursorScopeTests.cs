using System.Buffers.Text;
using System.Text;
using Federation.GraphQL;
using Federation.Protocol.Agencies;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting.Paging;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Subgraphs.Hosting.Tests.Paging;

public sealed class CursorScopeTests
{
    private const string Secret = "cursor-test-secret-that-is-long-enough-for-hkdf";

    private static readonly CursorSeal Seal = CursorSeal.FromSecret(Secret);
    private static readonly GatewayCaller District = new("11330203MB0000001X", "DATA_VERIFICATION", Division: "330203");
    private static readonly Dictionary<string, object?> HaishuHouseholds = new()
    {
        ["filter"] = new Dictionary<string, object?> { ["division"] = DivisionCode.Parse("330203"), ["kind"] = "FAMILY" },
        ["first"] = 20,
        ["after"] = null,
    };

    private static CursorScope Households(IReadOnlyDictionary<string, object?>? arguments = null, GatewayCaller? caller = null, CursorSeal? seal = null) =>
        CursorScope.For(seal ?? Seal, "Query.households", arguments ?? HaishuHouseholds, caller ?? District);

    [Fact]
    public void A_cursor_opens_to_its_sort_key_in_the_list_and_for_the_caller_it_was_handed_to()
    {
        var cursor = Households().Seal("330203000123");

        Assert.Equal(["330203000123"], Households().Open(cursor, 1));
    }

    [Fact]
    public void A_cursor_of_several_parts_opens_to_all_of_them()
    {
        var cursor = Households().Seal("12.5", "NB000000001");

        Assert.Equal(["12.5", "NB000000001"], Households().Open(cursor, 2));
    }

    [Fact]
    public void A_cursor_shows_nothing_of_its_sort_key_and_differs_each_time()
    {
        var first = Households().Seal("330203000123");
        var second = Households().Seal("330203000123");

        Assert.NotEqual(first, second);
        var bytes = Base64Url.DecodeFromChars(first);
        Assert.DoesNotContain("330203000123", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("330203000123", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.True(first.Length <= 60, $"{first.Length} characters");
        Assert.True(Base64Url.IsValid(first));
    }

    [Fact]
    public void Every_single_flipped_bit_is_refused()
    {
        var cursor = Households().Seal("330203000123");
        var bytes = Base64Url.DecodeFromChars(cursor);
        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= (byte)(1 << bit);
                ExpectRefused(() => Households().Open(Base64Url.EncodeToString(altered), 1));
            }
        }
    }

    [Fact]
    public void A_truncated_or_lengthened_cursor_is_refused()
    {
        var cursor = Households().Seal("330203000123");
        for (var length = 0; length < cursor.Length; length++)
        {
            ExpectRefused(() => Households().Open(cursor[..length], 1));
        }

        ExpectRefused(() => Households().Open(cursor + "A", 1));
        ExpectRefused(() => Households().Open(cursor + "AAAA", 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("djEfMzMwMjAzMDAwMTIz")] // the readable cursors these replaced: base64url of "v1\u001f330203000123"
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("////")]
    [InlineData("\u0000")]
    public void Garbage_is_refused(string cursor) => ExpectRefused(() => Households().Open(cursor, 1));

    [Fact]
    public void A_cursor_over_a_kilobyte_is_refused_without_being_decoded() =>
        ExpectRefused(() => Households().Open(new string('A', 4096), 1));

    [Fact]
    public void A_cursor_of_another_list_is_refused()
    {
        var cursor = Households().Seal("330203000123");

        ExpectRefused(() => CursorScope.For(Seal, "Query.persons", HaishuHouseholds, District).Open(cursor, 1));
    }

    [Fact]
    public void A_cursor_of_the_same_list_with_another_filter_is_refused()
    {
        var cursor = Households().Seal("330203000123");
        var otherFilter = new Dictionary<string, object?>
        {
            ["filter"] = new Dictionary<string, object?> { ["division"] = DivisionCode.Parse("330212"), ["kind"] = "FAMILY" },
        };
        var noFilter = new Dictionary<string, object?>();

        ExpectRefused(() => Households(otherFilter).Open(cursor, 1));
        ExpectRefused(() => Households(noFilter).Open(cursor, 1));
    }

    [Fact]
    public void First_and_after_are_not_part_of_the_list()
    {
        // The next page asks with its own `after` and may ask for another page size.
        var cursor = Households().Seal("330203000123");
        var nextPage = new Dictionary<string, object?>(HaishuHouseholds) { ["first"] = 50, ["after"] = cursor };

        Assert.Equal(["330203000123"], Households(nextPage).Open(cursor, 1));
    }

    [Fact]
    public void The_order_of_arguments_and_input_fields_does_not_change_the_list()
    {
        var cursor = Households().Seal("330203000123");
        var reordered = new Dictionary<string, object?>
        {
            ["after"] = null,
            ["first"] = 20,
            ["filter"] = new Dictionary<string, object?> { ["kind"] = "FAMILY", ["division"] = DivisionCode.Parse("330203") },
        };

        Assert.Equal(["330203000123"], Households(reordered).Open(cursor, 1));
    }

    [Fact]
    public void A_cursor_handed_to_another_agency_or_division_is_refused()
    {
        var cursor = Households().Seal("330203000123");

        ExpectRefused(() => Households(caller: District with { Agency = "11330212MB0000002X" }).Open(cursor, 1));
        ExpectRefused(() => Households(caller: District with { Division = "330212" }).Open(cursor, 1));
        ExpectRefused(() => Households(caller: District with { Division = null }).Open(cursor, 1));
    }

    [Fact]
    public void A_cursor_sealed_under_another_secret_is_refused()
    {
        var cursor = Households(seal: CursorSeal.FromSecret("another-secret-that-is-long-enough-for-hkdf")).Seal("330203000123");

        ExpectRefused(() => Households().Open(cursor, 1));
    }

    [Fact]
    public void A_cursor_with_another_number_of_parts_is_refused()
    {
        var cursor = Households().Seal("12.5", "NB000000001");

        ExpectRefused(() => Households().Open(cursor, 1));
    }

    private static void ExpectRefused(Action open)
    {
        var error = Assert.Throws<GraphQLException>(open);
        Assert.Equal(PagingErrorCodes.InvalidCursor, error.Error.Extensions!["code"]);
        Assert.Equal("`after` is not a cursor of this list for this caller: pass a page's `endCursor` or an edge's `cursor` unchanged, to the same field with the same arguments.", error.Message);
    }
}
