using System.Xml;

namespace EditionBuilder.Epub;

/// <summary>Reads each XML document of a book once, so a tool fault (a renderer writing HTML that is not XML) fails the build instead of shipping a book e-readers reject.</summary>
public static class WellFormedness
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, CheckCharacters = true };

    /// <summary>Null when the document is well-formed XML; otherwise where and why it is not.</summary>
    public static string? Problem(byte[] document)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(document), Settings);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            return $"line {e.LineNumber}, column {e.LinePosition}: {e.Message}";
        }
    }
}
