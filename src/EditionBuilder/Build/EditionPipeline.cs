using System.Diagnostics;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Minify;
using EditionBuilder.Render;
using EditionBuilder.Verify;

namespace EditionBuilder.Build;

/// <summary>Render, minify, verify: the stages between Markdown chapters and a finished site, in memory.</summary>
public static class EditionPipeline
{
    /// <summary>A stage's name, what it counted and how long it took, for the progress output.</summary>
    public sealed record StageReport(string Stage, string Counts, TimeSpan Elapsed);

    /// <summary>Builds the site's files; null when any stage reported an error.</summary>
    public static IReadOnlyList<SiteFile>? Run(EditionContent content, TemplateSet templates, DiagnosticBag diagnostics, Action<StageReport>? progress = null, bool precompress = true, Precompressor.Level level = Precompressor.Level.Best)
    {
        var clock = Stopwatch.StartNew();
        var rendered = new SiteRenderer(templates).Render(content, diagnostics);
        if (rendered is null) return null;
        var pages = rendered.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
        progress?.Invoke(new StageReport("render", $"{content.Articles.Count} article(s), {content.Articles.Sum(a => a.Chapters.Count)} chapters, {pages} pages", clock.Elapsed));

        clock.Restart();
        var minified = SiteMinifier.Minify(rendered, diagnostics);
        if (diagnostics.HasErrors) return null;
        var before = rendered.Sum(f => (long)f.Bytes.Length);
        var after = minified.Sum(f => (long)f.Bytes.Length);
        progress?.Invoke(new StageReport("minify", $"{before / 1024} KiB -> {after / 1024} KiB", clock.Elapsed));

        clock.Restart();
        var report = SiteVerifier.Verify(minified, diagnostics);
        if (diagnostics.HasErrors) return null;
        progress?.Invoke(new StageReport("verify", $"{report.Pages} pages, {report.Links} links, {report.NoteReferences} note references", clock.Elapsed));
        if (!precompress) return minified;

        clock.Restart();
        var withCompressed = Precompressor.AddCompressedCopies(minified, level);
        progress?.Invoke(new StageReport("compress", $"{(withCompressed.Count - minified.Count) / 2} files as .gz and .br", clock.Elapsed));
        return withCompressed;
    }
}
