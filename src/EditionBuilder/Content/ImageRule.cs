using System.Buffers.Binary;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>An image as the edition publishes it (its format's extension and its bytes, an SVG written out again by <see cref="SvgPolicy"/>), or why it is refused: the code, the message and, for an SVG, the line and column.</summary>
public sealed record ImageVerdict(string? Format, byte[]? Bytes, string? Code, string? Problem, int Line = 0, int Column = 0)
{
    /// <summary>Whether the image may be published.</summary>
    public bool Published => Bytes is not null;
}

/// <summary>
/// The one rule every image of the edition passes (a chapter's media, an image of a Word document, the EPUB's, the logo): its
/// bytes are PNG, JPEG, GIF, WebP or SVG; its file name, when it has one, says the same format (so no file is served as one type
/// and read as another: a GIF named evil.js, an HTML page named .png); at most <see cref="ImageCheck.MaxBytes"/> and
/// <see cref="MaxPixels"/> as its header declares; an SVG passes <see cref="SvgPolicy"/>.
/// </summary>
public static class ImageRule
{
    /// <summary>The most pixels an image may declare (50 megapixels): a browser or e-reader decodes every one of them into memory.</summary>
    public const long MaxPixels = 50_000_000;

    /// <summary>The formats by the file name extensions that may carry them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "png", [".jpg"] = "jpg", [".jpeg"] = "jpg", [".gif"] = "gif", [".webp"] = "webp", [".svg"] = "svg",
    };

    /// <summary>Checks an image; <paramref name="fileName"/> (when the image has a name of its own) must have the extension of the format its bytes are.</summary>
    public static ImageVerdict Check(byte[] bytes, string? fileName)
    {
        if (bytes.LongLength > ImageCheck.MaxBytes)
        {
            return new(null, null, DiagnosticCodes.ImageTooLarge, $"the image is larger than {ImageCheck.MaxBytes / (1024 * 1024)} MiB; make it smaller");
        }

        var format = ImageCheck.WebExtension(bytes);
        var named = fileName is null ? null : Extensions.GetValueOrDefault(Path.GetExtension(fileName));
        if (fileName is not null && named is null)
        {
            return new(null, null, DiagnosticCodes.MediaNotAnImage,
                $"a media folder holds only images named .png, .jpg, .jpeg, .gif, .webp or .svg; '{Path.GetFileName(fileName)}' is not one, so it is not published: remove it");
        }

        if (format is null)
        {
            return new(null, null, DiagnosticCodes.MediaNotAnImage,
                $"media/ holds only images a browser shows (PNG, JPEG, GIF, WebP, SVG); this file is {ImageCheck.OtherFormat(bytes) ?? "none of them"}");
        }

        if (named is not null && named != format)
        {
            return new(null, null, DiagnosticCodes.MediaNotAnImage,
                $"the file is named .{Path.GetExtension(fileName)!.TrimStart('.').ToLowerInvariant()} but its bytes are {Name(format)}; a file must be what its name says (rename it .{format}, or save it again as {Name(named)})");
        }

        if (format == "svg")
        {
            var (svg, refusal) = SvgPolicy.Clean(bytes);
            return refusal is null
                ? new(format, svg, null, null)
                : new(null, null, DiagnosticCodes.ImageUnsafe, $"this SVG cannot be published safely: {refusal.Problem}", refusal.Line, refusal.Column);
        }

        if (Dimensions(bytes, format) is not { } size)
        {
            return new(null, null, DiagnosticCodes.MediaNotAnImage, $"the {Name(format)} image is damaged or cut short: its size cannot be read from its header; save it again");
        }

        if ((long)size.Width * size.Height > MaxPixels)
        {
            return new(null, null, DiagnosticCodes.ImageTooManyPixels,
                $"the image declares {size.Width} × {size.Height} pixels ({(long)size.Width * size.Height / 1_000_000.0:0.#} megapixels); at most {MaxPixels / 1_000_000} megapixels are published, since readers' devices decode every pixel: scale it down");
        }

        return new(format, bytes, null, null);
    }

    /// <summary>The width and height a raster image's header declares; null when the header is cut short or has no size.</summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> bytes, string format)
    {
        switch (format)
        {
            case "png" when bytes.Length >= 24 && bytes[12..16].SequenceEqual("IHDR"u8):
                return ((int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]), int.MaxValue), (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]), int.MaxValue));
            case "gif" when bytes.Length >= 10:
                return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
            case "webp":
                return WebpDimensions(bytes);
            case "jpg":
                return JpegDimensions(bytes);
            default:
                return null;
        }
    }

    private static (int Width, int Height)? WebpDimensions(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30) return null;
        var chunk = bytes[12..16];
        if (chunk.SequenceEqual("VP8X"u8)) return (1 + (bytes[24] | bytes[25] << 8 | bytes[26] << 16), 1 + (bytes[27] | bytes[28] << 8 | bytes[29] << 16));
        if (chunk.SequenceEqual("VP8L"u8) && bytes[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8 "u8)) return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]) & 0x3FFF);
        return null;
    }

    // The first start-of-frame segment's size; segments are walked by their lengths, never past the end.
    private static (int Width, int Height)? JpegDimensions(ReadOnlySpan<byte> bytes)
    {
        var at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF) return null;
            var marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 2)..]);
            if (length < 2) return null;
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return at + 9 <= bytes.Length ? (BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 5)..])) : null;
            }

            if (marker is 0xD9 or 0xDA) return null; // the image data began with no frame header
            at += 2 + length;
        }

        return null;
    }

    private static string Name(string format) => format switch
    {
        "jpg" => "JPEG", "webp" => "WebP", _ => format.ToUpperInvariant(),
    };
}
