namespace Federation.Gateway.Catalogue;

/// <summary>
/// What identifies the data subject an object of a catalogue type is about (<c>subjects:</c> in the
/// catalogue): the field holding the identifier — a scalar of the type itself, e.g.
/// <c>Person.idNumber</c> — and the identifier's kind as the audit trail names it
/// (<c>CITIZEN_ID</c>, <c>CREDIT_CODE</c>, …). The audit trail keeps, per request, whose data it
/// returned as keyed hashes of these identifiers.
/// </summary>
internal sealed record DataSubject(string Field, string Kind);
