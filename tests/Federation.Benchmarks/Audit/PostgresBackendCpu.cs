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
}
