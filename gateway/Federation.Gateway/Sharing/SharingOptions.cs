namespace Federation.Gateway.Sharing;

/// <summary>Where share applications and grants are kept.</summary>
public enum SharingStoreKind
{
    /// <summary>In the gateway's memory: the one-command run; lost at exit.</summary>
    InMemory,

    /// <summary>In PostgreSQL (<c>ConnectionStrings:Sharing</c>), shared by every gateway process.</summary>
    Postgres,
}

/// <summary>The <c>Sharing</c> configuration section.</summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    public SharingStoreKind Store { get; set; } = SharingStoreKind.InMemory;

    /// <summary>The PostgreSQL schema of the tables (applications, grants, migrations).</summary>
    public string Schema { get; set; } = "sharing";

    /// <summary>Working days the provider has to answer an application (Kaifeng art. 15).</summary>
    public int DecisionWorkingDays { get; set; } = 10;

    /// <summary>The longest period an application may ask for; three years unless configured.</summary>
    public int MaxPeriodDays { get; set; } = 1096;

    public CalendarOptions Calendar { get; set; } = new();
}
