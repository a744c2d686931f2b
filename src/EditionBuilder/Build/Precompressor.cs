using System.IO.Compression;
using EditionBuilder.Render;

namespace EditionBuilder.Build;

/// <summary>Adds .gz and .br copies beside each HTML, CSS, JS, SVG, XML and text file, for servers with gzip_static / brotli_static.</summary>
public static class Precompressor
{
    private static readonly string[] Compressible = [".html", ".css", ".js", ".svg", ".xml", ".txt"];

    public static IReadOnlyList<SiteFile> AddCompressedCopies(IReadOnlyList<SiteFile> files)
    {
        var sources = files.Where(f => Compressible.Contains(Path.GetExtension(f.Path))).ToList();
        var compressed = new SiteFile[sources.Count * 2];
        Parallel.For(0, sources.Count, i =>
        {
            compressed[2 * i] = new SiteFile(sources[i].Path + ".gz", Gzip(sources[i].Bytes));
            compressed[(2 * i) + 1] = new SiteFile(sources[i].Path + ".br", Brotli(sources[i].Bytes));
        });
        return files.Concat(compressed).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    // GZipStream writes no file name and a zero time, so the bytes depend on the input alone.
    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    public static byte[] Brotli(byte[] bytes)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, quality: 11, window: 22))
        {
            throw new InvalidOperationException("brotli compression failed");
        }

        return buffer[..written];
    }
}
