using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EditionBuilder.Tests.Jats;

/// <summary>The content models of the JATS 1.1 elements the writer makes, as the Tag Library (Archiving and Interchange, and Journal Publishing) states them, written as patterns over the names of an element's child elements; an element the writer never makes is not listed.</summary>
/// <remarks>From the Tag Library's element pages ("Content Model"); only the branches the writer can reach are spelled out, the rest of each model is left out, so a child the writer should not make fails the check.</remarks>
public sealed class TagLibrary
{
    // Paragraph-level content the writer makes inside a section, abstract, note, list item or quotation.
    private const string Para = "(p|list|disp-quote|preformat|table-wrap|fig)";

    // Text with the inline elements the writer makes (emphasis, links, note references), as in a paragraph.
    private const string Phrase = "(xref|ext-link|email|italic|bold|sup|sub|strike|underline|sc|monospace|inline-graphic)*";

    private static readonly Dictionary<string, string> Common = new(StringComparer.Ordinal)
    {
        ["article"] = "front body? back?",
        ["journal-title-group"] = "journal-title* journal-subtitle* trans-title-group* abbrev-journal-title*",
        ["title-group"] = "article-title subtitle* trans-title-group* alt-title* fn-group?",
        ["trans-title-group"] = "trans-title trans-subtitle*",
        ["contrib-group"] = "contrib+ (address|aff|aff-alternatives|author-comment|bio|email|ext-link|on-behalf-of|role|uri|xref)*",
        ["contrib"] = "contrib-id* (anonymous|collab|collab-alternatives|name|name-alternatives)* degrees* (address|aff|aff-alternatives|author-comment|bio|email|ext-link|on-behalf-of|role|uri|xref)*",
        ["name-alternatives"] = "(name|string-name)+",
        ["aff-alternatives"] = "aff+",
        ["pub-date"] = "((day? month?)|season)? year",
        ["publisher"] = "(publisher-name publisher-loc?)+",
        ["permissions"] = "copyright-statement* copyright-year* copyright-holder* (license|ali:free_to_read|ali:license_ref)*",
        ["license"] = "(license-p|ali:license_ref)*",
        ["abstract"] = $"label? title? {Para}* sec*",
        ["trans-abstract"] = $"label? title? {Para}* sec*",
        ["kwd-group"] = "label? title? (kwd|compound-kwd|nested-kwd)+",
        ["body"] = $"{Para}* sec* sig-block?",
        ["sec"] = $"sec-meta? label? title? {Para}* sec* (fn-group|glossary|ref-list)*",
        ["back"] = "label? title* (ack|app-group|bio|fn-group|glossary|ref-list|notes|sec)*",
        ["fn-group"] = "label? title* fn+",
        ["fn"] = $"label? {Para}+",
        ["list"] = "label? title? list-item+",
        ["list-item"] = $"label? {Para}+",
        ["disp-quote"] = $"label? title? {Para}* (attrib|permissions)*",
        ["fig"] = "object-id* label? caption? abstract* kwd-group* (alt-text|long-desc|email|ext-link|uri)* (graphic|media|preformat|table)* (attrib|permissions)*",
        ["caption"] = "title? p*",
        ["graphic"] = "(alt-text|long-desc|abstract|email|ext-link|uri|caption|object-id|kwd-group|label|attrib|permissions)*",
        ["inline-graphic"] = "alt-text? long-desc?",
        ["table-wrap"] = "object-id* label? caption? (alt-text|long-desc|email|ext-link|uri)* (table|graphic|media|preformat)* (table-wrap-foot|attrib|permissions)*",
        ["table"] = "caption? (col*|colgroup*) ((thead? tfoot? tbody+)|tr+)",
        ["thead"] = "tr+",
        ["tbody"] = "tr+",
        ["tr"] = "(th|td)+",
        ["p"] = Phrase,
        ["title"] = Phrase,
        ["th"] = Phrase,
        ["td"] = Phrase,
        ["italic"] = Phrase,
        ["bold"] = Phrase,
        ["sup"] = Phrase,
        ["sub"] = Phrase,
        ["strike"] = Phrase,
        ["underline"] = Phrase,
        ["sc"] = Phrase,
        ["ext-link"] = Phrase,
        ["license-p"] = Phrase,
        ["article-title"] = Phrase,
        ["subtitle"] = Phrase,
        ["trans-title"] = Phrase,
        ["trans-subtitle"] = Phrase,
        ["journal-title"] = Phrase,
        ["kwd"] = Phrase,
        ["aff"] = Phrase,
    };

