using System.Globalization;
using System.Xml.Linq;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>The styles part: what a paragraph or character style makes of its text (heading level, title, quote, caption, direction, list, bold…), through its basedOn chain.</summary>
internal sealed class StyleSheet
{
    private const int MaxChain = 16;

    private readonly Dictionary<string, XElement> _styles = new(StringComparer.Ordinal);

    // Answers per style id and property, so a long document asks each style once, not once per paragraph and run.
    private readonly Dictionary<(string? Style, string Name, bool Run), XElement?> _properties = new();
    private readonly Dictionary<(string? Style, int Kind), bool> _kinds = new();
    private readonly Dictionary<string, int?> _headingLevels = new(StringComparer.Ordinal);
    private readonly string? _defaultParagraphStyle;

    private StyleSheet(XDocument? document)
    {
        var root = document?.Root;
        if (root is null) return;
        foreach (var style in root.Elements(W + "style"))
        {
            var id = Attr(style, "styleId");
            if (id is not null) _styles.TryAdd(id, style);
            if (Attr(style, "type") == "paragraph" && Attr(style, "default") is "1" or "true") _defaultParagraphStyle = id;
        }

        DefaultRunProperties = root.Element(W + "docDefaults")?.Element(W + "rPrDefault")?.Element(W + "rPr");
    }

    public static StyleSheet Empty { get; } = new(null);

    public static StyleSheet Read(XDocument? document) => new(document);

    /// <summary>The document's default run properties (its default language among them).</summary>
    public XElement? DefaultRunProperties { get; }

    /// <summary>The paragraph's style id, or the document's default paragraph style.</summary>
    public string? ParagraphStyleOf(XElement? paragraphProperties) => Val(paragraphProperties, "pStyle") ?? _defaultParagraphStyle;

    /// <summary>The style and its basedOn ancestors, nearest first.</summary>
    public IEnumerable<XElement> Chain(string? styleId)
    {
        for (var i = 0; i < MaxChain && styleId is not null && _styles.TryGetValue(styleId, out var style); i++)
        {
            yield return style;
            styleId = Val(style, "basedOn");
        }
    }

    public string Name(string? styleId) =>
        styleId is not null && _styles.TryGetValue(styleId, out var style) ? Val(style, "name") ?? styleId : styleId ?? string.Empty;

    /// <summary>A paragraph property (bidi, numPr, outlineLvl, ind…) from the nearest style in the chain that sets it.</summary>
    public XElement? ParagraphProperty(string? styleId, string name) => Property(styleId, name, run: false);

    /// <summary>A run property (b, bCs, i, iCs, vertAlign, lang, rtl…) from the nearest style in the chain that sets it.</summary>
    public XElement? RunProperty(string? styleId, string name) => styleId is null ? null : Property(styleId, name, run: true);

    private XElement? Property(string? styleId, string name, bool run)
    {
        if (_properties.TryGetValue((styleId, name, run), out var known)) return known;
        var found = Chain(styleId).Select(s => s.Element(W + (run ? "rPr" : "pPr"))?.Element(W + name)).FirstOrDefault(e => e is not null);
        _properties[(styleId, name, run)] = found;
        return found;
    }

    /// <summary>1 for Heading 1 (by w:outlineLvl, or by a heading name in any of the usual languages), null for body text.</summary>
    public int? HeadingLevel(string? styleId)
    {
        if (styleId is null) return null;
        if (!_headingLevels.TryGetValue(styleId, out var level)) _headingLevels[styleId] = level = FindHeadingLevel(styleId);
        return level;
    }

    private int? FindHeadingLevel(string styleId)
    {
        foreach (var style in Chain(styleId))
        {
            var outline = Int(Val(style.Element(W + "pPr"), "outlineLvl"));
            if (outline is >= 0 and <= 8) return outline + 1;
            if (outline is 9) return null;
            if (LevelFromName(Val(style, "name")) is { } byName) return byName;
            if (LevelFromName(Attr(style, "styleId")) is { } byId) return byId;
        }

        return null;
    }

    private static readonly string[] HeadingWords =
    [
        "heading", "titre", "عنوان", "überschrift", "título", "titolo", "kop", "заголовок", "başlık", "rubrik", "nagłówek", "otsikko", "overskrift",
    ];

    /// <summary>"heading 1", "Heading1", "Titre 1", "عنوان ١" → 1.</summary>
    public static int? LevelFromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var text = name.Trim().ToLowerInvariant();
        var digits = 0;
        while (digits < text.Length && char.IsDigit(text[^(digits + 1)])) digits++;
        if (digits is 0 or > 1) return null;
        var word = text[..^digits].TrimEnd(' ', '\u00A0', '_', '-');
        if (!HeadingWords.Contains(word)) return null;
        var level = (int)CharUnicodeInfo.GetDecimalDigitValue(text[^1]);
        return level is >= 1 and <= 9 ? level : null;
    }

    private static readonly string[] TitleNames = ["title", "titre", "العنوان", "titel", "título", "titolo", "заголовок документа"];
    private static readonly string[] SubtitleNames = ["subtitle", "sous-titre", "عنوان فرعي", "untertitel", "subtítulo", "sottotitolo"];
    private static readonly string[] QuoteNames = ["quote", "intense quote", "block text", "block quote", "blockquote", "citation", "citation intense", "اقتباس", "اقتباس مكثف", "zitat", "cita", "citazione"];
    private static readonly string[] CaptionNames = ["caption", "légende", "تسمية توضيحية", "beschriftung", "descripción", "didascalia", "image caption", "table caption"];

    // Word's Bibliography style in its localized names (LibreOffice's is "Bibliography 1"), and the Author style of pandoc's byline.
    private static readonly string[] BibliographyNames = ["bibliography", "bibliography 1", "bibliographie", "literaturverzeichnis", "bibliografía", "bibliografia", "ببليوغرافيا", "المراجع", "قائمة المراجع"];
    private static readonly string[] AuthorNames = ["author", "auteur", "autor", "autore", "المؤلف"];

    public bool IsTitle(string? styleId) => Named(styleId, 0, TitleNames);

    public bool IsBibliography(string? styleId) => Named(styleId, 4, BibliographyNames);

    public bool IsAuthor(string? styleId) => Named(styleId, 5, AuthorNames);

    public bool IsSubtitle(string? styleId) => Named(styleId, 1, SubtitleNames);

    public bool IsQuote(string? styleId) => Named(styleId, 2, QuoteNames);

    public bool IsCaption(string? styleId) => Named(styleId, 3, CaptionNames);

    private bool Named(string? styleId, int kind, string[] names)
    {
        if (styleId is null) return false;
        if (!_kinds.TryGetValue((styleId, kind), out var named)) _kinds[(styleId, kind)] = named = Named(styleId, names);
        return named;
    }

    // A style is of a kind when it, or a style it is based on, has one of the names (or ids) of that kind.
    private bool Named(string? styleId, string[] names) =>
        Chain(styleId).Any(s => Matches(Val(s, "name"), names) || Matches(Attr(s, "styleId"), names));

    private static bool Matches(string? value, string[] names) =>
        value is not null && names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(n.Replace(" ", string.Empty), value.Trim(), StringComparison.OrdinalIgnoreCase));
}
