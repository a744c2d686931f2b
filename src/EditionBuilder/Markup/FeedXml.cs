using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EditionBuilder.Markup;

/// <summary>Writes the XML files of the journal writers and the registry exports the same way: UTF-8 without a byte order mark, two-space indents, LF line ends, so the same input gives the same bytes.</summary>
public static class FeedXml
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
    };

    /// <summary>The document as text, with its XML declaration.</summary>
    public static string Write(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings)) document.Save(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A value from article.yml or edition.yml, trimmed, with any character XML cannot hold replaced by U+FFFD (the YAML reader already warned about it).</summary>
    public static string Text(string value) => XmlText.Storable(value.Trim());

    /// <summary>An ISO date as an RFC 3339 date-time at midnight UTC, as Atom writes dates: a year alone is its 1 January, a month its first day.</summary>
    public static string DateTime(Content.PublicationDate date) => $"{date.Year:D4}-{date.Month ?? 1:D2}-{date.Day ?? 1:D2}T00:00:00Z";

    /// <summary>The date as YYYY-MM-DD (a year alone is its 1 January, a month its first day), the day granularity of OAI-PMH.</summary>
    public static string Day(Content.PublicationDate date) => $"{date.Year:D4}-{date.Month ?? 1:D2}-{date.Day ?? 1:D2}";
}
