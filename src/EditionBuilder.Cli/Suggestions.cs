namespace EditionBuilder.Cli;

/// <summary>The nearest known name to a mistyped one (<c>edition biuld</c> → build), by edit distance with transpositions.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate, or null when none is close enough to be what the user meant.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var best = (Name: (string?)null, Distance: int.MaxValue);
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed, candidate);
            if (distance < best.Distance) best = (candidate, distance);
        }

        var allowed = Math.Max(1, Math.Min(3, typed.TrimStart('-').Length / 3));
        return best.Distance <= allowed ? best.Name : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions cost 1.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
