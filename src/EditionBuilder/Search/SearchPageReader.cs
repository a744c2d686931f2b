using System.Net;
using System.Text;
using EditionBuilder.Markup;

namespace EditionBuilder.Search;

/// <summary>Reads from a finished page what the edition's own index shows and searches: its language, title, article title, and the blocks of text inside the element the theme marks <c>data-pagefind-body</c>, without what the theme marks <c>data-pagefind-ignore</c> and the apparatus (<see cref="SearchIndex.Apparatus"/>: paragraph numbers, note numbers, back-links, archived-copy links, the notes' heading).</summary>
public static class SearchPageReader
{
    /// <summary>What a page gives the index.</summary>
    public sealed record Page(string Lang, string Title, string ArticleTitle, IReadOnlyList<SearchBlock> Blocks);

    // Elements each of whose text is a block of its own; text directly in a container is a block too.
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "td", "th", "figcaption", "pre",
    };

    // Elements that hold blocks: their start and end end the block before, and their id can be a block's anchor.
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "div", "section", "aside", "article", "main", "header", "footer", "nav", "ol", "ul", "dl", "table", "thead", "tbody", "tfoot", "tr",
        "figure", "details", "summary", "body", "caption", "hr",
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>Reads one page.</summary>
    public static Page Read(string html)
    {
        var reader = new State(html);
        reader.Run();
        return new Page(reader.Lang, reader.H1.Length > 0 ? Collapse(reader.H1) : Collapse(reader.TitleText), Collapse(reader.Article), reader.Found);
    }

    /// <summary>Whitespace runs as one space, trimmed.</summary>
    public static string Collapse(StringBuilder text) => Collapse(text.ToString());

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private sealed class State(string html)
    {
        private readonly List<(string Name, string? Id)> _open = [];
        private readonly StringBuilder _block = new();
        private string? _anchor;
        private int _body = -1;
        private int _ignored = -1;
        private int _h1 = -1;
        private int _article = -1;
        private bool _h1Done;
        private bool _articleDone;

        public string Lang { get; private set; } = string.Empty;
        public StringBuilder H1 { get; } = new();
        public StringBuilder Article { get; } = new();
        public string TitleText { get; private set; } = string.Empty;
        public List<SearchBlock> Found { get; } = [];

        public void Run()
        {
            var scanner = new HtmlScanner(html);
            var textStart = 0;
            while (scanner.Read())
            {
                Text(textStart, scanner.TagStart);
                textStart = scanner.End;
                if (scanner.IsEndTag) Close(scanner.Name);
                else Open(ref scanner);
            }

            Text(textStart, html.Length);
            Flush();
        }

        private void Open(ref HtmlScanner tag)
        {
            var name = tag.Name;
            if (name == "html" && Lang.Length == 0) Lang = tag.Attribute("lang") ?? string.Empty;
            if (name == "title" && TitleText.Length == 0 && _body < 0) TitleText = tag.RawText ?? string.Empty;
            if (Void.Contains(name))
            {
                if (name == "br") Append(" ");
                if (Containers.Contains(name) && _body >= 0) Flush();
                return;
            }

            if (tag.RawText is not null) return; // script, style, title, textarea: no end tag to pair with on the stack, and not page text
            var parentRole = _open.Count > 0 ? _roles.GetValueOrDefault(_open.Count - 1) : null;
            _open.Add((name, tag.Attribute("id")));
            var at = _open.Count - 1;
            var role = tag.Attribute("role");
            if (role is not null) _roles[at] = role;
            if (name == "h1" && !_h1Done && _h1 < 0) _h1 = at;
            if (!_articleDone && _article < 0 && tag.Attribute("data-pagefind-meta") == "article") _article = at;
            if (_body < 0)
            {
                if (tag.Attribute(SearchIndex.BodyAttribute) is null) return;
                Flush();
                _body = at;
                return;
            }

            if (_ignored < 0 && IsIgnored(name, tag.Attribute("class"), role, tag.Attribute("data-pagefind-ignore") is not null, parentRole)) _ignored = at;
            if (Blocks.Contains(name) || Containers.Contains(name)) Flush();
        }

        private readonly Dictionary<int, string> _roles = [];

        private void Close(string name)
        {
            var at = _open.FindLastIndex(e => e.Name == name);
            if (at < 0) return;
            if (_body >= 0 && at >= _body && (Blocks.Contains(name) || Containers.Contains(name) || at == _body)) Flush();
            for (var i = _open.Count - 1; i >= at; i--) _roles.Remove(i);
            _open.RemoveRange(at, _open.Count - at);
            if (_ignored >= at) _ignored = -1;
            if (_body >= at) _body = -1;
            if (_h1 >= at)
            {
                _h1 = -1;
                _h1Done = true;
            }

            if (_article >= at)
            {
                _article = -1;
                _articleDone = true;
            }
        }

        private static bool IsIgnored(string name, string? classes, string? role, bool marked, string? parentRole) =>
            marked
            || role is "doc-noteref" or "doc-backlink"
            || (name == "a" && HasClass(classes, "para"))
            || (name == "a" && HasClass(classes, "archived"))
            || (name == "h2" && parentRole == "doc-endnotes");

        private static bool HasClass(string? classes, string name) =>
            classes is not null && classes.Split([' ', '\t', '\n', '\f', '\r'], StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal);

        private void Text(int from, int to)
        {
            if (to <= from) return;
            var raw = html.AsSpan(from, to - from);
            if (raw.IsWhiteSpace())
            {
                Append(" ");
                return;
            }

            var text = WithoutComments(raw);
            if (text.Contains('&')) text = WebUtility.HtmlDecode(text);
            Append(text);
        }

        private void Append(string text)
        {
            if (_h1 >= 0) H1.Append(text);
            if (_article >= 0) Article.Append(text);
            if (_body < 0 || _ignored >= 0) return;
            if (_anchor is null && !string.IsNullOrWhiteSpace(text)) _anchor = Anchor();
            _block.Append(text);
        }

        // The id of the nearest block or container inside the body that holds the text; "" for the page's top.
        private string Anchor()
        {
            for (var i = _open.Count - 1; i > _body; i--)
            {
                var (name, id) = _open[i];
                if (!string.IsNullOrEmpty(id) && (Blocks.Contains(name) || Containers.Contains(name))) return id;
            }

            return string.Empty;
        }

        private void Flush()
        {
            var text = Collapse(_block);
            if (text.Length > 0) Found.Add(new SearchBlock(_anchor ?? string.Empty, text));
            _block.Clear();
            _anchor = null;
        }

        // Comments and other markup declarations between tags are not text (the scanner skips them when looking for tags).
        private static string WithoutComments(ReadOnlySpan<char> raw)
        {
            if (raw.IndexOf('<') < 0) return raw.ToString();
            var builder = new StringBuilder(raw.Length);
            var at = 0;
            while (at < raw.Length)
            {
                var open = raw[at..].IndexOf('<');
                if (open < 0 || at + open + 1 >= raw.Length || raw[at + open + 1] is not ('!' or '?'))
                {
                    var end = open < 0 ? raw.Length : at + open + 1;
                    builder.Append(raw[at..end]);
                    at = end;
                    continue;
                }

                builder.Append(raw.Slice(at, open));
                var start = at + open;
                var close = raw[start..].StartsWith("<!--") ? raw[(start + 4)..].IndexOf("-->") : -1;
                at = close >= 0 ? start + 4 + close + 3 : raw[start..].IndexOf('>') is var gt and >= 0 ? start + gt + 1 : raw.Length;
            }

            return builder.ToString();
        }
    }
}
