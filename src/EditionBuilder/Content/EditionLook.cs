using System.Text;
using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>Checks what edition.yml says of the edition's look: the logo (an image inside the content folder, PNG, JPEG, WebP or a script-free SVG, at most 1 MiB) and the colours (theme colour names with #rgb or #rrggbb values).</summary>
public static partial class EditionLook
{
    /// <summary>The colours of the default theme a publisher may change (edition.css's custom properties).</summary>
    public static readonly string[] ColourNames = ["accent", "muted", "paper", "rule", "text"];

    private const int MaxLogoBytes = 1024 * 1024;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();

    // What would let an SVG run a script or fetch something when shown.
    [GeneratedRegex(@"<\s*script|<\s*foreignObject|\son[a-z]+\s*=|(?:href|src)\s*=\s*[""']\s*(?!#)[a-z][a-z0-9+.-]*:|@import|url\(\s*[""']?\s*(?!#)[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveSvg();

    /// <summary>Checks the look; returns the logo to publish, or null when there is none or it was refused (with an error).</summary>
    public static EditionImage? Check(string contentFolder, string realRoot, string editionPath, EditionMetadata edition, DiagnosticBag diagnostics)
    {
        foreach (var (name, value) in edition.Colours.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!ColourNames.Contains(name))
            {
                diagnostics.Error(DiagnosticCodes.EditionLookInvalid, editionPath, 0, 0, $"colours: '{name}' is not a colour of the theme; use {string.Join(", ", ColourNames)}");
            }
            else if (!HexColour().IsMatch(value ?? string.Empty))
            {
                diagnostics.Error(DiagnosticCodes.EditionLookInvalid, editionPath, 0, 0, $"colours: {name} is '{value}'; write a colour as #rgb or #rrggbb (e.g. #7a2e10)");
            }
        }

        if (string.IsNullOrWhiteSpace(edition.Logo)) return null;
        var path = Path.Combine(contentFolder, edition.Logo.Trim());
        if (SafeFiles.Classify(path, realRoot, diagnostics) != FileType.Regular || !IsInside(realRoot, path))
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, editionPath, 0, 0, $"logo: '{edition.Logo}' is not a file inside the content folder");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > MaxLogoBytes)
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, path, 0, 0, $"the logo is {bytes.Length / 1024} KiB; at most {MaxLogoBytes / 1024} KiB, for readers on slow networks");
            return null;
        }

        var extension = Sniff(bytes);
        if (extension is null)
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, path, 0, 0, "the logo must be a PNG, JPEG, WebP or SVG image");
            return null;
        }

        if (extension == ".svg" && ActiveSvg().IsMatch(Encoding.UTF8.GetString(bytes)))
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, path, 0, 0, "the SVG logo holds a script, an event handler, a foreign object or a reference outside itself; save it as plain SVG or PNG");
            return null;
        }

        return new EditionImage(extension, bytes);
    }

    /// <summary>The file name extension of an image by its first bytes, not its name; null when it is none of the allowed formats.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return ".png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return ".jpg";
        if (bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return ".webp";
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.Ordinal) || (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<svg", StringComparison.Ordinal)) ? ".svg" : null;
    }

    private static bool IsInside(string realRoot, string path) =>
        NativeFiles.TryRealPath(path) is { } real && real.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
