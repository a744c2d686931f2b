using System.Diagnostics;
using EditionBuilder.Build;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Render;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition build [&lt;content-dir&gt; | &lt;source.txt&gt;] [-o &lt;dir&gt;]</c>: import if needed, render, minify, verify, then swap the site in.</summary>
internal static class BuildCommand
{
    public const string Usage = "edition build [<content-dir> | <source.txt>] [-o <site-dir>] [--templates <dir>] [--precompress best|fast|none] [--cache <dir> | --no-cache] [--encoding windows-1256|iso-8859-6|utf-16]";

    public static int Run(IReadOnlyList<string> args, Reporter reporter)
    {
        var line = CommandLine.Parse(args, ["-o", "--output", "--templates", "--precompress", "--cache", "--encoding"], ["--no-cache"]);
        var encoding = ImportCommand.EncodingOption(line.Option("--encoding"));
        var precompress = line.Option("--precompress") ?? "best";
        if (precompress is not ("best" or "fast" or "none")) throw new UsageException($"--precompress takes best, fast or none, not '{precompress}'");
        line.ExpectAtMost(1, Usage);
        var input = line.Positional(0) ?? "content";
        var output = line.Option("-o", "--output") ?? Path.Combine("artifacts", "site");
        if (!Directory.Exists(input) && !File.Exists(input)) throw new UsageException($"{input}: no such content folder or source file");

        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var content = Directory.Exists(input) ? ContentFolder.Read(input, diagnostics, deferText: true, encoding) : ContentFolder.ReadSource(input, diagnostics, encoding);
        if (content is null) return Fail(reporter, diagnostics);
        reporter.Line($"import  {input}: {content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters ({clock.ElapsedMilliseconds} ms)");

        var templates = TemplateSet.Load(TemplatesFolder(line.Option("--templates")), diagnostics);
        if (templates is null) return Fail(reporter, diagnostics);

        var cache = line.Flag("--no-cache") ? null : new BuildCache(CacheFolder(line.Option("--cache") ?? Path.Combine("artifacts", ".cache"), output));
        var options = new EditionPipeline.Options(precompress != "none", precompress == "fast" ? Precompressor.Level.Fast : Precompressor.Level.Best, cache);

        // Files go straight to a staging folder beside the output, swapped in only when the whole build succeeded.
        // Files the last good site already holds are linked from it, not written again; with the cache, the stamps the last
        // build left let unchanged files be linked without being read.
        var previous = Directory.Exists(output) ? output : null;
        var sink = new FolderSink(AtomicFolder.StagingFolder(output, "staging"), previous, previous is null ? null : cache?.LastOutput(), recordStamps: cache is not null);
        try
        {
            var built = EditionPipeline.Build(content, templates, sink, options, diagnostics,
                stage => reporter.Line($"{stage.Stage,-7} {stage.Counts} ({(int)stage.Elapsed.TotalMilliseconds} ms)"));
            if (!built)
            {
                AtomicFolder.TryDelete(sink.Root);
                return Fail(reporter, diagnostics);
            }

            reporter.Print(diagnostics);
            if (!Directory.Exists(sink.Root)) Directory.CreateDirectory(sink.Root);
            AtomicFolder.Swap(sink.Root, output);
            cache?.RememberOutput(sink.Stamps);
        }
        catch
        {
            AtomicFolder.TryDelete(sink.Root);
            throw;
        }

        reporter.Line($"wrote   {sink.Count} files to {output} ({sink.Linked} unchanged) in {clock.ElapsedMilliseconds} ms; open {Path.Combine(output, "index.html")}");
        return ExitCodes.Success;
    }

    /// <summary>--templates, else ./templates, else the default theme shipped beside the program.</summary>
    public static string TemplatesFolder(string? option)
    {
        if (option is not null) return option;
        return Directory.Exists("templates") ? "templates" : Path.Combine(AppContext.BaseDirectory, "templates");
    }

    // One cache per output folder, so two sites built side by side do not evict each other's entries.
    private static string CacheFolder(string root, string output) =>
        Path.Combine(root, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(output))))[..12]);

    private static int Fail(Reporter reporter, DiagnosticBag diagnostics)
    {
        reporter.Print(diagnostics);
        reporter.Errors.WriteLine("build failed; the previous site, if any, is untouched.");
        return ExitCodes.InputErrors;
    }
}
