using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Federation.Protocol.Signing;
using Federation.Subgraphs.Hosting;

namespace Federation.Benchmarks.Http;

/// <summary>
/// Requests signed the way the gateway signs them, prepared for wrk: subgraphs refuse a signature
/// twice (replays) and after 60 seconds, so every request wrk sends needs its own fresh nonce and
/// signature. They are made just before each run and written to a file a Lua script reads; each wrk
/// thread takes its own share of the lines so no two requests repeat.
/// </summary>
internal sealed class SignedRequests(string secret, GatewayCaller caller)
{
    /// <summary>The wrk threads (<c>-t</c>) the script shares the requests between.</summary>
    public const int Threads = 2;

    /// <summary>Writes <paramref name="count"/> signed requests cycling over <paramref name="bodies"/>; returns the Lua script path.</summary>
    public async Task<string> PrepareAsync(string directory, string path, IReadOnlyList<string> bodies, int count)
    {
        Directory.CreateDirectory(directory);
        var bodiesFile = Path.Combine(directory, "bodies.txt");
        var signaturesFile = Path.Combine(directory, "signatures.txt");
        await File.WriteAllLinesAsync(bodiesFile, bodies);

        var key = Encoding.UTF8.GetBytes(secret);
        var hashes = bodies.Select(b => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(b)))).ToArray();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await using (var writer = new StreamWriter(signaturesFile))
        {
            for (var i = 0; i < count; i++)
            {
                var body = i % bodies.Count;
                var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                var canonical = string.Join('\n', "v4", "POST", path, timestamp, nonce, caller.Agency, caller.Purpose, caller.Matter ?? "", caller.Division ?? "", caller.RowResourcesHeader, "", hashes[body]);
                var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
                await writer.WriteLineAsync($"{body + 1} {timestamp} {nonce} v4={signature}");
            }
        }

        var script = Path.Combine(directory, "signed.lua");
        await File.WriteAllTextAsync(script, $$"""
            local threads = {{Threads}}
            local created = 0
            function setup(thread)
              thread:set("tid", created)
              created = created + 1
            end
            local bodies, lines, next = {}, {}, 0
            function init(args)
              for line in io.lines("{{bodiesFile}}") do bodies[#bodies + 1] = line end
              local n = 0
              for line in io.lines("{{signaturesFile}}") do
                if n % threads == tid then lines[#lines + 1] = line end
                n = n + 1
              end
            end
            function request()
              next = next + 1
              local line = lines[next]
              if line == nil then error("out of signed requests: prepare more") end
              local body, timestamp, nonce, signature = line:match("(%d+) (%d+) (%S+) (%S+)")
              return wrk.format("POST", "{{path}}", {
                ["Content-Type"] = "application/json",
                ["Accept"] = "application/graphql-response+json",
                ["X-Caller-Agency"] = "{{caller.Agency}}",
                ["X-Caller-Purpose"] = "{{caller.Purpose}}",
                ["X-Gateway-Timestamp"] = timestamp,
                ["X-Gateway-Nonce"] = nonce,
                ["X-Gateway-Signature"] = signature,
              }, bodies[tonumber(body)])
            end
            """);
        return script;
    }
}
