using System.CommandLine;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Output;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Writers;

namespace EditionBuilder.Cli.Commands;

/// <summary><c>edition build [&lt;content-dir&gt; | &lt;source.txt|.docx&gt;] [-o &lt;dir&gt;]</c>: import if needed, render, minify, verify, then swap the site in.</summary>
internal static class BuildCommand
{
    public static Command Create(Reporter reporter)
    {
        var input = CommandParts.Path("content", "A content folder, or a lone Word document (.docx) or text export (.txt) (default: content).", optional: true);
        var output = CommandParts.Output("The site folder (default: artifacts/site); it is replaced only when the whole build succeeded.");
        var theme = CommandParts.Theme();
        var precompress = new Option<string>("--precompress")
        {
            Description = "Precompressed .gz/.br copies: fast (brotli 6, gzip at its usual level; the default), best (brotli 11 for pages up to 64 KiB, 7 above: 12-13% smaller, about four times the CPU) or none.",
            DefaultValueFactory = _ => "fast",
        };
        precompress.AcceptOnlyFromAmong("fast", "best", "none");
        var shards = new Option<int>("--search-shards")
        {
            Description = $"With --search-engine pagefind: split the search index into at most this many shards, 1 to {SearchShards.Most} (default 1: one index, the lightest first query for readers; 3: editing the newest article re-indexes it alone). docs/search.md",
            HelpName = "n",
            DefaultValueFactory = _ => SearchShards.Published,
        };
        shards.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > SearchShards.Most) result.AddError($"--search-shards takes 1 to {SearchShards.Most}");
        });
        var cache = new Option<string?>("--cache") { Description = "The incremental cache folder (default: artifacts/.cache).", HelpName = "dir" };
        var noCache = new Option<bool>("--no-cache") { Description = "Build everything again, without the cache." };
        var force = CommandParts.Force("Replace a non-empty output folder that edition build did not write (it holds no .edition-site).");
        var encoding = CommandParts.Encoding();
        var search = CommandParts.Search();
        var command = new Command("build", "Import if needed, render, minify, verify, index for search and precompress the edition into a site folder.") { input, output, theme, precompress, shards, cache, noCache, force };
        // One --no-<name> per registered writer (--no-epub, --no-jats…).
        var writers = WriterRegistry.Default.Options.Select(w => (w.Name, Option: new Option<bool>($"--no-{w.Name}") { Description = $"Write no {w.Description} (the landing page then offers none)." })).ToList();
        foreach (var (_, option) in writers) command.Add(option);
        command.Add(encoding);
        foreach (var option in search.All) command.Add(option);
        command.SetAction(parsed =>
        {
            search.Check(parsed, shards);
            return Run(
                new Request(parsed.GetValue(input) ?? "content", parsed.GetValue(output) ?? Path.Combine("artifacts", "site"), parsed.GetValue(theme),
                    parsed.GetValue(precompress)!, parsed.GetValue(shards), parsed.GetValue(noCache) ? null : parsed.GetValue(cache) ?? Path.Combine("artifacts", ".cache"), parsed.GetValue(force),
                    writers.Where(w => parsed.GetValue(w.Option)).Select(w => w.Name).ToHashSet(StringComparer.Ordinal), CommandParts.EncodingNamed(parsed.GetValue(encoding))),
                diagnostics => search.Resolve(parsed, parsed.GetValue(input) ?? "content", diagnostics),
                reporter);
        });
        return command;
    }

    /// <summary>What to build, and where.</summary>
    private sealed record Request(string Input, string Output, string? Theme, string Precompress, int SearchShards, string? Cache, bool Force, IReadOnlySet<string> WritersLeftOut, System.Text.Encoding? Encoding);

    private static int Run(Request request, Func<DiagnosticBag, SiteSearch?> findSearch, Reporter reporter)
    {
        if (!Directory.Exists(request.Input) && !File.Exists(request.Input)) throw new UsageException($"{request.Input}: no such content folder or source file");
        if (request.Theme is not null && !Directory.Exists(request.Theme)) throw new UsageException($"{request.Theme}: no such theme folder");
        var options = new BuildOptions
        {
            Compression = request.Precompress switch { "none" => null, "best" => Precompressor.Level.Best, _ => Precompressor.Level.Fast },
            WritersLeftOut = request.WritersLeftOut,
            SearchShardCount = request.SearchShards,
            SourceDateEpoch = long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var epoch) ? epoch : null,
        };

        var diagnostics = new DiagnosticBag();
        var built = FolderBuild.Run(
            new FolderBuildRequest(request.Input, request.Output, options, request.Theme, request.Cache, request.Force, request.Encoding, findSearch), diagnostics,
            stage => reporter.Line($"{stage.Stage,-7} {stage.Counts} ({(int)stage.Elapsed.TotalMilliseconds} ms{(stage.AcrossThreads ? " across threads" : string.Empty)})"),
            repaired => reporter.Line($"clean   {repaired}"));
        if (!built.Succeeded) return Fail(reporter, diagnostics);
        reporter.Print(diagnostics);
        reporter.Line($"wrote   {built.Files} files to {request.Output} ({built.Linked} unchanged) in {(long)built.Elapsed.TotalMilliseconds} ms; open {Path.Combine(request.Output, "index.html")}");
        return ExitCodes.Success;
    }

    private static int Fail(Reporter reporter, DiagnosticBag diagnostics)
    {
        reporter.Print(diagnostics);
        reporter.Errors.WriteLine("build failed; the previous site, if any, is untouched.");
        return ExitCodes.InputErrors;
    }
}
