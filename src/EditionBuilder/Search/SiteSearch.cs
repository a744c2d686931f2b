namespace EditionBuilder.Search;

/// <summary>The engines that can make a site's search index.</summary>
public enum SearchEngine
{
    /// <summary>The edition's own index (<see cref="EditionIndexWriter"/>), made from the pages in C#, per article: the default.</summary>
    Edition,

    /// <summary>Pagefind over the finished pages, in shards (<see cref="SearchIndex"/>): <c>edition build --search-engine pagefind</c>.</summary>
    Pagefind,
}

/// <summary>A site's search: the engine that makes its index and, for Pagefind, the program.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="Pagefind">The Pagefind program; set exactly when <paramref name="Engine"/> is <see cref="SearchEngine.Pagefind"/>.</param>
public sealed record SiteSearch(SearchEngine Engine, PagefindTool? Pagefind)
{
    /// <summary>Search with the edition's own index.</summary>
    public static SiteSearch Edition { get; } = new(SearchEngine.Edition, null);

    /// <summary>Search with Pagefind.</summary>
    public static SiteSearch With(PagefindTool tool) => new(SearchEngine.Pagefind, tool);

    /// <summary>A Pagefind program alone means the Pagefind engine, as every site with search had before the edition's own index.</summary>
    public static implicit operator SiteSearch?(PagefindTool? tool) => tool is null ? null : With(tool);

    /// <summary>The engine's name as the command line and the templates (<c>page.search_engine</c>) spell it.</summary>
    public string Name => NameOf(Engine);

    /// <summary>An engine's name: "edition" or "pagefind".</summary>
    public static string NameOf(SearchEngine engine) => engine == SearchEngine.Edition ? "edition" : "pagefind";
}
