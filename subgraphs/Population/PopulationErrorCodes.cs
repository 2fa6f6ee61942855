using Federation.GraphQL;

namespace Federation.Subgraphs.Population;

/// <summary>The codes of the population register's own errors, each with its one factory.</summary>
internal static class PopulationErrorCodes
{
    /// <summary>The person or household to correct is not in the register.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>A correction breaks a rule of the register (named in the message); nothing was changed.</summary>
    public const string InvalidInput = "INVALID_INPUT";

    /// <summary>A death is recorded for a person already recorded as deceased.</summary>
    public const string AlreadyDeceased = "ALREADY_DECEASED";

    public static GraphQLException PersonNotFound(string idNumber) =>
        Error(NotFound, $"The register holds no person with identity number {idNumber}.");

    public static GraphQLException HouseholdNotFound(string number) =>
        Error(NotFound, $"The register holds no household with number {number}.");

    public static GraphQLException Invalid(string rule) => Error(InvalidInput, rule);

    public static GraphQLException DeathAlreadyRecorded(string idNumber, DateOnly deathDate) =>
        Error(AlreadyDeceased, $"The person {idNumber} is already recorded as deceased on {deathDate:yyyy-MM-dd}; correct that record instead of recording a second death.");

    private static GraphQLException Error(string code, string message) =>
        new(new GraphQLError(message, extensions: new Dictionary<string, object?> { ["code"] = code }));
}
