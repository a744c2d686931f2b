using System.Collections.Concurrent;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Render;

namespace EditionBuilder.Build;

/// <summary>The live preview's site in memory, rebuilt article by article: a change inside one article's folder renders that article again; a change to the templates, to edition.yml or to the set of articles renders everything. Pages are not minified: it is a preview.</summary>
public sealed class PreviewBuild(string contentFolder, string templatesFolder)
{
    private readonly string _content = Path.GetFullPath(contentFolder);
    private readonly string _templates = Path.GetFullPath(templatesFolder);
    private State? _state;

    /// <summary>What one rebuild did, for the progress line.</summary>
    public sealed record Report(bool Succeeded, int ArticlesRendered, int Articles, int Files);

    /// <summary>The last good site by path; empty before the first good build.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _state?.Files ?? new Dictionary<string, byte[]>();

    /// <summary>Rebuilds after the given paths changed (null: everything); a failed rebuild keeps the last good site.</summary>
    public Report Rebuild(IReadOnlyCollection<string>? changed, DiagnosticBag diagnostics)
    {
        var articleFolders = _state is null || changed is null ? null : ChangedArticles(_state, changed);
        var next = articleFolders is null ? Full(diagnostics) : Partial(_state!, articleFolders, diagnostics);
        if (next is null && articleFolders is not null && !diagnostics.HasErrors) next = Full(diagnostics); // a folder stopped being an article
        if (next is null || diagnostics.HasErrors) return new Report(false, 0, _state?.Articles.Count ?? 0, Files.Count);
        _state = next.Value.State;
        return new Report(true, next.Value.Rendered, _state.Articles.Count, _state.Files.Count);
    }

    /// <summary>One article as last rendered: its content and its files.</summary>
    private sealed record RenderedState(ArticleContent Content, ArticleSummary Summary, IReadOnlyList<SiteFile> Pages);

    private sealed record State(EditionMetadata Edition, TemplateSet Templates, SiteRenderer Renderer,
        IReadOnlyDictionary<string, RenderedState> Articles, IReadOnlyDictionary<string, byte[]> Files);

    // The article folders touched by the changes; null when only a full rebuild is right.
    private IReadOnlyCollection<string>? ChangedArticles(State state, IReadOnlyCollection<string> changed)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed.Select(Path.GetFullPath))
        {
            if (IsUnder(path, _templates)) return null;
            if (!IsUnder(path, _content)) continue;
            var relative = Path.GetRelativePath(_content, path).Replace('\\', '/');
            var slash = relative.IndexOf('/');
            if (slash < 0) return null; // edition.yml, or an article folder itself made, removed or renamed
            var folder = relative[..slash];
            if (folder.StartsWith('.')) continue;
            if (!state.Articles.ContainsKey(folder)) return null;
            folders.Add(folder);
        }

        return folders;
    }

    private static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || path == folder;

    private (State State, int Rendered)? Full(DiagnosticBag diagnostics)
    {
        var content = ContentFolder.Read(_content, diagnostics);
        var templates = content is null ? null : TemplateSet.Load(_templates, diagnostics);
        if (content is null || templates is null) return null;
        var renderer = new SiteRenderer(templates);
        var rendered = new RenderedArticle?[content.Articles.Count];
        Parallel.For(0, content.Articles.Count, i => rendered[i] = renderer.RenderArticle(content.Articles[i], content, diagnostics));
        if (diagnostics.HasErrors) return null;
        var articles = content.Articles.Select((a, i) => new RenderedState(a, rendered[i]!.Summary, rendered[i]!.Pages))
            .ToDictionary(a => a.Content.Slug, StringComparer.Ordinal);
        return Assemble(content.Edition, templates, renderer, articles, diagnostics) is { } state ? (state, articles.Count) : null;
    }

    private (State State, int Rendered)? Partial(State state, IReadOnlyCollection<string> folders, DiagnosticBag diagnostics)
    {
        var articles = new Dictionary<string, RenderedState>(state.Articles, StringComparer.Ordinal);
        var content = new EditionContent(state.Edition, Ordered(articles).Select(a => a.Content).ToList());
        var updated = new ConcurrentBag<RenderedState>();
        Parallel.ForEach(folders, folder =>
        {
            var article = ContentFolder.ReadArticleFolder(Path.Combine(_content, folder), diagnostics);
            if (article is null) return;
            if (state.Renderer.RenderArticle(article, content, diagnostics) is { } rendered) updated.Add(new RenderedState(article, rendered.Summary, rendered.Pages));
        });
        if (diagnostics.HasErrors || updated.Count != folders.Count) return null;
        foreach (var article in updated) articles[article.Content.Slug] = article;
        return Assemble(state.Edition, state.Templates, state.Renderer, articles, diagnostics) is { } next ? (next, updated.Count) : null;
    }

    private static IEnumerable<RenderedState> Ordered(IReadOnlyDictionary<string, RenderedState> articles) =>
        articles.Values.OrderBy(a => a.Content.Slug, StringComparer.Ordinal);

    // The site pages (journal index, 404, sitemap, assets) follow from every article's summary, so they are made on each rebuild.
    private static State? Assemble(EditionMetadata edition, TemplateSet templates, SiteRenderer renderer, Dictionary<string, RenderedState> articles, DiagnosticBag diagnostics)
    {
        var ordered = Ordered(articles).ToList();
        var content = new EditionContent(edition, ordered.Select(a => a.Content).ToList());
        var pages = ordered.SelectMany(a => a.Pages).ToList();
        var site = renderer.RenderSitePages(content, ordered.Select(a => a.Summary).ToList(), pages.Select(p => p.Path).ToList(), diagnostics);
        if (diagnostics.HasErrors) return null;
        var files = pages.Concat(site).ToDictionary(f => f.Path, f => f.Bytes, StringComparer.Ordinal);
        return new State(edition, templates, renderer, articles, files);
    }
}
