using System.Text;
using Federation.Gateway.Caching.Changes;
using Federation.Gateway.Composition;

namespace Federation.Gateway.Tests.Caching;

/// <summary>
/// A message on <c>federation:changes</c> is read against the committed supergraph: an event names one
/// entity the cache may hold, or it is dropped with a code. Anyone who can publish on the Redis server
/// can publish there, so every message is treated as hostile until checked.
/// </summary>
public sealed class ChangeNoticeTests
{
    private static readonly Supergraph Committed = Supergraph.Parse(File.ReadAllText(Repository.SupergraphFile));

    [Fact]
    public void An_event_as_the_subgraphs_publish_it_names_its_entity()
    {
        // The JSON of the subgraphs' ChangeEvent, member for member.
        var reading = Read("""{"subgraph":"population","type":"Person","key":"330203199001011234","fields":["name","phone"],"reason":"Objection 12","occurredAt":"2026-12-07T10:00:00+00:00"}""");

        Assert.Null(reading.Code);
        Assert.Equal(("population", "Person", "330203199001011234"), (reading.Notice!.Subgraph, reading.Notice.Type, reading.Notice.Key));
        Assert.Equal(["name", "phone"], reading.Notice.Fields);
    }

    [Theory]
    [InlineData("licences", "Licence", "ZJ-2024-000123")]
    [InlineData("spatial", "Parcel", "330203001001GB00001F00010001")]
    [InlineData("spatial", "Address", "addr-1")]
    [InlineData("legal-persons", "LegalPerson", "91330200MA2GQ1234X")]
    [InlineData("population", "Household", "330203000001")]
    public void Every_agency_entity_a_correction_names_is_read(string subgraph, string type, string key)
    {
        var reading = Read($$"""{"subgraph":"{{subgraph}}","type":"{{type}}","key":"{{key}}","fields":[]}""");

        Assert.Equal((subgraph, type, key), (reading.Notice!.Subgraph, reading.Notice.Type, reading.Notice.Key));
    }

    [Fact]
    public void Fields_and_everything_but_subgraph_type_and_key_may_be_left_out()
    {
        var reading = Read("""{"key":"330203199001011234","type":"Person","subgraph":"population","later":{"a":1}}""");

        Assert.Equal([], reading.Notice!.Fields);
    }

    [Theory]
    [InlineData("not json", ChangeEventCodes.Malformed)]
    [InlineData("", ChangeEventCodes.Malformed)]
    [InlineData("[]", ChangeEventCodes.Malformed)]
    [InlineData("\"Person\"", ChangeEventCodes.Malformed)]
    [InlineData("null", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":12}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":null}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":["population"],"type":"Person","key":"1"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1","fields":"name"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1","fields":[1]}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1","fields":[["name"]]}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1"} {"subgraph":"population","type":"Person","key":"2"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1",}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1" /* more */}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"\ud800"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"population","type":"Person","reason":{"a":{"b":{"c":1}}},"key":"1"}""", ChangeEventCodes.Malformed)]
    [InlineData("""{"subgraph":"agriculture","type":"Person","key":"1"}""", ChangeEventCodes.UnknownSubgraph)]
    [InlineData("""{"subgraph":"Population","type":"Person","key":"1"}""", ChangeEventCodes.UnknownSubgraph)]
    [InlineData("""{"subgraph":"population","type":"Query","key":"1"}""", ChangeEventCodes.UnknownType)]
    [InlineData("""{"subgraph":"population","type":"Licence","key":"1"}""", ChangeEventCodes.UnknownType)]
    [InlineData("""{"subgraph":"population","type":"Gender","key":"MALE"}""", ChangeEventCodes.UnknownType)]
    [InlineData("""{"subgraph":"population","type":"*","key":"1"}""", ChangeEventCodes.UnknownType)]
    [InlineData("""{"subgraph":"population","type":"AdministrativeDivision","key":"330203"}""", ChangeEventCodes.UnknownType)]
    [InlineData("""{"subgraph":"population","type":"Person","key":""}""", ChangeEventCodes.InvalidKey)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1\u0000"}""", ChangeEventCodes.InvalidKey)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"1\n2"}""", ChangeEventCodes.InvalidKey)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"{\"idNumber\":\"1\""}""", ChangeEventCodes.InvalidKey)]
    [InlineData("""{"subgraph":"population","type":"Person","key":"{not json"}""", ChangeEventCodes.InvalidKey)]
    public void A_message_that_names_no_cacheable_entity_is_dropped_with_its_code(string message, string code)
    {
        var reading = Read(message);

        Assert.Null(reading.Notice);
        Assert.Equal(code, reading.Code);
        Assert.False(string.IsNullOrWhiteSpace(reading.Reason));
    }

    [Fact]
    public void A_member_given_twice_is_dropped_rather_than_read_one_way()
    {
        var reading = Read("""{"subgraph":"population","type":"Person","key":"330203199001011234","key":"330203199001015678"}""");

        Assert.Equal((ChangeEventCodes.Malformed, "key is given twice"), (reading.Code, reading.Reason));
    }

    [Fact]
    public void A_key_longer_than_any_entity_key_is_dropped()
    {
        var reading = Read($$"""{"subgraph":"population","type":"Person","key":"{{new string('1', ChangeNotice.MaxKeyLength + 1)}}"}""");

        Assert.Equal(ChangeEventCodes.InvalidKey, reading.Code);
        Assert.Contains($"more than {ChangeNotice.MaxKeyLength}", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_larger_than_an_event_is_dropped_unread()
    {
        var padding = new string('x', ChangeNotice.MaxBytes);
        var reading = Read($$"""{"subgraph":"population","type":"Person","key":"1","reason":"{{padding}}"}""");

        Assert.Equal(ChangeEventCodes.TooLarge, reading.Code);
    }

    [Fact]
    public void Invalid_utf8_is_dropped()
    {
        byte[] message = [.. Encoding.UTF8.GetBytes("""{"subgraph":"population","type":"Person","key":"1"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        Assert.Equal(ChangeEventCodes.Malformed, ChangeNotice.Read(message, Committed).Code);
    }

    [Fact]
    public void A_name_in_the_reason_is_clipped_so_a_hostile_message_cannot_flood_the_log()
    {
        var subgraph = new string('a', 1000);
        var reading = Read($$"""{"subgraph":"{{subgraph}}","type":"Person","key":"1"}""");

        Assert.Equal(ChangeEventCodes.UnknownSubgraph, reading.Code);
        Assert.True(reading.Reason!.Length < 120, reading.Reason);
    }

    [Fact]
    public void A_key_with_a_character_outside_the_basic_plane_is_a_key()
    {
        // A surrogate pair is one character; only half of one is refused.
        var reading = Read("""{"subgraph":"licences","type":"Licence","key":"证\ud83d\ude00-1"}""");

        Assert.Equal("证😀-1", reading.Notice!.Key);
    }

    private static ChangeReading Read(string message) => ChangeNotice.Read(Encoding.UTF8.GetBytes(message), Committed);
}
