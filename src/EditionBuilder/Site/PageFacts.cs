namespace EditionBuilder.Site;

/// <summary>A link or resource reference of a page: the element's name, its rel, the address, and where its tag starts in the page (1-based line and column; 0 when unknown).</summary>
public sealed record LinkFact(string Element, string Rel, string Target, int Line = 0, int Column = 0);

/// <summary>What one page contributes to the site-wide checks (its ids, links and note references) and to the search index (whether it offers text to search); its markup is dropped once these are taken, and they can be cached.</summary>
/// <param name="CheckedLinks">Links left out of <paramref name="Links"/> because they lead only within the page's own article and were checked when that article was made: an article replayed unchanged brings only its links that leave it to the site-wide check.</param>
public sealed record PageFacts(string Path, IReadOnlyList<string> Ids, IReadOnlyList<LinkFact> Links, int References, bool Searchable = false, int CheckedLinks = 0);
