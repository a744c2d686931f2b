using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace EditionBuilder.Tests.Support;

/// <summary>An EPUB opened for tests: its zip entries in order, its package document, and each XHTML document parsed as XML.</summary>
public sealed class Book
{
    public static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";
    public static readonly XNamespace Ops = "http://www.idpf.org/2007/ops";
    public static readonly XName EpubType = Ops + "type";

    private Book(byte[] bytes)
    {
        Bytes = bytes;
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Entries = zip.Entries.Select(e => e.FullName).ToList();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Files[entry.FullName] = copy.ToArray();
        }

        Package = XDocument.Parse(Text("EPUB/package.opf"));
    }

    public byte[] Bytes { get; }

    /// <summary>The zip's entry names, in the order they are stored.</summary>
    public List<string> Entries { get; }

    /// <summary>Every entry's bytes by name.</summary>
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public XDocument Package { get; }

    public static Book Open(byte[] bytes) => new(bytes);

    public string Text(string entry) => Encoding.UTF8.GetString(Files[entry]);

    /// <summary>A document of the publication folder, by href from the package document.</summary>
    public XDocument Document(string href) => XDocument.Parse(Text("EPUB/" + href));

    /// <summary>The manifest items as (id, href, media type, properties).</summary>
    public List<(string Id, string Href, string MediaType, string Properties)> Manifest =>
        Package.Root!.Element(Opf + "manifest")!.Elements(Opf + "item")
            .Select(i => ((string)i.Attribute("id")!, (string)i.Attribute("href")!, (string)i.Attribute("media-type")!, (string?)i.Attribute("properties") ?? string.Empty))
            .ToList();

    /// <summary>The hrefs the spine reads, in order.</summary>
    public List<string> Spine
    {
        get
        {
            var hrefs = Manifest.ToDictionary(i => i.Id, i => i.Href);
            return Package.Root!.Element(Opf + "spine")!.Elements(Opf + "itemref").Select(r => hrefs[(string)r.Attribute("idref")!]).ToList();
        }
    }

    /// <summary>The values of a Dublin Core element of the metadata.</summary>
    public List<string> Dublin(string name) => Package.Root!.Element(Opf + "metadata")!.Elements(Dc + name).Select(e => e.Value).ToList();

    /// <summary>The value of a meta property of the metadata (the first, unrefined).</summary>
    public string? Meta(string property) => Package.Root!.Element(Opf + "metadata")!.Elements(Opf + "meta")
        .FirstOrDefault(m => (string?)m.Attribute("property") == property && m.Attribute("refines") is null)?.Value;

    /// <summary>The chapter documents (chapters/…), in spine order.</summary>
    public List<string> Chapters => Spine.Where(h => h.StartsWith("chapters/", StringComparison.Ordinal)).ToList();

    /// <summary>Resolves an href found in a document at <paramref name="from"/> to (document href, fragment).</summary>
    public static (string Document, string Fragment) Resolve(string from, string href)
    {
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var fragment = hash < 0 ? string.Empty : href[(hash + 1)..];
        if (path.Length == 0) return (from, fragment);
        var folder = from.Contains('/') ? from[..from.LastIndexOf('/')] : string.Empty;
        var parts = (folder.Length == 0 ? [] : folder.Split('/')).ToList();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else if (part != ".") parts.Add(part);
        }

        return (string.Join('/', parts), fragment);
    }
}
