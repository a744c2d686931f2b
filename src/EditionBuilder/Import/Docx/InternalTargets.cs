using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EditionBuilder.Markdown.Anchors;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// The bookmarks of a Word document that its internal links lead to (<c>w:hyperlink w:anchor</c>, a HYPERLINK field's
/// <c>\l</c>), each with the anchor id it gets in the edition: <c>bm-</c> and the bookmark's name when that is ASCII
/// letters, digits, '_' and '-', else <c>bm-</c> and its number among them in document order. Word's names are
/// case-insensitive, so are these lookups; the first spelling wins. Bookmarks no link leads to get no anchor.
/// </summary>
internal sealed partial class InternalTargets
{
    private const string Prefix = "bm-";
    private readonly Dictionary<string, string> _anchors = new(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"HYPERLINK\s+\\l\s+""?([^""\s]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LocalHyperlinkField();

    /// <summary>Finds the bookmarks the body's links lead to.</summary>
    public void Scan(XElement body)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in body.Descendants(W + "hyperlink"))
        {
            if (link.Attribute(R + "id") is null && Attr(link, "anchor") is { Length: > 0 } anchor) wanted.Add(anchor);
        }

        // A field instruction may be split over several runs: each paragraph's instructions are read together.
        foreach (var paragraph in body.Descendants(W + "p"))
        {
            var instructions = string.Concat(paragraph.Descendants(W + "instrText").Select(t => t.Value))
                + string.Concat(paragraph.Descendants(W + "fldSimple").Select(f => " " + Attr(f, "instr")));
            foreach (Match match in LocalHyperlinkField().Matches(instructions)) wanted.Add(match.Groups[1].Value);
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var start in body.Descendants(W + "bookmarkStart"))
        {
            if (Attr(start, "name") is not { Length: > 0 } name || !wanted.Contains(name) || _anchors.ContainsKey(name)) continue;
            number++;
            var id = Prefix + name;
            if (!AnchorParser.IsId(id)) id = Prefix + number.ToString(CultureInfo.InvariantCulture);
            for (var i = 2; !taken.Add(id); i++) id = $"{Prefix}{number.ToString(CultureInfo.InvariantCulture)}-{i.ToString(CultureInfo.InvariantCulture)}";
            _anchors[name] = id;
        }
    }

    /// <summary>The anchor id of a bookmark a link leads to; null for any other name.</summary>
    public string? AnchorOf(string? bookmark) => bookmark is not null && _anchors.TryGetValue(bookmark, out var id) ? id : null;

    /// <summary>The address a link to an anchor has until the chapters are known (<see cref="InternalLinks"/> resolves it).</summary>
    public static string Placeholder(string anchor) => "#" + anchor;

    /// <summary>True for an address <see cref="Placeholder"/> made.</summary>
    public static bool IsPlaceholder(string url) => url.StartsWith("#" + Prefix, StringComparison.Ordinal);
}
