namespace EditionBuilder.Jats;

/// <summary>What XML 1.0 can hold (its Char production): tab, line ends, U+0020–U+D7FF, U+E000–U+FFFD and whole surrogate pairs. C0 controls, U+FFFE, U+FFFF and a lone surrogate cannot be written, not even as a character reference.</summary>
public static class XmlCharacters
{
    /// <summary>True for a UTF-16 unit XML can hold on its own (a surrogate is never storable alone).</summary>
    public static bool IsStorable(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uD800') || (c > '\uDFFF' && c < '\uFFFE');

    /// <summary>The index at or after <paramref name="start"/> of the first character XML cannot hold, or -1.</summary>
    public static int FirstUnstorable(string text, int start = 0)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (IsStorable(c)) continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }
}