    // Elements of text alone, as the writer makes them.
    private static readonly string[] TextOnly =
    [
        "label", "xref", "monospace", "email", "alt-text", "string-name", "contrib-id", "article-id", "journal-id", "issn", "publisher-name",
        "day", "month", "year", "volume", "issue", "fpage", "lpage",
    ];

    /// <summary>JATS 1.1 Journal Archiving and Interchange: <c>journal-meta</c> optional, and in it and <c>article-meta</c> almost everything optional.</summary>
    public static readonly TagLibrary Archiving = new("Archiving 1.1", new(Common, StringComparer.Ordinal)
    {
        ["front"] = "journal-meta? article-meta",
        ["journal-meta"] = "journal-id* journal-title-group* (contrib-group|aff|aff-alternatives)* issn* issn-l? isbn* publisher? notes* self-uri*",
        ["article-meta"] = "article-id* article-categories? title-group? (contrib-group|aff|aff-alternatives)* author-notes? pub-date* volume* issue* isbn* ((fpage lpage? page-range?)|elocation-id)? (email|ext-link|uri|product|supplementary-material)* history? permissions? self-uri* (related-article|related-object)* abstract* trans-abstract* kwd-group* funding-group* conference* counts? custom-meta-group?",
    });

    /// <summary>JATS 1.1 Journal Publishing: <c>journal-meta</c> with at least one <c>journal-id</c> and <c>issn</c>; <c>article-meta</c> with its <c>title-group</c> and a <c>pub-date</c>, at most one volume and issue.</summary>
    public static readonly TagLibrary Publishing = new("Publishing 1.1", new(Common, StringComparer.Ordinal)
    {
        ["front"] = "journal-meta article-meta",
        ["journal-meta"] = "journal-id+ journal-title-group* (contrib-group|aff|aff-alternatives)* issn+ issn-l? isbn* publisher? notes* self-uri* custom-meta-group?",
        ["article-meta"] = "article-id* article-categories? title-group (contrib-group|aff|aff-alternatives)* author-notes? pub-date+ volume? volume-id* volume-series? issue? issue-id* issue-title* issue-sponsor* issue-part? isbn* supplement? ((fpage lpage? page-range?)|elocation-id)? (email|ext-link|uri|product|supplementary-material)* history? permissions? self-uri* (related-article|related-object)* abstract* trans-abstract* kwd-group* funding-group* conference* counts? custom-meta-group?",
    });

    private readonly Dictionary<string, Regex> _models;

    private TagLibrary(string name, Dictionary<string, string> models)
    {
        Name = name;
        _models = models.Concat(TextOnly.Select(t => KeyValuePair.Create(t, string.Empty)))
            .ToDictionary(m => m.Key, m => new Regex("^" + Compile(m.Value) + "$"), StringComparer.Ordinal);
    }

    public string Name { get; }

    /// <summary>Every element whose children break its content model, or which the writer is not known to make, as "line: element (children)".</summary>
    public IReadOnlyList<string> Problems(XDocument document)
    {
        var problems = new List<string>();
        foreach (var element in document.Descendants())
        {
            var name = NameOf(element);
            var children = string.Concat(element.Elements().Select(c => NameOf(c) + " "));
            var line = ((System.Xml.IXmlLineInfo)element).LineNumber;
            if (!_models.TryGetValue(name, out var model)) problems.Add($"{line}: <{name}> is not an element the writer is known to make");
            else if (!model.IsMatch(children)) problems.Add($"{line}: <{name}> holds ({children.Trim()}), which {Name} does not allow");
        }

        return problems;
    }

    private static string NameOf(XElement element) =>
        element.Name.Namespace == XNamespace.None ? element.Name.LocalName : element.GetPrefixOfNamespace(element.Name.Namespace) + ":" + element.Name.LocalName;

    // "a b? (c|d)*" → a regex over "a b c " (every child's name followed by a space).
    private static string Compile(string model) =>
        Regex.Replace(model, @"[a-z][a-z0-9:_\-]*", m => $"(?:{Regex.Escape(m.Value)}\\x20)").Replace(" ", string.Empty);
}
