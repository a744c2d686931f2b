namespace EditionBuilder.Markup;

/// <summary>Turns offsets into a text into 1-based lines and columns, reading the text once when they are asked for in increasing order (a line ends at LF, CRLF or a lone CR; a column counts characters, a surrogate pair as one).</summary>
internal sealed class TextPositions(string text)
{
    private int _offset;    // where the last position was taken
    private int _line = 1;
    private int _lineStart;
    private int _pairs;     // surrogate pairs between the line's start and _offset

    public (int Line, int Column) At(int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (offset < _offset) (_offset, _line, _lineStart, _pairs) = (0, 1, 0, 0); // asked out of order: counted again from the start

        var from = _offset;
        int found;
        while ((found = text.AsSpan(from, offset - from).IndexOfAny('\n', '\r')) >= 0)
        {
            var at = from + found;
            if (text[at] == '\n' || at + 1 >= text.Length || text[at + 1] != '\n') (_line, _lineStart, _pairs) = (_line + 1, at + 1, 0);
            from = at + 1;
        }

        // A minified page is one line: only low surrogates are looked at, found a vector at a time.
        for (var i = from; i < offset; i++)
        {
            var next = text.AsSpan(i, offset - i).IndexOfAnyInRange('\uDC00', '\uDFFF');
            if (next < 0) break;
            i += next;
            if (i > _lineStart && char.IsHighSurrogate(text[i - 1])) _pairs++;
        }

        _offset = offset;
        return (_line, offset - _lineStart - _pairs + 1);
    }
}
