using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using EditionBuilder.Output;

namespace EditionBuilder.Benchmarks;

/// <summary>What each brotli quality and gzip level costs and saves on a built site's text files (the files <see cref="Precompressor"/> copies), as the build calls the encoders: one thread, in process.</summary>
public static class CompressionLevels
{
    private sealed record Candidate(string Name, Func<byte[], int> Compress);

    private static readonly Candidate[] Candidates =
    [
        new("brotli 4", b => Brotli(b, 4)),
        new("brotli 5", b => Brotli(b, 5)),
        new("brotli 6", b => Brotli(b, 6)),
        new("brotli 7", b => Brotli(b, 7)),
        new("brotli 9", b => Brotli(b, 9)),
        new("brotli 11", b => Brotli(b, 11)),
        new("gzip Fastest", b => Gzip(b, CompressionLevel.Fastest)),
        new("gzip Optimal", b => Gzip(b, CompressionLevel.Optimal)),
        new("gzip SmallestSize", b => Gzip(b, CompressionLevel.SmallestSize)),
    ];

    // The files a reader opens one by one (pages, CSS, scripts) against the large ones fetched rarely (full text, JATS), split where Precompressor splits them.
    private const int ReadingPage = 64 * 1024;

    public static void Run(string siteFolder, int rounds)
    {
        var files = Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories)
            .Where(Precompressor.IsCompressible).Order(StringComparer.Ordinal)
            .Select(f => (Path: Path.GetRelativePath(siteFolder, f), Bytes: File.ReadAllBytes(f))).ToList();
        var small = files.Where(f => f.Bytes.Length <= ReadingPage).ToList();
        var large = files.Where(f => f.Bytes.Length > ReadingPage).ToList();
        Console.WriteLine($"{files.Count} files ({small.Count} up to 64 KiB: {small.Sum(f => f.Bytes.Length):N0} bytes; {large.Count} above: {large.Sum(f => f.Bytes.Length):N0} bytes); {rounds} rounds; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| level | bytes, files ≤ 64 KiB | bytes, larger files | ms, ≤ 64 KiB (fastest round) | ms, larger |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var candidate in Candidates) files.ForEach(f => candidate.Compress(f.Bytes));
        foreach (var candidate in Candidates)
        {
            var (smallBytes, smallMs) = Measure(candidate, small, rounds);
            var (largeBytes, largeMs) = Measure(candidate, large, rounds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {candidate.Name} | {smallBytes:N0} | {largeBytes:N0} | {smallMs:F1} | {largeMs:F1} |"));
        }
    }

    // The fastest round's wall time on one thread: on a shared machine the other rounds measure the neighbours' load (the process's CPU time
    // counts the JIT's and the GC's threads as well).
    private static (long Bytes, double Milliseconds) Measure(Candidate candidate, List<(string Path, byte[] Bytes)> files, int rounds)
    {
        long bytes = 0;
        var fastest = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            bytes = files.Sum(f => (long)candidate.Compress(f.Bytes));
            fastest = Math.Min(fastest, clock.Elapsed.TotalMilliseconds);
        }

        return (bytes, fastest);
    }

    private static int Brotli(byte[] bytes, int quality)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
        if (!BrotliEncoder.TryCompress(bytes, buffer, out var written, quality, window: 22)) throw new InvalidOperationException("brotli failed");
        return written;
    }

    private static int Gzip(byte[] bytes, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true)) gzip.Write(bytes);
        return (int)output.Length;
    }
}
