namespace EditionBuilder.Markdown;

/// <summary>Finds block quotes and lists nested deeper than any text needs before Markdig reads them: Markdig gives up only past its own limit, and 2,000 nested list levels cost it close to a minute first.</summary>
public static class NestingGuard
{
    /// <summary>The deepest nesting of quotes and lists a chapter may have.</summary>
    public const int MaxDepth = 32;

    /// <summary>The first line (1-based, in <paramref name="body"/>) nested deeper than <see cref="MaxDepth"/>, with its depth; null when none is.</summary>
    public static (int Line, int Depth)? FirstTooDeep(string body)
    {
        var line = 1;
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0) end = body.Length;
            var depth = Depth(body.AsSpan(start, end - start));
            if (depth > MaxDepth) return (line, depth);
            start = end + 1;
            line++;
        }

        return null;
    }

    // Quote markers and list markers at the line's start, each a level; a list item indented under others counts its indentation too.
    private static int Depth(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        var indent = 0;
        while (i < line.Length && line[i] == ' ') { i++; indent++; }
        var markers = 0;
        while (i < line.Length)
        {
            if (line[i] == '>') { markers++; i++; }
            else if (line[i] is '-' or '+' or '*' && i + 1 < line.Length && line[i + 1] == ' ') { markers++; i += 2; }
            else if (char.IsAsciiDigit(line[i]))
            {
                var j = i;
                while (j < line.Length && j - i < 9 && char.IsAsciiDigit(line[j])) j++;
                if (j + 1 < line.Length && line[j] is '.' or ')' && line[j + 1] == ' ') { markers++; i = j + 2; }
                else break;
            }
            else break;

            while (i < line.Length && line[i] == ' ') i++;
        }

        if (markers > 0) depth = markers + (indent / 2);
        return depth;
    }
}
