using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Federation.Gateway.Requests;

/// <summary>
/// How long each step of one request took, in <see cref="Stopwatch"/> ticks; held inside the
/// request's context, so timing a request allocates nothing.
/// </summary>
internal struct StageTimings
{
    public const int Steps = (int)RequestStep.Record + 1;

    private Ticks ticks;
    private int ran;

    public void Add(RequestStep step, long elapsedTicks)
    {
        ticks[(int)step] += elapsedTicks;
        ran |= 1 << (int)step;
    }

    /// <summary>Whether a stage of <paramref name="step"/> ran for the request.</summary>
    public readonly bool Ran(RequestStep step) => (ran & (1 << (int)step)) != 0;

    public readonly TimeSpan Of(RequestStep step) => Stopwatch.GetElapsedTime(0, ticks[(int)step]);

    /// <summary>The steps that ran, as a <c>Server-Timing</c> header value: <c>admit;dur=0.012, plan;dur=0.3</c> (milliseconds).</summary>
    public readonly string ToServerTiming()
    {
        var text = new StringBuilder();
        for (var step = RequestStep.Admit; step <= RequestStep.Record; step++)
        {
            if (!Ran(step))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(Name(step)).Append(";dur=").Append(Of(step).TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static string Name(RequestStep step) => step switch
    {
        RequestStep.Admit => "admit",
        RequestStep.Authorize => "authorize",
        RequestStep.Plan => "plan",
        RequestStep.Fetch => "fetch",
        RequestStep.Shape => "shape",
        _ => "record",
    };

    [InlineArray(Steps)]
    private struct Ticks
    {
        private long first;
    }
}
