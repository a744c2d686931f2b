using System.Diagnostics;
using EditionBuilder.Writers;

namespace EditionBuilder.Pipeline;

/// <summary>What one article writer made in a build: files, bytes, articles and time, counted from every article's thread.</summary>
internal sealed class WriterTally
{
    private long _ticks, _bytes;
    private int _files, _articles;

    public int Files => _files;

    public TimeSpan Time => TimeSpan.FromTicks(_ticks);

    /// <summary>Runs the writer for one article and counts what it made; null when it reported an error.</summary>
    public ArticleOutput? Write(Func<ArticleOutput?> write)
    {
        var clock = Stopwatch.StartNew();
        var output = write();
        Interlocked.Add(ref _ticks, clock.Elapsed.Ticks);
        if (output is null) return null;
        Interlocked.Increment(ref _articles);
        Interlocked.Add(ref _files, output.Files.Count);
        Interlocked.Add(ref _bytes, output.Files.Sum(f => (long)f.Bytes.Length));
        return output;
    }

    /// <summary>The stage line: "3 file(s) written (312 KiB), 197 unchanged" (articles unchanged, whose files came from the cache).</summary>
    public string Summary(int articles) => $"{Files} file(s) written ({_bytes / 1024} KiB), {articles - _articles} unchanged";
}
