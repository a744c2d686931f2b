using System.Text;

namespace EditionBuilder.Content;

/// <summary>What an image file is, by its bytes (never its name): the formats every browser shows (PNG, JPEG, GIF, WebP), an SVG (checked by <see cref="SvgPolicy"/>), or something else.</summary>
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
            || ((head.StartsWith("<?xml", StringComparison.Ordinal) || head.StartsWith("<!--", StringComparison.Ordinal) || head.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                && head.Contains("<svg", StringComparison.Ordinal));
    }
}
