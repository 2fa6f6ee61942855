namespace Federation.Subgraphs.Population.Domain;

/// <summary>GB/T 2261.1 genders, by the SDL's enum names.</summary>
internal static class Genders
{
    public const string Unknown = "UNKNOWN";
    public const string Male = "MALE";
    public const string Female = "FEMALE";
    public const string Unstated = "UNSTATED";
}

/// <summary>GB/T 2261.2 marital statuses, by the SDL's enum names.</summary>
internal static class MaritalStatuses
{
    public const string Unmarried = "UNMARRIED";
    public const string Married = "MARRIED";
    public const string Widowed = "WIDOWED";
    public const string Divorced = "DIVORCED";
    public const string Unstated = "UNSTATED";
}

/// <summary>GB/T 4658 education levels, by the SDL's enum names.</summary>
internal static class Educations
{
    public const string Doctorate = "DOCTORATE";
    public const string Master = "MASTER";
    public const string Bachelor = "BACHELOR";
    public const string JuniorCollege = "JUNIOR_COLLEGE";
    public const string TechnicalSecondary = "TECHNICAL_SECONDARY";
    public const string SeniorHigh = "SENIOR_HIGH";
    public const string JuniorHigh = "JUNIOR_HIGH";
    public const string Primary = "PRIMARY";
    public const string None = "NONE";
    public const string Unknown = "UNKNOWN";
}

internal static class VitalStatuses
{
    public const string Living = "LIVING";
    public const string Deceased = "DECEASED";
}

internal static class HouseholdKinds
{
    public const string Family = "FAMILY";
    public const string Collective = "COLLECTIVE";
}

/// <summary>GB/T 4761 groups of the relation to the household head, in the order members are listed.</summary>
internal static class HouseholdRelations
{
    public const string Head = "HEAD";
    public const string Spouse = "SPOUSE";
    public const string Child = "CHILD";
    public const string Parent = "PARENT";
    public const string Grandchild = "GRANDCHILD";
    public const string Grandparent = "GRANDPARENT";
    public const string Sibling = "SIBLING";
    public const string OtherRelative = "OTHER_RELATIVE";
    public const string NonRelative = "NON_RELATIVE";

    private static readonly string[] Order = [Head, Spouse, Child, Parent, Grandchild, Grandparent, Sibling, OtherRelative, NonRelative];

    /// <summary>Where members with this relation are listed (the head first).</summary>
    public static int Rank(string? relation) => relation is null ? Order.Length : Array.IndexOf(Order, relation) is var i and >= 0 ? i : Order.Length;

    /// <summary>
    /// The former head's relation to a new head who stood in <paramref name="newHeadRelation"/> to
    /// the former one: a child taking over makes the former head its parent, and so on.
    /// </summary>
    public static string Converse(string? newHeadRelation) => newHeadRelation switch
    {
        Spouse => Spouse,
        Child => Parent,
        Parent => Child,
        Grandchild => Grandparent,
        Grandparent => Grandchild,
        Sibling => Sibling,
        NonRelative => NonRelative,
        _ => OtherRelative,
    };
}
