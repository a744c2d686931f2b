using EditionBuilder.Diagnostics;

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
            var distance = EditDistance.Between(typed, candidate);
            if (distance < best.Distance) best = (candidate, distance);
        }

        var allowed = Math.Max(1, Math.Min(3, typed.TrimStart('-').Length / 3));
        return best.Distance <= allowed ? best.Name : null;
    }
}
