using System.Security.Cryptography;

namespace EditionBuilder.Site;

/// <summary>The SHA-256 manifest of a set of files, as a BagIt bag lists its payload (RFC 8493 §2.1.3) and as a deploy names a release: one line "hash  path" per file, sorted by path.</summary>
public static class SiteManifest
{
    /// <summary>Lines "hash  path", sorted by path, as sha256sum -c reads them; a path's CR, LF and % percent-encoded (RFC 8493 §2.1.3).</summary>
    public static string Of(IEnumerable<SiteFile> files) =>
        string.Concat(files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(f.Bytes))}  {EncodePath(f.Path)}\n"));

    /// <summary>A file path as a manifest line holds it: CR, LF and % percent-encoded, and only those (RFC 8493 §2.1.3).</summary>
    public static string EncodePath(string path) =>
        path.AsSpan().IndexOfAny('%', '\r', '\n') < 0 ? path : path.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
