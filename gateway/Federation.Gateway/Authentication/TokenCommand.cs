using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Federation.Gateway.Catalogue;
using Federation.Protocol.Agencies;

namespace Federation.Gateway.Authentication;

/// <summary>
/// <c>token --agency &lt;credit code&gt; [--user] [--division] [--role …] [--lifetime 8h] [--key-file] [--catalogue]</c>
/// prints a development token signed with the development key (on stdout, alone, for
/// <c>TOKEN=$(… token …)</c>); <c>token --list</c> prints the agencies registry. It mints only what the
/// gateway admits: an agency of the catalogue's registry, its registry division if any, and roles the
/// registry allows it (<see cref="RegistryAdmission"/>) — so a development token never fails at the gate.
/// </summary>
public static partial class TokenCommand
{
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(30);

    public static Command Create()
    {
        var agency = new Option<string?>("--agency") { Description = "The agency's unified social credit code (see --list)." };
        var user = new Option<string>("--user") { Description = "The user (sub claim).", DefaultValueFactory = _ => "developer" };
        var division = new Option<string?>("--division")
        {
            Description = "A division claim (GB/T 2260); without it the token names none and the gateway takes the registry's. Must be the registry's.",
        };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A platform role, repeatable: {string.Join(", ", PlatformRoles.All)} (as the registry allows the agency).",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var lifetime = new Option<string>("--lifetime") { Description = "How long the token is valid: 30m, 8h, 2d (at most 30 days).", DefaultValueFactory = _ => "8h" };
        var keyFile = new Option<string?>("--key-file") { Description = $"The development signing key (default {DevelopmentSigningKey.DefaultPath}; made on first use)." };
        var catalogue = new Option<string?>("--catalogue")
        {
            Description = $"The share catalogue whose agencies registry the token must satisfy (default: schema/{CatalogueFiles.FileName} as the gateway finds it).",
        };
        var list = new Option<bool>("--list") { Description = "List the agencies registry: credit codes, divisions, registry roles, names." };
        var command = new Command("token", "Print a development bearer token for the one-command run, signed with the development key.")
        {
            agency, user, division, roles, lifetime, keyFile, catalogue, list,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (LoadCatalogue(parse.GetValue(catalogue), error) is not { } registry)
            {
                return 1;
            }

            if (parse.GetValue(list))
            {
                return List(registry, output);
            }

            return Issue(
                new TokenRequest(parse.GetValue(agency), parse.GetValue(user)!, parse.GetValue(division), parse.GetValue(roles)!, parse.GetValue(lifetime)!, parse.GetValue(keyFile)),
                registry,
                DateTime.UtcNow,
                output,
                error);
        });
        return command;
    }

    /// <summary>The catalogue the gateway of this directory would serve (or <paramref name="file"/>); null, with the reason written, when it does not load.</summary>
    internal static ShareCatalogue? LoadCatalogue(string? file, TextWriter error)
    {
        try
        {
            return CatalogueFiles.Load(file, Environment.CurrentDirectory);
        }
        catch (Exception exception) when (exception is InvalidCatalogueException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(exception.Message);
            return null;
        }
    }

    internal static int List(ShareCatalogue catalogue, TextWriter output)
    {
        output.WriteLine($"{"credit code",-18}  {"division",-8}  {"roles",-34}  agency");
        foreach (var agency in catalogue.Agencies)
        {
            output.WriteLine($"{agency.Code,-18}  {agency.Division,-8}  {string.Join(",", AllowedRoles(agency, catalogue)),-34}  {agency.Name}");
        }

        return 0;
    }

    internal static int Issue(TokenRequest request, ShareCatalogue catalogue, DateTime now, TextWriter output, TextWriter error)
    {
        if (request.Check(catalogue) is { } problem)
        {
            error.WriteLine(problem);
            return 1;
        }

        var agency = catalogue.Agency(request.Agency!)!;
        var claims = new TokenClaims(request.User, agency.Code, request.Division, request.Roles.ToHashSet(StringComparer.Ordinal));
        DevelopmentSigningKey key;
        try
        {
            key = DevelopmentSigningKey.LoadOrCreate(request.KeyFile);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine(exception.Message);
            return 1;
        }

        var lifetime = ParseLifetime(request.Lifetime)!.Value;
        output.WriteLine(key.Issue(claims, lifetime, now));
        error.WriteLine(
            $"A development token for {agency.Name} ({agency.Code}, division {agency.Division} from the agencies registry), user {claims.User}, " +
            $"roles [{string.Join(", ", claims.Roles.Order(StringComparer.Ordinal))}], valid until {now + lifetime:yyyy-MM-dd'T'HH:mm:ss'Z'}; " +
            $"signed with the development key in {key.Path}, which only the one-command run trusts.");
        return 0;
    }

    /// <summary>The platform roles the registry allows <paramref name="agency"/>.</summary>
    private static IEnumerable<string> AllowedRoles(CatalogueAgency agency, ShareCatalogue catalogue) =>
        PlatformRoles.All.Where(role => RegistryAdmission.Refusal(role, agency, catalogue) is null);

    /// <summary><c>30m</c>, <c>8h</c>, <c>2d</c>, <c>90s</c>; null when it is none of these or out of range.</summary>
    internal static TimeSpan? ParseLifetime(string text)
    {
        var match = LifetimePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var lifetime = match.Groups[2].ValueSpan[0] switch
        {
            's' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return lifetime > TimeSpan.Zero && lifetime <= MaximumLifetime ? lifetime : null;
    }

    [GeneratedRegex("^([0-9]{1,6})([smhd])$")]
    private static partial Regex LifetimePattern();

    internal sealed record TokenRequest(string? Agency, string User, string? Division, IReadOnlyList<string> Roles, string Lifetime, string? KeyFile)
    {
        /// <summary>What is wrong with the request, in words for the command line; null when nothing is. The gateway would refuse what this refuses.</summary>
        public string? Check(ShareCatalogue catalogue)
        {
            if (string.IsNullOrWhiteSpace(Agency))
            {
                return "--agency is required: the agency's unified social credit code (`token --list` shows the agencies registry).";
            }

            if (!CreditCode.TryParse(Agency, out _, out var agencyError))
            {
                return $"--agency {Agency}: {agencyError}";
            }

            if (catalogue.Agency(Agency) is not { } agency)
            {
                return $"--agency {Agency} is not in the catalogue's agencies registry (`token --list`): the gateway would refuse the token ({AuthenticationErrorCodes.AgencyUnknown}).";
            }

            if (Division is not null && !DivisionCode.TryParse(Division, out _, out var divisionError))
            {
                return $"--division {Division}: {divisionError}";
            }

            if (Division is not null && Division != agency.Division)
            {
                return $"--division {Division}: agency {agency.Code} is of division {agency.Division} in the agencies registry; the gateway would refuse the token ({AuthenticationErrorCodes.DivisionMismatch}). Leave --division out.";
            }

            if (string.IsNullOrWhiteSpace(User) || User.Length > CallerClaims.MaxUserLength || User.Any(char.IsControl))
            {
                return $"--user must be 1 to {CallerClaims.MaxUserLength} characters, no control characters.";
            }

            if (Roles.FirstOrDefault(r => !PlatformRoles.All.Contains(r)) is { } unknown)
            {
                return $"--role {unknown} is not a platform role: {string.Join(", ", PlatformRoles.All)}.";
            }

            foreach (var role in Roles)
            {
                if (RegistryAdmission.Refusal(role, agency, catalogue) is { } why)
                {
                    return $"--role {role}: agency {agency.Code} may not hold it — {why}; the gateway would refuse the token ({AuthenticationErrorCodes.RoleNotAllowed}).";
                }
            }

            return ParseLifetime(Lifetime) is null ? $"--lifetime {Lifetime}: write 30m, 8h or 2d, at most {MaximumLifetime.TotalDays:0} days." : null;
        }
    }
}
