using System.Diagnostics;
using System.Globalization;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Epub;
using EditionBuilder.Import;
using EditionBuilder.Output;
using EditionBuilder.Parse;
using EditionBuilder.Pipeline;
using EditionBuilder.Site;
using EditionBuilder.Themes;

namespace EditionBuilder.Benchmarks;

/// <summary>What the EPUB costs on a whole edition, in one process: the writer alone over every parsed article (one thread, then in parallel as the build runs it), and the whole build with and without it, alternating, as a clean build into a sink that only counts (no disk, no cache, no .gz/.br).</summary>
public static class EpubScale
{
    public static void Run(string contentFolder, int runs)
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.Read(contentFolder, diagnostics) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        var theme = Theme.Load(Path.Combine(Seed.Root, "templates"), diagnostics) ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        var parser = new ArticleParser();
        var parsed = content.Articles.Select(a => parser.Parse(a, diagnostics)!).ToList();
        var writer = EpubWriter.Create(theme, content.Edition, parser.Pipeline, null, diagnostics)!;
        Console.WriteLine($"{content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters; {Environment.ProcessorCount} cores; load average {LoadAverage()}");

        // Warm-up: one of each, not counted.
        writer.Write(parsed[0], diagnostics);
        Build(content, theme, epub: true);
        Build(content, theme, epub: false);

        var alone = new List<double>();
        var aloneParallel = new List<double>();
        var with = new List<double>();
        var without = new List<double>();
        var aloneCpu = new List<double>();
        var withCpu = new List<double>();
        var withoutCpu = new List<double>();
        long bytes = 0;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Cpu();
            var clock = Stopwatch.StartNew();
            bytes = parsed.Sum(p => (long)writer.Write(p, diagnostics)!.Bytes.Length);
            alone.Add(clock.Elapsed.TotalSeconds);
            aloneCpu.Add(Cpu() - cpu);
            clock.Restart();
            Parallel.ForEach(parsed, p => writer.Write(p, diagnostics));
            aloneParallel.Add(clock.Elapsed.TotalSeconds);
            cpu = Cpu();
            with.Add(Build(content, theme, epub: true));
            withCpu.Add(Cpu() - cpu);
            cpu = Cpu();
            without.Add(Build(content, theme, epub: false));
            withoutCpu.Add(Cpu() - cpu);
        }

        var (a, ap, w, wo) = (Median(alone), Median(aloneParallel), Median(with), Median(without));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"books: {parsed.Count}, {bytes / 1024} KiB in all, {bytes / 1024 / parsed.Count} KiB each"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EPUB writer alone, one thread: {a:0.000} s ({a * 1000 / parsed.Count:0.0} ms a book); in parallel: {ap:0.000} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole build with the EPUB: {w:0.000} s; without (--no-epub): {wo:0.000} s; ratio {w / wo:0.00}; the EPUB is {(w - wo) / w:P0} of the build"));
        // Processor time counts the work whatever else the machine runs: the steadier figure on a loaded machine.
        var (ac, wc, woc) = (Median(aloneCpu), Median(withCpu), Median(withoutCpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"processor time: EPUB writer {ac:0.00} s ({ac * 1000 / parsed.Count:0.0} ms a book); build with {wc:0.00} s, without {woc:0.00} s; ratio {wc / woc:0.00}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"medians of {runs} runs; load average after: {LoadAverage()}"));
        if (diagnostics.HasErrors) throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
    }

    private static double Build(EditionContent content, Theme theme, bool epub)
    {
        var clock = Stopwatch.StartNew();
        var report = new SiteBuild(theme, (epub ? BuildOptions.Uncompressed : BuildOptions.Uncompressed.Without("epub"))).Run(content, new CountingSink(), new DiagnosticBag());
        if (!report.Succeeded) throw new InvalidOperationException("the build failed");
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    /// <summary>A sink that keeps nothing, so the build's own work is measured, not memory or disk.</summary>
    private sealed class CountingSink : ISiteSink
    {
        private long _bytes;

        public void Write(SiteFile file, string? sha256 = null) => Interlocked.Add(ref _bytes, file.Bytes.Length);
    }
}
