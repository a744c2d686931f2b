using System.IO.Compression;

namespace EditionBuilder.Output;

/// <summary>Adds .gz and .br copies beside each HTML, CSS, JS, SVG, XML and text file, for servers with gzip_static / brotli_static.</summary>
public static class Precompressor
{
    private static readonly string[] Compressible = [".html", ".css", ".js", ".svg", ".xml", ".txt"];

    /// <summary>How hard to compress: Fast (brotli 6 and gzip's usual level, the default: about what a CDN serves, at a quarter of the CPU) or Best (brotli 11 for pages: 12–13% fewer bytes for readers on slow networks).</summary>
    public enum Level
    {
        Fast,
        Best,
    }

    /// <summary>Whether a file gets .gz and .br copies: text formats only (fonts and images are compressed already).</summary>
    public static bool IsCompressible(string path) => Compressible.Contains(Path.GetExtension(path));

    // GZipStream writes no file name and a zero time, so the bytes depend on the input alone.
    public static byte[] Gzip(byte[] bytes, Level level)
    {
        using var output = new MemoryStream();
        var compression = level == Level.Best && bytes.Length <= LargeFile ? CompressionLevel.SmallestSize : CompressionLevel.Optimal;
        using (var gzip = new GZipStream(output, compression, leaveOpen: true)) gzip.Write(bytes);
        return output.ToArray();
    }

    // Past 1 MiB gzip's smallest size costs seconds for a few percent.
    private const int LargeFile = 1024 * 1024;

    // Quality 11 is worth it for the pages a reader opens one by one on a slow network: 10–12% smaller than 9 or 5. Larger
    // files (an article's full text, its JATS file) are fetched rarely and cost 0.2 s each at 11 against 0.04 s at 7 for 13%
    // more bytes: at 11 they were most of a clean journal build (docs/performance.md, "What brotli 11 buys").
    private const int ReadingPage = 64 * 1024;

    // Quality 6 is the last before the cost jumps (7 takes ten times as long on a full text) and 1.6% smaller than 5 for 12% more
    // time; gzip's smallest size is 1% smaller than its usual level for two to three times the time (docs/performance.md).
    private const int FastQuality = 6;

    /// <summary>What a level makes, named in the build cache's key so copies made under another rule (an older quality) are made again.</summary>
    /// <remarks>Best's words are those its caches were keyed with since quality 7 above 64 KiB: its copies have not changed.</remarks>
    public static string Rule(Level level) => level == Level.Best
        ? "brotli 11 up to 64 KiB, 7 above"
        : $"brotli {FastQuality}; gzip optimal";

    private static int Quality(int length, Level level) =>
        level == Level.Fast ? FastQuality : length <= ReadingPage ? 11 : 7;

    public static byte[] Brotli(byte[] bytes, Level level)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, quality: Quality(bytes.Length, level), window: 22))
        {
            throw new InvalidOperationException("brotli compression failed");
        }

        return buffer[..written];
    }
}
