using System.Globalization;
using Npgsql;

namespace Federation.Benchmarks.Audit;

/// <summary>
/// The CPU time PostgreSQL backends of one application name have used (user and system, from
/// <c>/proc</c>: the benchmarks' server runs on this machine); zero when it cannot be read.
/// </summary>
internal static class PostgresBackendCpu
{
    public static async Task<TimeSpan> OfAsync(NpgsqlDataSource dataSource, string applicationName)
    {
        await using var command = dataSource.CreateCommand("SELECT pid FROM pg_stat_activity WHERE application_name = @name");
        command.Parameters.AddWithValue("name", applicationName);
        var ticks = 0L;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var stat = $"/proc/{reader.GetInt32(0)}/stat";
            if (!File.Exists(stat))
            {
                return TimeSpan.Zero;
            }

            // Fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
            var text = await File.ReadAllTextAsync(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// The CPU time of the whole server: the postmaster, every process it runs now (backends of every
    /// client, autovacuum, the checkpointer, the WAL writer) and the ones that ended (its reaped
    /// children's time) — what work moved out of the writer's backends, to autovacuum say, still costs.
    /// Other clients of the server count too. Zero when it cannot be read.
    /// </summary>
    public static async Task<TimeSpan> OfServerAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        if (Fields(backend) is not { } own)
        {
            return TimeSpan.Zero;
        }

        var postmaster = int.Parse(own[1], CultureInfo.InvariantCulture);
        if (Fields(postmaster) is not { } main)
        {
            return TimeSpan.Zero;
        }

        // utime, stime, cutime, cstime of the postmaster; utime, stime of each of its children.
        var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(main[i], CultureInfo.InvariantCulture));
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Fields(pid) is { } child && child[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                ticks += long.Parse(child[11], CultureInfo.InvariantCulture) + long.Parse(child[12], CultureInfo.InvariantCulture);
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The fields of <c>/proc/pid/stat</c> after the command name (state first, then the parent's pid), or null.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
