using System.IO.Compression;
using System.Text;

namespace EditionBuilder.Epub;

/// <summary>The EPUB container (OCF): a zip whose first entry is <c>mimetype</c>, stored, with no extra field; then META-INF/container.xml and the publication folder, in the order given, every entry with the same fixed time, so the same book gives the same bytes.</summary>
public static class OcfArchive
{
    /// <summary>The folder of the publication inside the container.</summary>
    public const string PublicationFolder = "EPUB";

    public const string MediaType = "application/epub+zip";

    private const string Container = """
        <?xml version="1.0" encoding="UTF-8"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
          <rootfiles>
            <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
          </rootfiles>
        </container>

        """;

    /// <summary>Zips the package document and the book's files (hrefs relative to the publication folder) at the given entry time.</summary>
    public static byte[] Zip(string packageDocument, IReadOnlyList<BookFile> files, DateTimeOffset entryTime)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
        {
            Add(zip, "mimetype", Encoding.ASCII.GetBytes(MediaType), entryTime, compress: false);
            Add(zip, "META-INF/container.xml", Encoding.UTF8.GetBytes(Container.Replace("\r\n", "\n")), entryTime, compress: true);
            Add(zip, $"{PublicationFolder}/package.opf", Encoding.UTF8.GetBytes(packageDocument), entryTime, compress: true);
            foreach (var file in files)
            {
                // Fonts and images are compressed already: deflating them again costs time and saves nothing.
                Add(zip, $"{PublicationFolder}/{file.Href}", file.Bytes, entryTime, compress: !file.MediaType.StartsWith("font/", StringComparison.Ordinal) && !file.MediaType.StartsWith("image/", StringComparison.Ordinal) || file.MediaType == "image/svg+xml");
            }
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes, DateTimeOffset time, bool compress)
    {
        var entry = zip.CreateEntry(name, compress ? CompressionLevel.Optimal : CompressionLevel.NoCompression);
        entry.LastWriteTime = time;
        entry.ExternalAttributes = 0;
        using var entryStream = entry.Open();
        entryStream.Write(bytes);
    }
}
