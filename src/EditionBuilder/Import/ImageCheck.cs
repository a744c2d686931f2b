using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EditionBuilder.Import;

/// <summary>What an image file is, by its bytes (never its name): the formats every browser shows (PNG, JPEG, GIF, WebP), a safe SVG, or something else.</summary>
public static class ImageCheck
{
    /// <summary>The largest image the edition takes, imported or put in a chapter's media folder by hand.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The file extension an image is written with: "png", "jpg", "gif", "webp", "svg"; null when the bytes are no image a browser shows.</summary>
    public static string? WebExtension(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return "png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "jpg";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return LooksLikeSvg(bytes) ? "svg" : null;
    }

    /// <summary>A name for formats browsers do not show (for the warning): "EMF", "WMF", "TIFF", "BMP"; null when unknown.</summary>
    public static string? OtherFormat(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 44 && bytes.StartsWith((ReadOnlySpan<byte>)[0x01, 0x00, 0x00, 0x00]) && bytes[40..44].SequenceEqual(" EMF"u8)) return "EMF";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD7, 0xCD, 0xC6, 0x9A]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x01, 0x00, 0x09, 0x00])) return "WMF";
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)) return "TIFF";
        if (bytes.StartsWith("BM"u8)) return "BMP";
        return null;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.Ordinal)
            || ((head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<!--", StringComparison.Ordinal)) && head.Contains("<svg", StringComparison.Ordinal));
    }

    /// <summary>Why an SVG cannot be shown (a script, an event handler, a foreign object, an external reference, a DTD); null when it is safe.</summary>
    public static string? SvgProblem(byte[] bytes)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? "it declares a DTD" : "it is not well-formed XML";
        }

        foreach (var element in document.Descendants())
        {
            var name = element.Name.LocalName.ToLowerInvariant();
            if (name is "script" or "foreignobject" or "iframe" or "embed" or "object") return $"it holds a <{element.Name.LocalName}> element";
            if (name == "style" && HasExternalUrl(element.Value)) return "its style sheet loads something from outside";
            foreach (var attribute in element.Attributes())
            {
                var local = attribute.Name.LocalName.ToLowerInvariant();
                if (local.StartsWith("on", StringComparison.Ordinal)) return $"it has an event handler ({attribute.Name.LocalName})";
                if (local is "href" or "src" && !IsLocal(attribute.Value)) return $"it refers to '{attribute.Value}' outside itself";
                if (HasExternalUrl(attribute.Value)) return "it refers to something outside itself";
            }
        }

        return null;
    }

    // Inside the SVG itself ("#id") or an embedded image (data:image/…); nothing that makes a request.
    private static bool IsLocal(string target)
    {
        var value = target.Trim();
        return value.StartsWith('#') || value.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("data:image/svg", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasExternalUrl(string text)
    {
        var at = 0;
        while ((at = text.IndexOf("url(", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            at += 4;
            var target = text[at..].TrimStart(' ', '\'', '"');
            if (!IsLocal(target)) return true;
        }

        return text.Contains("@import", StringComparison.OrdinalIgnoreCase);
    }
}
