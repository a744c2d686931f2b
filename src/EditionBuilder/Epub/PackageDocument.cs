using System.Text;
using System.Xml;
using XmlText = EditionBuilder.Markup.XmlText;

namespace EditionBuilder.Epub;

/// <summary>Writes the package document (package.opf, EPUB 3.0 as EPUBCheck 4.2.6 reads it): metadata, a manifest of every file, and a right-to-left spine.</summary>
public static class PackageDocument
{
    private const string Opf = "http://www.idpf.org/2007/opf";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    public static string Write(EpubMetadata metadata, IReadOnlyList<EpubFile> files)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("package", Opf);
            xml.WriteAttributeString("version", "3.0");
            xml.WriteAttributeString("unique-identifier", "pub-id");
            xml.WriteAttributeString("xml", "lang", null, "ar");
            xml.WriteAttributeString("dir", "rtl");

            xml.WriteStartElement("metadata", Opf);
            xml.WriteAttributeString("xmlns", "dc", null, Dc);
            Dublin(xml, "identifier", metadata.Identifier, id: "pub-id");
            Dublin(xml, "title", metadata.Title, id: "title");
            Meta(xml, "title-type", "main", refines: "#title");
            foreach (var (lang, title) in metadata.OtherTitles)
            {
                // The same title in another language: EPUB's alternate-script refinement of the main title.
                Meta(xml, "alternate-script", title, refines: "#title", lang: lang, dir: "ltr");
            }

            for (var i = 0; i < metadata.Creators.Count; i++)
            {
                Dublin(xml, "creator", metadata.Creators[i], id: $"creator-{i + 1}");
                Meta(xml, "role", "aut", refines: $"#creator-{i + 1}", scheme: "marc:relators");
            }

            foreach (var language in metadata.Languages) Dublin(xml, "language", language);
            if (metadata.Date.Length > 0) Dublin(xml, "date", metadata.Date);
            if (metadata.Publisher.Length > 0) Dublin(xml, "publisher", metadata.Publisher);
            if (metadata.Rights.Length > 0) Dublin(xml, "rights", metadata.Rights);
            Meta(xml, "dcterms:modified", EpubDate.Format(metadata.Modified));

            // Accessibility metadata (schema.org, a reserved prefix): text only, navigable, nothing that flashes.
            Meta(xml, "schema:accessMode", "textual");
            Meta(xml, "schema:accessModeSufficient", "textual");
            foreach (var feature in new[] { "structuralNavigation", "tableOfContents", "readingOrder" }) Meta(xml, "schema:accessibilityFeature", feature);
            Meta(xml, "schema:accessibilityHazard", "none");
            xml.WriteEndElement();

            xml.WriteStartElement("manifest", Opf);
            foreach (var file in files)
            {
                xml.WriteStartElement("item", Opf);
                xml.WriteAttributeString("id", file.Id);
                xml.WriteAttributeString("href", file.Href);
                xml.WriteAttributeString("media-type", file.MediaType);
                if (file.Properties.Length > 0) xml.WriteAttributeString("properties", file.Properties);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            xml.WriteStartElement("spine", Opf);
            xml.WriteAttributeString("page-progression-direction", "rtl");
            foreach (var file in files.Where(f => f.InSpine))
            {
                xml.WriteStartElement("itemref", Opf);
                xml.WriteAttributeString("idref", file.Id);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + builder.Append('\n');
    }

    private static void Dublin(XmlWriter xml, string name, string value, string? id = null)
    {
        xml.WriteStartElement("dc", name, Dc);
        if (id is not null) xml.WriteAttributeString("id", id);
        xml.WriteString(XmlText.Storable(value.Trim()));
        xml.WriteEndElement();
    }

    private static void Meta(XmlWriter xml, string property, string value, string? refines = null, string? scheme = null, string? lang = null, string? dir = null)
    {
        xml.WriteStartElement("meta", Opf);
        if (refines is not null) xml.WriteAttributeString("refines", refines);
        xml.WriteAttributeString("property", property);
        if (scheme is not null) xml.WriteAttributeString("scheme", scheme);
        if (lang is not null) xml.WriteAttributeString("xml", "lang", null, lang);
        if (dir is not null) xml.WriteAttributeString("dir", dir);
        xml.WriteString(XmlText.Storable(value.Trim()));
        xml.WriteEndElement();
    }
}
