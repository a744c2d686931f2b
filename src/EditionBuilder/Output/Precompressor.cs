using System.IO.Compression;

namespace EditionBuilder.Output;

/// <summary>Adds .gz and .br copies beside each HTML, CSS, JS, SVG, XML and text file, for servers with gzip_static / brotli_static.</summary>
public static class Precompressor
{
    private static readonly string[] Compressible = [".html", ".css", ".js", ".svg", ".xml", ".txt"];

    /// <summary>How hard to compress: Best (brotli 11, the default: smallest pages for slow networks) or Fast (brotli 5, for large journals and previews).</summary>
    public enum Level
    {
        Best,
        Fast,
    }

    /// <summary>Whether a file gets .gz and .br copies: text formats only (fonts and images are compressed already).</summary>
    public static bool IsCompressible(string path) => Compressible.Contains(Path.GetExtension(path));

    // GZipStream writes no file name and a zero time, so the bytes depend on the input alone.
    public static byte[] Gzip(byte[] bytes, Level level = Level.Best)
    {
        using var output = new MemoryStream();
        var compression = level == Level.Best && bytes.Length <= LargeFile ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        using (var gzip = new GZipStream(output, compression, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    // Quality 11 is worth it for pages a reader fetches on a slow network; past 1 MiB it costs seconds for a few percent.
    private const int LargeFile = 1024 * 1024;

    private static int Quality(int length, Level level) =>
        level == Level.Fast ? 5 : length <= LargeFile ? 11 : length <= 8 * LargeFile ? 9 : 5;

    public static byte[] Brotli(byte[] bytes, Level level = Level.Best)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, quality: Quality(bytes.Length, level), window: 22))
        {
            throw new InvalidOperationException("brotli compression failed");
        }

        return buffer[..written];
    }
}
