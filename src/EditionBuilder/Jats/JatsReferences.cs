using EditionBuilder.Parse;

namespace EditionBuilder.Jats;

/// <summary>An article's reference list as JATS holds it in <c>back</c>: <c>&lt;ref-list&gt;&lt;title&gt;…&lt;/title&gt;&lt;ref id="ref-1"&gt;&lt;mixed-citation xml:lang="…"&gt;</c>, each entry's text with its formatting and links, in the site's order and under the site's ids.</summary>
public static class JatsReferences
{
    public static void Write(ParsedReferences references, JatsXml xml, JatsBody body)
    {
        xml.Open("ref-list").Line();
        xml.Element("title", references.Title).Line();
        foreach (var reference in references.Items)
        {
            xml.Open("ref", ("id", reference.Id)).Open("mixed-citation", ("xml:lang", reference.Lang));
            body.Inlines(reference.Paragraph.Inline);
            xml.Close("mixed-citation").Close("ref").Line();
        }

        xml.Close("ref-list").Line();
    }
}
