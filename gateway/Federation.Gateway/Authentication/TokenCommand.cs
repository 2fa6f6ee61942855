using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Federation.Subgraphs.Hosting.Scalars;

namespace Federation.Gateway.Authentication;

/// <summary>
/// <c>token --agency &lt;credit code&gt; [--user] [--division] [--role …] [--lifetime 8h] [--key-file]</c>
/// prints a development token signed with the development key (on stdout, alone, for
/// <c>TOKEN=$(… token …)</c>); <c>token --list</c> prints the demo world's agencies.
/// </summary>
public static partial class TokenCommand
{
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(30);

    public static Command Create()
    {
        var agency = new Option<string?>("--agency") { Description = "The agency's unified social credit code (see --list)." };
        var user = new Option<string>("--user") { Description = "The user (sub claim).", DefaultValueFactory = _ => "developer" };
        var division = new Option<string?>("--division") { Description = "The agency's division (GB/T 2260); defaults to the demo agency's own." };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A platform role, repeatable: {string.Join(", ", PlatformRoles.All)}.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [],
        };
        var lifetime = new Option<string>("--lifetime") { Description = "How long the token is valid: 30m, 8h, 2d (at most 30 days).", DefaultValueFactory = _ => "8h" };
        var keyFile = new Option<string?>("--key-file") { Description = $"The development signing key (default {DevelopmentSigningKey.DefaultPath}; made on first use)." };
        var list = new Option<bool>("--list") { Description = "List the demo world's agencies with their codes and divisions." };
        var command = new Command("token", "Print a development bearer token for the one-command run, signed with the development key.")
        {
            agency, user, division, roles, lifetime, keyFile, list,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(list))
            {
                return List(output);
            }

            return Issue(
                new TokenRequest(parse.GetValue(agency), parse.GetValue(user)!, parse.GetValue(division), parse.GetValue(roles)!, parse.GetValue(lifetime)!, parse.GetValue(keyFile)),
                DateTime.UtcNow,
                output,
                error);
        });
        return command;
    }

    internal static int List(TextWriter output)
    {
        output.WriteLine($"{"credit code",-18}  {"division",-8}  agency");
        foreach (var agency in DemoAgencies.All)
        {
            output.WriteLine($"{agency.Code,-18}  {agency.Division,-8}  {agency.Name}");
        }

        return 0;
    }

    internal static int Issue(TokenRequest request, DateTime now, TextWriter output, TextWriter error)
    {
        if (request.Check() is { } problem)
        {
            error.WriteLine(problem);
            return 1;
        }

        var demo = DemoAgencies.Find(request.Agency!);
        var caller = new Caller(request.User, request.Agency!, request.Division ?? demo!.Division, request.Roles.ToHashSet(StringComparer.Ordinal));
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
        output.WriteLine(key.Issue(caller, lifetime, now));
        error.WriteLine(
            $"A development token for {demo?.Name ?? caller.Agency} ({caller.Agency}, division {caller.Division}), user {caller.User}, " +
            $"roles [{string.Join(", ", caller.Roles.Order(StringComparer.Ordinal))}], valid until {now + lifetime:yyyy-MM-dd'T'HH:mm:ss'Z'}; " +
            $"signed with the development key in {key.Path}, which only the one-command run trusts.");
        return 0;
    }

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
        /// <summary>What is wrong with the request, in words for the command line; null when nothing is.</summary>
        public string? Check()
        {
            if (string.IsNullOrWhiteSpace(Agency))
            {
                return "--agency is required: the agency's unified social credit code (`token --list` shows the demo world's).";
            }

            if (!CreditCode.TryParse(Agency, out _, out var agencyError))
            {
                return $"--agency {Agency}: {agencyError}";
            }

            if (Division is null && DemoAgencies.Find(Agency) is null)
            {
                return $"{Agency} is not an agency of the demo world (`token --list`): give its --division.";
            }

            if (Division is not null && !DivisionCode.TryParse(Division, out _, out var divisionError))
            {
                return $"--division {Division}: {divisionError}";
            }

            if (string.IsNullOrWhiteSpace(User))
            {
                return "--user may not be empty.";
            }

            if (Roles.FirstOrDefault(r => !PlatformRoles.All.Contains(r)) is { } unknown)
            {
                return $"--role {unknown} is not a platform role: {string.Join(", ", PlatformRoles.All)}.";
            }

            return ParseLifetime(Lifetime) is null ? $"--lifetime {Lifetime}: write 30m, 8h or 2d, at most {MaximumLifetime.TotalDays:0} days." : null;
        }
    }
}
