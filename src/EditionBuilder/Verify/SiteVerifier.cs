using System.Text.RegularExpressions;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markup;
using EditionBuilder.Render;
using EditionBuilder.Site;

namespace EditionBuilder.Verify;

/// <summary>Checks a finished site: every internal link and fragment resolves, every note reference has its note and back-link, every page declares lang and dir, no request leaves the site.</summary>
public static partial class SiteVerifier
{
    /// <summary>What a verification saw, for the summary line.</summary>
    public sealed record Report(int Pages, int Links, int NoteReferences);

    [GeneratedRegex(@"url\(\s*['""]?([^'"")]+)['""]?\s*\)")]
    private static partial Regex CssUrl();

    /// <summary>Verifies a whole site in memory; with <paramref name="folder"/> (the site folder read), each problem names its file under it, as the user can open it.</summary>
    public static Report Verify(IReadOnlyList<SiteFile> files, DiagnosticBag diagnostics, string? folder = null)
    {
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();
        var found = folder is null ? diagnostics : new DiagnosticBag();

        // Pages are parsed in parallel and checked on their own; only ids and links are kept for the cross-page checks.
        var facts = new PageFacts[pages.Count];
        Parallel.For(0, pages.Count, i => facts[i] = CheckPage(pages[i], found));
        var report = CheckLinks(files.Select(f => f.Path).ToList(), facts, files.Where(f => f.Path.EndsWith(".css", StringComparison.Ordinal)), found);
        if (folder is not null) diagnostics.AddRange(found.Items.Select(d => d with { Path = Path.Combine(folder, d.Path) }));
        return report;
    }

    /// <summary>Reads one page and checks what it can alone: lang/dir, scripts, notes and back-links.</summary>
    public static PageFacts CheckPage(SiteFile page, DiagnosticBag diagnostics) =>
        CheckPage(page.Path, page.AsText(), diagnostics);

    /// <summary>The site-wide checks over every page's facts: links and fragments resolve, no request leaves the site, stylesheets load only site files.</summary>
    public static Report CheckLinks(IReadOnlyCollection<string> sitePaths, IReadOnlyList<PageFacts> facts, IEnumerable<SiteFile> stylesheets, DiagnosticBag diagnostics) =>
        CheckLinks(sitePaths, facts, stylesheets, diagnostics, new LinkResolver());

