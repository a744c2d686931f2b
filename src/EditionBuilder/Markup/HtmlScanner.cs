using System.Collections.Frozen;
using System.Net;

namespace EditionBuilder.Markup;

/// <summary>A forward-only reader of HTML tags, after the HTML tokenizer's rules for tags, attributes, comments and raw text; enough to verify a page without building its DOM.</summary>
/// <remarks>It reports start and end tags and the text of raw-text elements; ordinary text is skipped. A test holds it to AngleSharp's full parser on every page of the seed's site.</remarks>
public ref struct HtmlScanner
{
    private readonly string _html;
    private int _position;

    // Names our pages use, shared instead of allocated per tag: a journal's pages hold hundreds of thousands of tags.
    private static readonly FrozenSet<string> KnownNames = new[]
    {
        "html", "head", "body", "meta", "title", "link", "script", "style", "header", "footer", "main", "nav", "article", "section",
        "aside", "div", "span", "p", "a", "ol", "ul", "li", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "code", "sup", "sub",
        "br", "hr", "img", "blockquote", "pre", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "small", "abbr", "cite",
        "id", "class", "href", "src", "rel", "role", "lang", "dir", "name", "content", "property", "type", "value", "hreflang", "charset",
        "http-equiv", "defer", "aria-label", "aria-labelledby", "aria-hidden", "aria-describedby", "tabindex", "data-note", "title",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Known = KnownNames.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string LowerName(ReadOnlySpan<char> name) =>
        Known.TryGetValue(name, out var known) ? known : name.ToString().ToLowerInvariant();

    public HtmlScanner(string html)
    {
        _html = html;
        _position = 0;
    }

    /// <summary>The offset of the current tag's '&lt;' in the page.</summary>
    public int TagStart { get; private set; }

    /// <summary>The offset just past the current tag; for a raw-text element, past its text (at its end tag). Text between tags lies between one tag's End and the next one's TagStart.</summary>
    public readonly int End => _position;

    /// <summary>The current tag's lower-case name.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Whether the current tag is an end tag.</summary>
    public bool IsEndTag { get; private set; }

    /// <summary>The current start tag's attributes in source order, names lower-cased and values decoded; the first of a repeated name wins.</summary>
    public List<KeyValuePair<string, string>> Attributes { get; } = new();

    /// <summary>For a start tag of a raw-text element (script, style) or an escapable raw-text one (title, textarea), its text; otherwise null.</summary>
    public string? RawText { get; private set; }

    /// <summary>Moves to the next tag; false at the end of the page.</summary>
    public bool Read()
    {
        var html = _html;
        while (true)
        {
            var open = html.IndexOf('<', _position);
            if (open < 0 || open + 1 >= html.Length)
            {
                _position = html.Length;
                return false;
            }

            var next = html[open + 1];
            if (next == '!')
            {
                _position = html.AsSpan(open).StartsWith("<!--") ? SkipComment(open + 4) : SkipTo('>', open + 2);
                continue;
            }

            if (next == '?')
            {
                _position = SkipTo('>', open + 2);
                continue;
            }

            var isEnd = next == '/';
            var nameStart = isEnd ? open + 2 : open + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                // "</>" is dropped, "</ x" is a bogus comment, and "<" before anything else is text.
                _position = isEnd ? SkipTo('>', nameStart) : open + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && !IsNameEnd(html[nameEnd])) nameEnd++;
            Name = LowerName(html.AsSpan(nameStart, nameEnd - nameStart));
            TagStart = open;
            IsEndTag = isEnd;
            Attributes.Clear();
            RawText = null;
            _position = ReadAttributes(nameEnd);
            if (!isEnd && Name is "script" or "style" or "title" or "textarea") RawText = ReadRawText();
            return true;
        }
    }

    /// <summary>The value of an attribute of the current tag, or null.</summary>
    public readonly string? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Key == name) return attribute.Value;
        }

        return null;
    }

    private static bool IsNameEnd(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private readonly int SkipTo(char c, int from)
    {
        var at = _html.IndexOf(c, Math.Min(from, _html.Length));
        return at < 0 ? _html.Length : at + 1;
    }

    private readonly int SkipComment(int from)
    {
        // "<!-->" and "<!--->" end at once, as in the HTML tokenizer.
        var html = _html;
        if (from < html.Length && html[from] == '>') return from + 1;
        if (from + 1 < html.Length && html[from] == '-' && html[from + 1] == '>') return from + 2;
        var end = html.IndexOf("-->", from, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + 3;
    }

    private int ReadAttributes(int at)
    {
        var html = _html;
        while (at < html.Length)
        {
            var c = html[at];
            if (c == '>') return at + 1;
            if (IsSpace(c) || c == '/')
            {
                at++;
                continue;
            }

            var nameStart = at;
            at++; // a name may begin with '=', which is then part of it
            while (at < html.Length && !IsSpace(html[at]) && html[at] is not ('/' or '>' or '=')) at++;
            var name = LowerName(html.AsSpan(nameStart, at - nameStart));
            while (at < html.Length && IsSpace(html[at])) at++;
            var value = string.Empty;
            if (at < html.Length && html[at] == '=')
            {
                at++;
                while (at < html.Length && IsSpace(html[at])) at++;
                (value, at) = ReadValue(at);
            }

            if (Attribute(name) is null) Attributes.Add(new(name, value));
        }

        return at;
    }

    private readonly (string Value, int Next) ReadValue(int at)
    {
        var html = _html;
        if (at >= html.Length) return (string.Empty, at);
        var quote = html[at];
        int start, end, next;
        if (quote is '"' or '\'')
        {
            start = at + 1;
            end = html.IndexOf(quote, start);
            if (end < 0) end = html.Length;
            next = Math.Min(end + 1, html.Length);
        }
        else
        {
            start = at;
            end = at;
            while (end < html.Length && !IsSpace(html[end]) && html[end] != '>') end++;
            next = end;
        }

        var raw = html[start..end];
        return (raw.Contains('&') ? WebUtility.HtmlDecode(raw) : raw, next);
    }

    // The text up to the first "</name" that closes the element, as the tokenizer's raw-text states read it.
    private string ReadRawText()
    {
        var html = _html;
        var from = _position;
        var at = from;
        while (true)
        {
            var close = html.IndexOf("</", at, StringComparison.Ordinal);
            if (close < 0)
            {
                _position = html.Length;
                return html[from..];
            }

            var after = close + 2 + Name.Length;
            if (after <= html.Length && html.AsSpan(close + 2, Name.Length).Equals(Name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || IsNameEnd(html[after])))
            {
                _position = close;
                var text = html[from..close];
                return Name is "title" or "textarea" && text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
            }

            at = close + 2;
        }
    }
}
