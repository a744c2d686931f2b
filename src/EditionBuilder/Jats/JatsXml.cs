using System.Text;
using System.Xml;

namespace EditionBuilder.Jats;

/// <summary>Writes the JATS document's XML by hand, so every byte is decided here: characters are written as they are and only what XML requires is escaped (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> after <c>]]</c>, a carriage return; in attributes also quotes, tabs and line ends).</summary>
public sealed class JatsXml
{
    private readonly StringBuilder _xml = new();

    /// <summary>How many characters XML 1.0 cannot hold (see <see cref="Markup.XmlText"/>) were written as U+FFFD (the writer has reported where, from the chapter files).</summary>
    public int Replaced { get; private set; }

    /// <summary>How many UTF-16 units were written so far.</summary>
    public int Length => _xml.Length;

    /// <summary>Starts an element; attributes with an empty value are left out.</summary>
    public JatsXml Open(string name, params (string Name, string Value)[] attributes)
    {
        _xml.Append('<').Append(name);
        WriteAttributes(attributes);
        _xml.Append('>');
        return this;
    }

    public JatsXml Close(string name)
    {
        _xml.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>An element without content: <c>&lt;name a="…"/&gt;</c>.</summary>
    public JatsXml Empty(string name, params (string Name, string Value)[] attributes)
    {
        _xml.Append('<').Append(name);
        WriteAttributes(attributes);
        _xml.Append("/>");
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public JatsXml Element(string name, string text, params (string Name, string Value)[] attributes) =>
        Open(name, attributes).Text(text).Close(name);

    /// <summary>A line end between block elements (ignorable white space, so the file reads well).</summary>
    public JatsXml Line()
    {
        _xml.Append('\n');
        return this;
    }

    /// <summary>Writes raw markup the writer made itself (the XML declaration, the DOCTYPE).</summary>
    public JatsXml Markup(string markup)
    {
        _xml.Append(markup);
        return this;
    }

    /// <summary>Text content, escaped as XML requires and nothing more.</summary>
    public JatsXml Text(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': _xml.Append("&amp;"); break;
                case '<': _xml.Append("&lt;"); break;
                // '>' only where it would close a CDATA section that never opened.
                case '>' when EndsWithBrackets(): _xml.Append("&gt;"); break;
                // A literal CR would be read back as a line feed.
                case '\r': _xml.Append("&#xD;"); break;
                default: i = AppendCharacter(text, i); break;
            }
        }

        return this;
    }

    public override string ToString() => _xml.ToString();

    private void WriteAttributes((string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            if (value.Length == 0) continue;
            _xml.Append(' ').Append(name).Append("=\"");
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '&': _xml.Append("&amp;"); break;
                    case '<': _xml.Append("&lt;"); break;
                    case '"': _xml.Append("&quot;"); break;
                    // Attribute values are normalized when read: white space other than a space survives only as a reference.
                    case '\t': _xml.Append("&#x9;"); break;
                    case '\n': _xml.Append("&#xA;"); break;
                    case '\r': _xml.Append("&#xD;"); break;
                    default: i = AppendCharacter(value, i); break;
                }
            }

            _xml.Append('"');
        }
    }

    // Appends the character at i (a surrogate pair whole), or U+FFFD for one XML 1.0 cannot hold; returns the index of its last UTF-16 unit.
    private int AppendCharacter(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            _xml.Append(c).Append(text[i + 1]);
            return i + 1;
        }

        if (XmlConvert.IsXmlChar(c))
        {
            _xml.Append(c);
        }
        else
        {
            _xml.Append('\uFFFD');
            Replaced++;
        }

        return i;
    }

    private bool EndsWithBrackets() => _xml.Length >= 2 && _xml[^1] == ']' && _xml[^2] == ']';
}
