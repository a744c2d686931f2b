using System.Security.Cryptography;
using System.Text;
using EditionBuilder.Content;

namespace EditionBuilder.Epub;

/// <summary>The book's unique identifier: a name-based UUID (RFC 4122, version 5) of what names the article: the edition's address or name, the article's folder, its Arabic title and authors.</summary>
/// <remarks>Not of its text: e-readers file highlights and reading positions under the identifier, so a corrected typo must keep it, while the same inputs always give the same one (no random or clock-based UUID).</remarks>
public static class EpubIdentifier
{
    // EditionBuilder's own namespace for version-5 UUIDs (a fixed random UUID).
    private static readonly Guid Namespace = new("8c1f54e2-6b0a-4d8e-9a57-2f3d1c7e4b90");

    public static string For(string slug, ArticleMetadata metadata, EditionMetadata edition)
    {
        var editionKey = edition.BaseUrl.Trim().Length > 0 ? edition.BaseUrl.Trim() : edition.NameIn("ar");
        var name = string.Join('\n', [editionKey, slug, metadata.TitleIn("ar"), .. metadata.Authors.Select(a => a.NameIn("ar").Trim())]);
        return "urn:uuid:" + NameBased(Namespace, name);
    }

    /// <summary>A version-5 UUID: the SHA-1 of the namespace and the name, with the version and variant bits set.</summary>
    public static string NameBased(Guid nameSpace, string name)
    {
        var bytes = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        nameSpace.TryWriteBytes(bytes, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, bytes.AsSpan(16));
        var hash = SHA1.HashData(bytes);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}
