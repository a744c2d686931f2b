namespace EditionBuilder.Content.Yaml;

/// <summary>The known key nearest to a misspelt one ("author" → "authors", "base-url" → "base_url"), or null when none is close.</summary>
public static class KeySuggestion
{
    public static string? Nearest(string key, IEnumerable<string> known)
    {
        var normalized = Normalize(key);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = normalized == Normalize(candidate) ? 0 : Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }

        // Close enough to be a typo: one edit in a short key, up to a third of a longer one.
        var allowed = Math.Max(1, Math.Min(3, key.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    private static string Normalize(string key) => key.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
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
