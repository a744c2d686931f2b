using System.Xml.Linq;

namespace EditionBuilder.Import.Docx;

/// <summary>The XML namespaces and names of WordprocessingML that the reader looks at.</summary>
internal static class WordNames
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public static readonly XNamespace V = "urn:schemas-microsoft-com:vml";
    public static readonly XNamespace M = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public static XName Wn(string local) => W + local;

    /// <summary>The w:val of a child element (w:pStyle w:val="Heading1"), or null.</summary>
    public static string? Val(XElement? parent, string child) => parent?.Element(W + child)?.Attribute(W + "val")?.Value;

    /// <summary>A w: attribute of an element, or null.</summary>
    public static string? Attr(XElement? element, string name) => element?.Attribute(W + name)?.Value;

    /// <summary>An on/off property (w:b, w:bidi…): null when absent; true unless its w:val says false, 0 or off.</summary>
    public static bool? OnOff(XElement? parent, string child) => IsOn(parent?.Element(W + child));

    /// <summary>The value of an on/off element itself: null when absent.</summary>
    public static bool? IsOn(XElement? element)
    {
        if (element is null) return null;
        var value = element.Attribute(W + "val")?.Value;
        return value is null || !(value is "0" or "false" or "off");
    }

    /// <summary>An integer attribute, or null when absent or not a number.</summary>
    public static int? Int(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
