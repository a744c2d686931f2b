using EditionBuilder.Diagnostics;

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

    // Names whose lengths differ by more than three are never a typo of each other.
    private static int Distance(string a, string b) => Math.Abs(a.Length - b.Length) > 3 ? int.MaxValue : EditDistance.Between(a, b);
}
