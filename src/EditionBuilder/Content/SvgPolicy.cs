using System.Text;
using System.Xml;

namespace EditionBuilder.Content;

/// <summary>What an SVG refused by <see cref="SvgPolicy"/> holds, and where (line and column in the SVG file, from 1; 0 when the file as a whole).</summary>
public sealed record SvgRefusal(string Problem, int Line, int Column);

/// <summary>
/// The one rule for every SVG the edition publishes (chapter media, images of a Word document, the EPUB, the logo): the file is
/// read as XML without a DTD, anything that could run a script or fetch from outside is refused at its line and column, and what
/// is published is the SVG written out again from an allow-list of elements and attributes, so no parser trick survives.
/// </summary>
public static class SvgPolicy
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Nesting deeper than this is refused: no drawing needs it, and it keeps the writer's stack small.</summary>
    public const int MaxDepth = 256;

    // Elements that run script, animate an attribute (href to javascript:), hold a style sheet or embed another document.
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "foreignObject", "animate", "animateMotion", "animateTransform", "animateColor", "set", "discard", "mpath",
        "handler", "listener", "iframe", "embed", "object", "audio", "video", "canvas", "font-face-uri", "cursor",
    };

    // The static drawing vocabulary of SVG 1.1 and 2.
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "desc", "title", "metadata", "symbol", "use", "switch", "a", "view",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "image",
        "marker", "pattern", "clipPath", "mask", "linearGradient", "radialGradient", "stop", "filter",
        "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap",
        "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge",
        "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    };

    // Geometry, presentation and accessibility attributes (no namespace); any other is left out of what is published.
    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "id", "class", "transform", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "d", "points", "pathLength",
        "viewBox", "preserveAspectRatio", "version", "baseProfile", "style", "href",
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray",
        "stroke-dashoffset", "stroke-opacity", "opacity", "color", "display", "visibility", "overflow", "clip-path", "clip-rule", "clipPathUnits",
        "mask", "maskUnits", "maskContentUnits", "filter", "filterUnits", "primitiveUnits", "marker-start", "marker-mid", "marker-end",
        "markerWidth", "markerHeight", "markerUnits", "refX", "refY", "orient", "patternUnits", "patternContentUnits", "patternTransform",
        "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr", "offset", "stop-color", "stop-opacity",
        "font-family", "font-size", "font-style", "font-weight", "font-variant", "font-stretch", "text-anchor", "dominant-baseline",
        "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing", "text-decoration", "writing-mode", "direction", "unicode-bidi",
        "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset", "method", "spacing", "side",
        "in", "in2", "result", "stdDeviation", "mode", "type", "values", "tableValues", "slope", "intercept", "amplitude", "exponent",
        "k1", "k2", "k3", "k4", "operator", "radius", "scale", "xChannelSelector", "yChannelSelector", "baseFrequency", "numOctaves", "seed",
        "stitchTiles", "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode", "kernelUnitLength", "preserveAlpha",
        "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "azimuth", "elevation", "pointsAtX", "pointsAtY", "pointsAtZ",
        "limitingConeAngle", "z", "flood-color", "flood-opacity", "lighting-color", "color-interpolation", "color-interpolation-filters",
        "shape-rendering", "text-rendering", "image-rendering", "vector-effect", "paint-order", "mix-blend-mode", "isolation",
        "requiredExtensions", "systemLanguage", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "lang",
    };

    // Attributes whose value is a name or prose, never read as CSS.
    private static readonly HashSet<string> NotCss = new(StringComparer.Ordinal)
    {
        "id", "class", "lang", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "systemLanguage", "requiredExtensions", "version", "baseProfile",
    };

    /// <summary>The SVG as it is published (UTF-8, written from the allow-list), or why it is refused.</summary>
    public static (byte[]? Svg, SvgRefusal? Refusal) Clean(byte[] bytes)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = false,
            MaxCharactersInDocument = bytes.LongLength * 2 + 1024,
        };
        using var output = new MemoryStream();
        var writerSettings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.Entitize };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var lines = (IXmlLineInfo)reader;
        try
        {
            using (var writer = XmlWriter.Create(output, writerSettings))
            {
                if (Copy(reader, lines, writer) is { } refusal) return (null, refusal);
            }

            return (output.ToArray(), null);
        }
        catch (XmlException e)
        {
            var problem = e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
                ? "it declares a DTD (<!DOCTYPE …>), which could define entities; remove that line"
                : $"it is not well-formed XML ({FirstSentence(e.Message)})";
            // A prohibited DTD is refused with no position of its own: the reader's is the doctype's.
            return (null, e.LineNumber > 0 ? new SvgRefusal(problem, e.LineNumber, e.LinePosition) : new SvgRefusal(problem, Math.Max(lines.LineNumber, 1), Math.Max(lines.LinePosition, 1)));
        }
    }

    // Streams the reader into the writer; the first refusal stops it. Elements outside SVG's namespace (an editor's metadata) are skipped whole.
    private static SvgRefusal? Copy(XmlReader reader, IXmlLineInfo lines, XmlWriter writer)
    {
        var sawRoot = false;
        var open = 0; // elements written and not yet closed: text outside the root is dropped
        var skipDepth = -1; // inside an element left out, the depth it stands at
        while (reader.Read())
        {
            SvgRefusal Refuse(string problem) => new(problem, lines.LineNumber, lines.LinePosition);
            if (skipDepth >= 0)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth) skipDepth = -1;
                else if (reader.NodeType == XmlNodeType.ProcessingInstruction) return Refuse($"it holds a processing instruction (<?{reader.Name} …?>), which can load a style sheet");
                continue;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.XmlDeclaration:
                    break;
                case XmlNodeType.ProcessingInstruction:
                    return Refuse($"it holds a processing instruction (<?{reader.Name} …?>), which can load a style sheet or a script");
                case XmlNodeType.DocumentType or XmlNodeType.EntityReference:
                    return Refuse("it declares a DTD or an entity");
                case XmlNodeType.Element:
                {
                    var name = reader.LocalName;
                    var ns = reader.NamespaceURI;
                    if (Refused.Contains(name)) return Refuse($"it holds a <{reader.Name}> element, which can run a script, change a link or load something");
                    if (reader.Depth >= MaxDepth) return Refuse($"its elements are nested more than {MaxDepth} deep");
                    var isSvg = ns == SvgNamespace || (ns.Length == 0 && (sawRoot || name == "svg"));
                    if (!sawRoot && !(isSvg && name == "svg")) return Refuse("its root element is not <svg>");
                    if (!isSvg)
                    {
                        // An editor's own markup (Inkscape's sodipodi:namedview, RDF metadata): it draws nothing.
                        if (!reader.IsEmptyElement) skipDepth = reader.Depth;
                        continue;
                    }

                    if (!Elements.Contains(name)) return Refuse($"it holds a <{reader.Name}> element, which is not among the drawing elements the edition publishes");
                    writer.WriteStartElement(name, SvgNamespace);
                    if (!sawRoot) writer.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
                    sawRoot = true;
                    if (CopyAttributes(reader, lines, writer) is { } refusal) return refusal;
                    if (reader.IsEmptyElement) writer.WriteEndElement();
                    else open++;
                    break;
                }

                case XmlNodeType.EndElement:
                    writer.WriteFullEndElement();
                    open--;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (open > 0) writer.WriteString(reader.Value);
                    break;
            }
        }

        return sawRoot ? null : new SvgRefusal("it has no <svg> element", 0, 0);
    }

    private static SvgRefusal? CopyAttributes(XmlReader reader, IXmlLineInfo lines, XmlWriter writer)
    {
        if (!reader.MoveToFirstAttribute()) return null;
        try
        {
            do
            {
                var name = reader.LocalName;
                var ns = reader.NamespaceURI;
                var value = reader.Value;
                SvgRefusal Refuse(string problem) => new(problem, lines.LineNumber, lines.LinePosition);
                if (ns == "http://www.w3.org/2000/xmlns/") continue;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && ns.Length == 0) return Refuse($"it has an event handler ({reader.Name}), which runs a script");
                if (name == "href" && ns is "" or XlinkNamespace)
                {
                    if (!IsInside(value)) return Refuse($"it refers to '{Shorten(value)}' outside itself; an SVG may only link within itself (#id) or embed a PNG, JPEG, GIF or WebP as data:");
                    writer.WriteAttributeString(reader.Prefix.Length > 0 && ns == XlinkNamespace ? "xlink" : null, name, ns.Length == 0 ? null : ns, value);
                    continue;
                }

                if (ns == XmlNamespace && name is "space" or "lang")
                {
                    writer.WriteAttributeString("xml", name, XmlNamespace, value);
                    continue;
                }

                if (ns == XlinkNamespace && name == "title")
                {
                    writer.WriteAttributeString("xlink", name, XlinkNamespace, value);
                    continue;
                }

                if (ns.Length != 0 || !Attributes.Contains(name)) continue; // an editor's attribute, or one that draws nothing
                if (!NotCss.Contains(name) && CssProblem(value) is { } problem) return Refuse($"its {name} attribute {problem}");
                writer.WriteAttributeString(name, value);
            }
            while (reader.MoveToNextAttribute());
        }
        finally
        {
            reader.MoveToElement();
        }

        return null;
    }

    // A target that makes no request: a fragment of the SVG itself, or an embedded raster image.
    private static bool IsInside(string target)
    {
        var value = new string(target.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
        return value.StartsWith('#')
            || value.StartsWith("data:image/png;base64,", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("data:image/jpeg;base64,", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("data:image/gif;base64,", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("data:image/webp;base64,", StringComparison.OrdinalIgnoreCase);
    }

    // Presentation attributes and style="" are CSS: url() may only name a fragment, and nothing may hide a function behind an escape.
    private static string? CssProblem(string value)
    {
        if (value.Contains('\\')) return "holds a backslash (a CSS escape can hide url() or a script)";
        if (value.Contains('@')) return "holds an @-rule (@import loads a style sheet)";
        foreach (var function in (string[])["image(", "image-set(", "src(", "expression(", "element("])
        {
            if (value.Contains(function, StringComparison.OrdinalIgnoreCase)) return $"uses {function}…), which can load something";
        }

        var at = 0;
        while ((at = value.IndexOf("url(", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += 4;
            var target = value[at..].TrimStart(' ', '\t', '\n', '\r', '\'', '"');
            if (!target.StartsWith('#')) return "loads something with url(); only url(#id), within the SVG, is published";
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
