using System.Collections;
using System.Diagnostics;

namespace Federation.Gateway.Tests.Telemetry;

/// <summary>The spans an in-memory exporter hands over, kept under a lock: spans end on many threads at once.</summary>
internal sealed class SpanSink : ICollection<Activity>
{
    private readonly Lock sync = new();
    private readonly List<Activity> spans = [];

    public int Count
    {
        get
        {
            lock (sync)
            {
                return spans.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans of the trace <paramref name="trace"/>, in the order they ended.</summary>
    public IReadOnlyList<Activity> Of(ActivityTraceId trace)
    {
        lock (sync)
        {
            return spans.Where(span => span.TraceId == trace).ToList();
        }
    }

    public IReadOnlyList<Activity> All()
    {
        lock (sync)
        {
            return [.. spans];
        }
    }

    public void Add(Activity item)
    {
        lock (sync)
        {
            spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            spans.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (sync)
        {
            return spans.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (sync)
        {
            spans.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (sync)
        {
            return spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => All().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
