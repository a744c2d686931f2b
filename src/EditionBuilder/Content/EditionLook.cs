using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>Checks what edition.yml says of the edition's look: the logo (an image inside the content folder that passes <see cref="ImageRule"/>, at most 1 MiB) and the colours (theme colour names with #rgb or #rrggbb values).</summary>
public static partial class EditionLook
{
    /// <summary>The colours of the default theme a publisher may change (edition.css's custom properties).</summary>
    public static readonly string[] ColourNames = ["accent", "muted", "paper", "rule", "text"];

    private const int MaxLogoBytes = 1024 * 1024;

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();

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
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, editionPath, 0, 0,
                $"logo: '{edition.Logo}' is not a file inside the content folder; {WhereALogoMayLive}");
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > MaxLogoBytes)
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, path, 0, 0, $"the logo is {bytes.Length / 1024} KiB; at most {MaxLogoBytes / 1024} KiB, for readers on slow networks");
            return null;
        }

        // The rule every published image passes (its name and bytes agree; an SVG written out again from the allow-list).
        var verdict = ImageRule.Check(bytes, path);
        if (verdict.Bytes is not { } published)
        {
            diagnostics.Error(DiagnosticCodes.EditionLookInvalid, path, verdict.Line, verdict.Column, $"the logo cannot be used: {verdict.Problem}");
            return null;
        }

        return new EditionImage("." + verdict.Format, published);
    }

    /// <summary>Where a logo may be kept, for the messages that refuse one.</summary>
    public const string WhereALogoMayLive =
        "put the image (PNG, JPEG, GIF, WebP or SVG) in the content folder, for example in a folder of its own such as media/ or assets/ (logo: media/logo.svg), and give its path relative to edition.yml";

    private static bool IsInside(string realRoot, string path) =>
        NativeFiles.TryRealPath(path) is { } real && real.StartsWith(realRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
