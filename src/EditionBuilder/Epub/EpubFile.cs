namespace EditionBuilder.Epub;

/// <summary>One file of the book's publication folder: its href from the package document, manifest id, media type and bytes, its manifest properties (nav) and whether the spine reads it.</summary>
public sealed record EpubFile(string Href, string Id, string MediaType, byte[] Bytes, string Properties = "", bool InSpine = false)
{
    /// <summary>The media type of a resource by its extension; null for a kind the book does not carry.</summary>
    public static string? MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xhtml" => "application/xhtml+xml",
        ".css" => "text/css",
        ".woff2" => "font/woff2",
        ".woff" => "font/woff",
        ".ttf" => "font/ttf",
        ".otf" => "font/otf",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".svg" => "image/svg+xml",
        ".txt" => "text/plain",
        _ => null,
    };
}
