namespace Federation.Subgraphs.LegalPersons.Schema;

/// <summary>A <c>Person</c> known here only by its key; the population subgraph resolves the rest.</summary>
internal sealed record PersonReference(string IdNumber);

/// <summary>An <c>Address</c> of the spatial register, by key.</summary>
internal sealed record AddressReference(string Id);

/// <summary>An <c>AdministrativeDivision</c> of the spatial register, by key.</summary>
internal sealed record DivisionReference(string Code);

/// <summary>GraphQL's <c>OperatingPeriod</c>.</summary>
internal sealed record OperatingPeriod(DateOnly From, DateOnly? Until);

/// <summary>GraphQL's <c>RegistrationAuthority</c>: the agency, itself a legal person of the register.</summary>
internal sealed record RegistrationAuthority(string CreditCode);
