using Markdig.Helpers;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Reads the label <c>[^N]</c> shared by references and definitions.</summary>
internal static class NoteLabel
{
    private const int MaxDigits = 9;

    /// <summary>Reads "[^digits]" at the slice start; on success the slice is left after "]".</summary>
    public static bool TryRead(ref StringSlice slice, out int number)
    {
        number = 0;
        var saved = slice;
        if (slice.CurrentChar != '[' || slice.PeekChar() != '^')
        {
            return false;
        }

        slice.SkipChar();
        slice.SkipChar();
        var digits = 0;
        while (char.IsAsciiDigit(slice.CurrentChar) && digits < MaxDigits)
        {
            number = (number * 10) + (slice.CurrentChar - '0');
            digits++;
            slice.SkipChar();
        }

        if (digits == 0 || slice.CurrentChar != ']')
        {
            slice = saved;
            number = 0;
            return false;
        }

        slice.SkipChar();
        return true;
    }
}
