using System.Globalization;
using System.Text;

namespace EditionBuilder.Model;

/// <summary>Characters that act instead of showing: C0/C1 controls and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). The edition shows them as visible marks.</summary>
public static class ControlCharacters
{
    public static bool IsSuspicious(char c) =>
        (c < ' ' && c != '\t') || c is >= '\u007F' and <= '\u009F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    // The same characters as IsSuspicious, for a vectorised search over whole texts.
    private static readonly System.Buffers.SearchValues<char> Suspicious = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x2070).Select(i => (char)i).Where(IsSuspicious)));

    public static bool Contains(ReadOnlySpan<char> text) => text.IndexOfAny(Suspicious) >= 0;

    /// <summary>"U+202E", the code point a reader is shown in place of the character.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>The visible HTML for one such character.</summary>
    public static string VisibleHtml(char c) => $"<code class=\"control-char\" title=\"{CodePoint(c)}\">{CodePoint(c)}</code>";

    /// <summary>The text without such characters (line breaks kept).</summary>
    public static string Remove(string text) =>
        !Contains(text.AsSpan()) ? text : string.Concat(text.Where(c => !IsSuspicious(c) || c is '\n' or '\r'));

    /// <summary>Replaces every such character of already-escaped HTML text by its visible mark.</summary>
    public static string MarkInHtml(string html)
    {
        if (!Contains(html.AsSpan())) return html;
        var builder = new StringBuilder(html.Length + 32);
        foreach (var c in html)
        {
            if (IsSuspicious(c) && c is not ('\n' or '\r')) builder.Append(VisibleHtml(c));
            else builder.Append(c);
        }

        return builder.ToString();
    }
}
