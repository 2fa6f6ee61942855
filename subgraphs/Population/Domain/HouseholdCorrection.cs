namespace Federation.Subgraphs.Population.Domain;

/// <summary>
/// A household after a change, the Household fields that changed, and the members whose records
/// changed with it (a new head, the registered address that follows the household's).
/// </summary>
internal sealed record HouseholdChange(Household Household, IReadOnlyList<string> ChangedFields, IReadOnlyList<PersonChange> Members);

/// <summary>
/// A correction of a household (<c>CorrectHouseholdInput</c>): only the fields given change.
/// The household's members follow it: a new head becomes HEAD and the former head takes the
/// converse of the new head's former relation (a child taking over makes the former head its
/// parent); a corrected address or division becomes every member's registered address or division.
/// Other members keep their recorded relation until the register corrects them one by one.
/// </summary>
internal sealed record HouseholdCorrection(string Number, string Reason)
{
    public string? ObjectionId { get; init; }

    /// <summary>The reason the change events carry: the reason, and the objection it answers when there is one.</summary>
    public string EventReason => RegisterRules.EventReason(Reason, ObjectionId);

    public Optional<string?> Kind { get; init; }

    public Optional<string?> HeadIdNumber { get; init; }

    public Optional<string?> Address { get; init; }

    public Optional<string?> Division { get; init; }

    /// <param name="members">The household's members as recorded.</param>
    public HouseholdChange Apply(Household current, IReadOnlyList<Person> members, DateTimeOffset now)
    {
        RegisterRules.RequireReason(Reason);
        var household = current;
        var changed = new List<string>();

        if (Kind.IsGiven)
        {
            var kind = Kind.Value ?? throw Cleared("kind");
            if (kind != household.Kind)
            {
                household = household with { Kind = kind };
                changed.Add("kind");
            }
        }

        if (HeadIdNumber.IsGiven && HeadIdNumber.Value != household.HeadIdNumber)
        {
            if (HeadIdNumber.Value is { } head && !members.Any(m => m.IdNumber == head))
            {
                throw PopulationErrorCodes.Invalid($"headIdNumber {head} is not a member of household {household.Number}; register the person in the household first.");
            }

            household = household with { HeadIdNumber = HeadIdNumber.Value };
            changed.Add("head");
        }

        if (household.HeadIdNumber is null && household.Kind == HouseholdKinds.Family)
        {
            throw PopulationErrorCodes.Invalid($"A family household has a head; household {household.Number} would have none.");
        }

        if (Address.IsGiven)
        {
            var address = RegisterRules.RequireText(Address.Value ?? throw Cleared("address"), "address", RegisterRules.MaxAddressLength);
            if (address != household.Address)
            {
                household = household with { Address = address };
                changed.Add("address");
            }
        }

        if (Division.IsGiven)
        {
            var division = Division.Value ?? throw Cleared("division");
            if (division != household.Division)
            {
                household = household with { Division = division };
                changed.Add("division");
            }
        }

        if (changed.Count == 0)
        {
            return new HouseholdChange(current, [], []);
        }

        household = household with { UpdatedAt = now };
        return new HouseholdChange(household, changed, MemberChanges(current, household, members, now));
    }

    private static List<PersonChange> MemberChanges(Household before, Household after, IReadOnlyList<Person> members, DateTimeOffset now)
    {
        var newHeadFormerRelation = members.FirstOrDefault(m => m.IdNumber == after.HeadIdNumber)?.RelationToHead;
        var changes = new List<PersonChange>();
        foreach (var member in members)
        {
            var person = member;
            var fields = new List<string>(3);
            if (before.HeadIdNumber != after.HeadIdNumber)
            {
                var relation = member.IdNumber == after.HeadIdNumber ? HouseholdRelations.Head
                    : member.IdNumber == before.HeadIdNumber ? HouseholdRelations.Converse(newHeadFormerRelation)
                    : member.RelationToHead;
                if (relation != member.RelationToHead)
                {
                    person = person with { RelationToHead = relation };
                    fields.Add("relationToHead");
                }
            }

            if (before.Address != after.Address && person.RegisteredAddress != after.Address)
            {
                person = person with { RegisteredAddress = after.Address };
                fields.Add("registeredAddress");
            }

            if (before.Division != after.Division && person.RegisteredDivision != after.Division)
            {
                person = person with { RegisteredDivision = after.Division };
                fields.Add("registeredDivision");
            }

            if (fields.Count > 0)
            {
                changes.Add(new PersonChange(person with { UpdatedAt = now }, fields));
            }
        }

        return changes;
    }

    private static Exception Cleared(string field) =>
        PopulationErrorCodes.Invalid($"{field} cannot be cleared: the register requires it; leave it out to keep the recorded value.");
}
