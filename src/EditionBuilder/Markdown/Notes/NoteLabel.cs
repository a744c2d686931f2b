using System.Text;
using EditionBuilder.Model;
using Markdig.Helpers;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Reads the label shared by references and definitions: <c>[^7]</c> (footnote 7), <c>[^en:iv]</c> (endnote iv); a definition may add its displayed mark, <c>[^1]{١}</c>.</summary>
internal static class NoteLabel
{
    public const string EndnotePrefix = "en:";

    /// <summary>Reads "[^id]" or "[^en:id]" at the slice start; on success the slice is left after "]".</summary>
    public static bool TryRead(ref StringSlice slice, out NoteKey key)
    {
        key = default;
        var saved = slice;
        if (slice.CurrentChar != '[' || slice.PeekChar() != '^') return false;
        slice.SkipChar();
        slice.SkipChar();

        var kind = NoteKind.Footnote;
        if (slice.Match(EndnotePrefix))
        {
            kind = NoteKind.Endnote;
            for (var i = 0; i < EndnotePrefix.Length; i++) slice.SkipChar();
        }

        var id = new StringBuilder();
        while ((char.IsAsciiLetterOrDigit(slice.CurrentChar) || slice.CurrentChar == '_') && id.Length <= 32)
        {
            id.Append(slice.CurrentChar);
            slice.SkipChar();
        }

        if (slice.CurrentChar != ']' || !NoteKey.IsValidId(id.ToString()))
        {
            slice = saved;
            return false;
        }

        slice.SkipChar();
        key = new NoteKey(kind, id.ToString());
        return true;
    }

    /// <summary>Reads "{mark}" at the slice start ('\' escapes '}' and '\'); on success the slice is left after "}".</summary>
    public static bool TryReadMark(ref StringSlice slice, out string mark)
    {
        mark = string.Empty;
        if (slice.CurrentChar != '{') return false;
        var saved = slice;
        slice.SkipChar();
        var builder = new StringBuilder();
        while (!slice.IsEmpty && slice.CurrentChar is not ('}' or '\0' or '\n' or '\r'))
        {
            if (slice.CurrentChar == '\\' && slice.PeekChar() is '}' or '\\') slice.SkipChar();
            builder.Append(slice.CurrentChar);
            slice.SkipChar();
        }

        if (slice.CurrentChar != '}' || builder.Length == 0)
        {
            slice = saved;
            return false;
        }

        slice.SkipChar();
        mark = builder.ToString();
        return true;
    }

    /// <summary>The label as written: "[^7]", "[^en:iv]".</summary>
    public static string Write(NoteKey key) => "[^" + key + "]";

    /// <summary>A mark as written after a definition's label: "{١}", with '}' and '\' escaped.</summary>
    public static string WriteMark(string mark) => "{" + mark.Replace("\\", "\\\\").Replace("}", "\\}") + "}";
}