    /// <summary>Like <see cref="CheckLinks(IReadOnlyCollection{string}, IReadOnlyList{PageFacts}, IEnumerable{SiteFile}, DiagnosticBag)"/>, resolving addresses through <paramref name="resolutions"/> (shared with <see cref="StaysWithin"/> in the same build).</summary>
    /// <remarks>With <paramref name="sourceOf"/>, a link's problem is reported where the author wrote the link when it knows (a chapter's Markdown), else at the page.</remarks>
    public static Report CheckLinks(IReadOnlyCollection<string> sitePaths, IReadOnlyList<PageFacts> facts, IEnumerable<SiteFile> stylesheets, DiagnosticBag diagnostics, LinkResolver resolutions,
        Func<string, LinkFact, SourcePlace?>? sourceOf = null)
    {
        var byPath = sitePaths.ToHashSet(StringComparer.Ordinal);
        var ids = new PageIds(facts);
        // Pages are checked in parallel; the bag sorts what they report.
        Parallel.ForEach(facts, page =>
        {
            foreach (var link in page.Links) CheckLink(page.Path, link, byPath, ids, resolutions, new LinkReporter(page.Path, link, diagnostics, sourceOf));
        });

        var links = facts.Sum(f => f.Links.Count + f.CheckedLinks);
        var references = facts.Sum(f => f.References);
        var files = stylesheets;
        foreach (var css in files.Where(f => f.Path.EndsWith(".css", StringComparison.Ordinal)))
        {
            var text = css.AsText();
            var positions = new TextPositions(text);
            foreach (Match match in CssUrl().Matches(text))
            {
                var url = match.Groups[1].Value;
                var (line, column) = positions.At(match.Index);
                if (url.StartsWith("data:", StringComparison.Ordinal)) continue;
                if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal))
                {
                    diagnostics.Error(DiagnosticCodes.ExternalRequest, css.Path, line, column, $"the stylesheet loads '{url}' from outside the site");
                    continue;
                }

                var resolved = SitePath.Resolve(css.Path, url.Split('#', '?')[0]);
                if (resolved is null || !byPath.Contains(resolved))
                {
                    diagnostics.Error(DiagnosticCodes.BrokenLink, css.Path, line, column, $"the stylesheet refers to '{url}', which is not in the site");
                }
            }
        }

        return new Report(facts.Count, links, references);
    }

    // Elements that never hold content, so never stay open.
    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    /// <summary>An element still open at the scanner's position: its name, id, and whether it is or sits in the notes list.</summary>
    private readonly record struct OpenElement(string Name, string? Id, bool InEndnotes);

    /// <summary>One pass over the page's tags gathers everything the checks need; no DOM is built.</summary>
    public static PageFacts CheckPage(string path, string html, DiagnosticBag diagnostics)
    {
        var scanner = new HtmlScanner(html);
        var positions = new TextPositions(html); // where a tag starts, found only for the tags that need it (in page order)
        var open = new List<OpenElement>();
        var isNote = new Dictionary<string, bool>(StringComparer.Ordinal); // id -> is an <li> of the notes list (the first element with an id wins)
        var notesAt = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal); // where each note's <li> starts
        var backLinks = new HashSet<(string NoteId, string Href)>();
        var noteReferences = new List<(string? Id, string Href, int Line, int Column)>();
        var links = new List<LinkFact>();
        var sawRoot = false;
        while (scanner.Read())
        {
            var name = scanner.Name;
            if (scanner.IsEndTag)
            {
                var at = open.FindLastIndex(e => e.Name == name);
                if (at >= 0) open.RemoveRange(at, open.Count - at);
                continue;
            }

            string? id = null, href = null, src = null, rel = null, role = null;
            (int Line, int Column)? here = null;
            foreach (var (attribute, value) in scanner.Attributes)
            {
                switch (attribute)
                {
                    case "id": id = value; break;
                    case "href": href = value; break;
                    case "src": src = value; break;
                    case "rel": rel = value; break;
                    case "role": role = value; break;
                    default:
                        if (attribute.StartsWith("on", StringComparison.Ordinal))
                        {
                            var (line, column) = here ??= positions.At(scanner.TagStart);
                            diagnostics.Error(DiagnosticCodes.InlineScript, path, line, column, $"<{name}> has an inline event handler");
                        }

                        break;
                }
            }

            if (name == "html" && !sawRoot)
            {
                sawRoot = true;
                if (string.IsNullOrWhiteSpace(scanner.Attribute("lang")) || scanner.Attribute("dir") is not ("rtl" or "ltr"))
                {
                    var (line, column) = here ??= positions.At(scanner.TagStart);
                    diagnostics.Error(DiagnosticCodes.PageWithoutLanguage, path, line, column, "the page does not declare lang and dir (rtl or ltr) on <html>");
                }
            }

            var inEndnotes = role == "doc-endnotes" || (open.Count > 0 && open[^1].InEndnotes);
            if (!string.IsNullOrEmpty(id) && isNote.TryAdd(id, name == "li" && inEndnotes) && isNote[id]) notesAt[id] = here ??= positions.At(scanner.TagStart);
            // <base> is the site's own path on its server (404.html, shown at any address), not a link to follow.
            if ((href is not null || src is not null) && name != "base")
            {
                var (line, column) = here ??= positions.At(scanner.TagStart);
                links.Add(new LinkFact(name, rel ?? string.Empty, href ?? src!, line, column));
            }

            if (name == "script")
            {
                var (line, column) = here ??= positions.At(scanner.TagStart);
                CheckScript(path, line, column, scanner.Attribute("type"), src, scanner.RawText ?? string.Empty, diagnostics);
            }

            if (name == "a" && role == "doc-noteref")
            {
                var (line, column) = here ??= positions.At(scanner.TagStart);
                noteReferences.Add((id, href ?? string.Empty, line, column));
            }

            if (name == "a" && role == "doc-backlink" && href is not null)
            {
                foreach (var ancestor in open)
                {
                    if (ancestor.Id is not null) backLinks.Add((ancestor.Id, href));
                }
            }

            if (!VoidElements.Contains(name) && scanner.RawText is null) open.Add(new OpenElement(name, id, inEndnotes));
        }

        // No <html> tag at all: the whole page is at fault, so no position.
        if (!sawRoot) diagnostics.Error(DiagnosticCodes.PageWithoutLanguage, path, 0, 0, "the page does not declare lang and dir (rtl or ltr) on <html>");
        foreach (var reference in noteReferences) CheckNote(path, isNote, notesAt, backLinks, reference, diagnostics);
        return new PageFacts(path, isNote.Keys.Order(StringComparer.Ordinal).ToList(), links, noteReferences.Count);
    }

    // The CSP forbids inline scripts; a page must carry none but JSON-LD, and that must be JSON (never a closed-early script).
    private static void CheckScript(string page, int line, int column, string? type, string? src, string text, DiagnosticBag diagnostics)
    {
        if (src is not null && text.Trim().Length == 0) return;
        if (type == "application/ld+json" && IsJson(text)) return;
        diagnostics.Error(DiagnosticCodes.InlineScript, page, line, column, "the page holds an inline script; only <script src> and JSON-LD are allowed");
    }

    // Only a target with a scheme before any '/', '?' or '#' can be an absolute URL; the rest (most links) skip URI parsing.
    private static bool MayBeAbsolute(string target)
    {
        var colon = target.IndexOf(':');
        return colon > 0 && target.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0;
    }

    /// <summary>Relative paths resolved once per folder: a journal's pages repeat the same few targets thousands of times.</summary>
    /// <summary>Whether the check of a page's link depends on nothing outside <paramref name="folder"/> (its article's folder, ending in '/'): an address outside the site (judged by itself), a fragment of the page, or a relative address that resolves under the folder. Such a link's check holds as long as the folder's files are unchanged.</summary>
    public static bool StaysWithin(string page, LinkFact link, string folder, LinkResolver resolutions)
    {
        var target = link.Target;
        if (IsOutsideTheSite(target)) return true;
        var hash = target.IndexOf('#');
        var pathPart = hash >= 0 ? target[..hash] : target;
        if (pathPart.Length == 0) return page.StartsWith(folder, StringComparison.Ordinal);
        if (pathPart.StartsWith('/') || pathPart.EndsWith('/') || pathPart.Contains(':')) return false;
        return resolutions.Resolve(page, pathPart) is { } resolved && resolved.StartsWith(folder, StringComparison.Ordinal);
    }

    /// <summary>Each page's ids, made into a set only for the pages a fragment link names (most links name none).</summary>
    private sealed class PageIds(IReadOnlyList<PageFacts> facts)
    {
        private readonly Dictionary<string, PageFacts> _pages = facts.ToDictionary(f => f.Path, StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _sets = new(StringComparer.Ordinal);

        public bool Has(string page, string id) =>
            _pages.TryGetValue(page, out var facts) && _sets.GetOrAdd(page, _ => facts.Ids.ToHashSet(StringComparer.Ordinal)).Contains(id);
    }

    private static bool IsOutsideTheSite(string target) => IsOutsideTheSite(target, out _);

    // An absolute address (but file:) or a scheme-relative one: judged by itself, never looked for in the site.
    private static bool IsOutsideTheSite(string target, out Uri? absolute)
    {
        absolute = null;
        return MayBeAbsolute(target) && Uri.TryCreate(target, UriKind.Absolute, out absolute) && absolute.Scheme != "file" || target.StartsWith("//", StringComparison.Ordinal);
    }

    /// <summary>Resolves a page's relative addresses to site paths, each folder and address once per build.</summary>
    public sealed class LinkResolver
    {
        // Sized for a journal's worth at once: each time a concurrent dictionary grows it locks out every thread checking links.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Folder, string Target), string?> _resolved = new(Files.LockStripes.ForWriters, 4096);

        public string? Resolve(string page, string target)
        {
            var folder = page[..(page.LastIndexOf('/') + 1)];
            if (!_resolved.TryGetValue((folder, target), out var resolved))
            {
                resolved = SitePath.Resolve(page, Uri.UnescapeDataString(target));
                _resolved[(folder, target)] = resolved;
            }

            return resolved;
        }
    }

    // Reports a link's problem at the page's tag, or where the author wrote the link when that is known.
    private readonly record struct LinkReporter(string Page, LinkFact Link, DiagnosticBag Diagnostics, Func<string, LinkFact, SourcePlace?>? SourceOf)
    {
        public void Error(string code, string message)
        {
            var place = SourceOf?.Invoke(Page, Link) ?? new SourcePlace(Page, Link.Line, Link.Column);
            Diagnostics.Error(code, place.Path, place.Line, place.Column, message);
        }
    }

    private static void CheckLink(string page, LinkFact link, HashSet<string> files,
        PageIds ids, LinkResolver resolutions, LinkReporter diagnostics)
    {
        var target = link.Target;
        var isRequest = link.Element is "link" or "script" or "img" or "iframe" or "source" or "video" or "audio";
        if (IsOutsideTheSite(target, out var absolute))
        {
            if (isRequest && !(link.Element == "link" && link.Rel is "canonical" or "alternate"))
            {
                diagnostics.Error(DiagnosticCodes.ExternalRequest, $"<{link.Element}> loads '{target}' from outside the site");
            }
            else if (!isRequest && absolute?.Scheme is not ("http" or "https" or "mailto"))
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"the link '{target}' uses a scheme that is not allowed");
            }

            return;
        }

        var hash = target.IndexOf('#');
        var pathPart = hash >= 0 ? target[..hash] : target;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(target[(hash + 1)..]) : null;
        if (pathPart.StartsWith('/') || (pathPart.Length > 0 && pathPart.EndsWith('/')))
        {
            diagnostics.Error(DiagnosticCodes.BrokenLink, $"the link '{target}' must be relative and name its file, so the site works from any folder");
            return;
        }

        var resolved = pathPart.Length == 0 ? page : resolutions.Resolve(page, pathPart);
        if (resolved is null || !files.Contains(resolved))
        {
            diagnostics.Error(DiagnosticCodes.BrokenLink, $"the link '{target}' leads to no file of the site");
            return;
        }

        if (!string.IsNullOrEmpty(fragment) && !ids.Has(resolved, fragment))
        {
            diagnostics.Error(DiagnosticCodes.BrokenFragment, $"the link '{target}' names a fragment #{fragment} that {resolved} does not have");
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static void CheckNote(string page, Dictionary<string, bool> isNote, Dictionary<string, (int Line, int Column)> notesAt,
        HashSet<(string NoteId, string Href)> backLinks, (string? Id, string Href, int Line, int Column) reference, DiagnosticBag diagnostics)
    {
        var (id, href, line, column) = reference;
        if (string.IsNullOrEmpty(id) || !(id.StartsWith("fnref-", StringComparison.Ordinal) || id.StartsWith("enref-", StringComparison.Ordinal)))
        {
            diagnostics.Error(DiagnosticCodes.NoteWithoutTarget, page, line, column, $"the note reference to '{href}' has no id fnref-N (enref-N for an endnote)");
        }

        if (!href.StartsWith('#')) return; // a note on another page: CheckLink resolved it
        var noteId = href[1..];
        if (!isNote.TryGetValue(noteId, out var note) || !note)
        {
            diagnostics.Error(DiagnosticCodes.NoteWithoutTarget, page, line, column, $"the note reference {id} points to {href}, which is not a note of this page");
            return;
        }

        if (!backLinks.Contains((noteId, "#" + id)))
        {
            // At the note, where the back-link is missing.
            var (noteLine, noteColumn) = notesAt.GetValueOrDefault(noteId, (line, column));
            diagnostics.Error(DiagnosticCodes.NoteWithoutBackLink, page, noteLine, noteColumn, $"note {href} has no back-link to its reference {id}");
        }
    }
}
