namespace EditionBuilder.Search;

/// <summary>One searchable page as the edition's own index holds it: its path, language, title and article title, its blocks of text with their anchors, and the counts of its terms.</summary>
/// <param name="Path">The page's site path, '/'-separated.</param>
/// <param name="Lang">The page's language (<c>&lt;html lang&gt;</c>).</param>
/// <param name="Title">The page's <c>&lt;h1&gt;</c> text, or its <c>&lt;title&gt;</c> when it has none.</param>
/// <param name="ArticleTitle">The title of the page's article (the element the theme marks <c>data-pagefind-meta="article"</c>); empty for a page outside an article.</param>
/// <param name="Blocks">The indexed text in page order, each block with the id it opens at ("" for the page's top).</param>
/// <param name="Terms">Each term of the page once, in ordinal order, with the number of times it occurs.</param>
/// <param name="Tokens">The number of words in the page's indexed text.</param>
public sealed record SearchRecord(string Path, string Lang, string Title, string ArticleTitle, IReadOnlyList<SearchBlock> Blocks, IReadOnlyList<TermCount> Terms, int Tokens)
{
    /// <summary>The record of a finished page: its blocks read from the HTML (<see cref="SearchPageReader"/>), its terms counted from them (<see cref="SearchTokens"/>).</summary>
    public static SearchRecord Of(string path, string html)
    {
        var page = SearchPageReader.Read(html);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = 0;
        foreach (var block in page.Blocks)
        {
            foreach (var term in SearchTokens.Terms(block.Text))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
                tokens++;
            }
        }

        var terms = counts.Select(c => new TermCount(c.Key, c.Value)).OrderBy(c => c.Term, StringComparer.Ordinal).ToList();
        return new SearchRecord(path, page.Lang, page.Title, page.ArticleTitle, page.Blocks, terms, tokens);
    }
}

/// <summary>A block of a page's indexed text, as published (not normalized), and the id of the nearest element with an id that holds it ("" for none).</summary>
public readonly record struct SearchBlock(string Anchor, string Text);

/// <summary>A term of a page and how many times it occurs there.</summary>
public readonly record struct TermCount(string Term, int Count);
