using System.Text;

namespace Federation.GraphQL.Validation;

/// <summary>
/// "Did you mean" hints as graphql-js words and orders them: candidates within a lexical
/// (Damerau-Levenshtein, case-insensitive) distance of 40% of the input, closest first, ties
/// in natural order, at most five.
/// </summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>graphql-js <c>suggestionList</c>.</summary>
    public static List<string> List(string input, IEnumerable<string> options)
    {
        var distances = new Dictionary<string, int>();
        var order = new List<string>();
        var inputLower = input.ToLowerInvariant();
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            if (distances.ContainsKey(option))
            {
                continue;
            }

            var distance = Measure(input, inputLower, option, threshold);
            if (distance is { } d)
            {
                distances[option] = d;
                order.Add(option);
            }
        }

        JavaScriptSort(order, (a, b) =>
        {
            var diff = distances[a] - distances[b];
            return diff != 0 ? diff : NaturalCompare(a, b);
        });
        return order;
    }

    /// <summary>
    /// Sorts as V8's <c>Array.prototype.sort</c> (TimSort) does an array shorter than its minimum
    /// run of 64: the leading ascending run is kept (a strictly descending one reversed), then the
    /// rest goes in by binary insertion. Comparers that are not a total order (graphql-js's type
    /// suggestions) then give graphql-js's order too. Longer lists are sorted the same way, which
    /// differs from V8 only for such comparers.
    /// </summary>
    public static void JavaScriptSort<T>(List<T> items, Comparison<T> compare)
    {
        var count = items.Count;
        if (count < 2)
        {
            return;
        }

        var run = 2;
        var descending = compare(items[1], items[0]) < 0;
        for (var i = 2; i < count; i++)
        {
            var order = compare(items[i], items[i - 1]);
            if (descending ? order >= 0 : order < 0)
            {
                break;
            }

            run++;
        }

        if (descending)
        {
            items.Reverse(0, run);
        }

        for (var start = run; start < count; start++)
        {
            var pivot = items[start];
            var left = 0;
            var right = start;
            while (left < right)
            {
                var mid = left + ((right - left) >> 1);
                if (compare(pivot, items[mid]) < 0)
                {
                    right = mid;
                }
                else
                {
                    left = mid + 1;
                }
            }

            for (var j = start; j > left; j--)
            {
                items[j] = items[j - 1];
            }

            items[left] = pivot;
        }
    }

    /// <summary>graphql-js <c>didYouMean</c>: empty when there is nothing to suggest.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var message = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            message.Append(subMessage).Append(' ');
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                message.Append(count == 2 ? " " : ", ");
                if (i == count - 1)
                {
                    message.Append("or ");
                }
            }

            message.Append('"').Append(suggestions[i]).Append('"');
        }

        return message.Append('?').ToString();
    }

    /// <summary>graphql-js <c>naturalCompare</c>: digit runs compare by number value.</summary>
    public static int NaturalCompare(string a, string b)
    {
        var ai = 0;
        var bi = 0;
        while (ai < a.Length && bi < b.Length)
        {
            int aChar = a[ai];
            int bChar = b[bi];
            if (IsDigit(aChar) && IsDigit(bChar))
            {
                long aNum = 0;
                do
                {
                    ++ai;
                    aNum = (aNum * 10) + aChar - '0';
                    aChar = ai < a.Length ? a[ai] : -1;
                }
                while (IsDigit(aChar) && aNum > 0);

                long bNum = 0;
                do
                {
                    ++bi;
                    bNum = (bNum * 10) + bChar - '0';
                    bChar = bi < b.Length ? b[bi] : -1;
                }
                while (IsDigit(bChar) && bNum > 0);

                if (aNum < bNum)
                {
                    return -1;
                }

                if (aNum > bNum)
                {
                    return 1;
                }
            }
            else
            {
                if (aChar < bChar)
                {
                    return -1;
                }

                if (aChar > bChar)
                {
                    return 1;
                }

                ++ai;
                ++bi;
            }
        }

        return a.Length - b.Length;
    }

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    private static int? Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }

        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return null;
        }

        var rows = new int[3][];
        for (var r = 0; r < 3; r++)
        {
            rows[r] = new int[b.Length + 1];
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallestCell = currentRow[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                }

                if (currentCell < smallestCell)
                {
                    smallestCell = currentCell;
                }

                currentRow[j] = currentCell;
            }

            if (smallestCell > threshold)
            {
                return null;
            }
        }

        var distance = rows[a.Length % 3][b.Length];
        return distance <= threshold ? distance : null;
    }
}
