using System.Text;
using System.Xml;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Safety;
using EditionBuilder.Markup;
using EditionBuilder.Themes;

namespace EditionBuilder.Epub;

/// <summary>
/// The theme's e-book templates (epub/*.html) checked as site templates are (EB0406, EB0407): no script, no event handler, nothing
/// loaded from outside the book; and a template whose markup is not XML named at its own file and line (EB0611), not taken for a
/// fault of the tool. The checks read the template's text with its Scriban blocks blanked out, so positions are the file's own.
/// </summary>
public static class EpubTemplates
{
    // Elements whose src/href the reading system fetches.
    private static readonly HashSet<string> Loading = new(StringComparer.Ordinal)
    {
        "img", "image", "link", "script", "iframe", "source", "video", "audio", "object", "embed", "use", "track", "input",
    };

    /// <summary>The theme's e-book templates: the documents' and the partials they may include, everything under epub/.</summary>
    public static IEnumerable<string> Of(Theme theme) => theme.TemplateNames.Where(t => t.StartsWith("epub/", StringComparison.Ordinal));

    /// <summary>Reports every script, event handler and outside request in the theme's e-book templates; true when there was none.</summary>
    public static bool Check(Theme theme, IEnumerable<string> templates, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        foreach (var template in templates)
        {
            if (theme.SourceOf(template) is not { } source) continue;
            var text = Blank(source);
            var positions = new TextPositions(text);
            var path = theme.PathOf(template);
            foreach (var (offset, code, message) in Findings(text))
            {
                var (line, column) = positions.At(offset);
                diagnostics.Error(code, path, line, column, message);
            }
        }

        return diagnostics.ErrorCount == errorsBefore;
    }

    /// <summary>The same checks on a finished document of the book (what a template made of the values it was given), reported at the book with the document's name.</summary>
    public static void CheckDocument(string book, string href, string document, DiagnosticBag diagnostics)
    {
        var positions = new TextPositions(document);
        foreach (var (offset, code, message) in Findings(document))
        {
            var (line, column) = positions.At(offset);
            diagnostics.Error(code, book, 0, 0, $"{href}, line {line}, column {column}: {message} (made by the theme's epub/ templates)");
        }
    }

    /// <summary>Where a template that made a document that is not XML is at fault: the first of <paramref name="templates"/> whose own markup is not XML, at its line and column; false when each one's markup is (the fault is then the tool's).</summary>
    public static bool ReportNotXml(Theme theme, IEnumerable<string> templates, DiagnosticBag diagnostics)
    {
        foreach (var template in templates)
        {
            if (theme.SourceOf(template) is not { } source) continue;
            if (XmlProblem(Blank(source), template.EndsWith("layout.html", StringComparison.Ordinal)) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.EpubTemplateNotXml, theme.PathOf(template), problem.Line, problem.Column,
                    $"the e-book template is not well-formed XML ({problem.Message}); an EPUB's documents are XHTML: close every element, quote every attribute, write &amp; for &");
                return true;
            }
        }

        return false;
    }

    // The template's text with every {{ … }} block turned into spaces (line breaks kept), so what remains is its markup at its own positions.
    private static string Blank(string source)
    {
        var text = new StringBuilder(source);
        var at = 0;
        while ((at = source.IndexOf("{{", at, StringComparison.Ordinal)) >= 0)
        {
            var end = source.IndexOf("}}", at + 2, StringComparison.Ordinal);
            end = end < 0 ? source.Length : end + 2;
            for (var i = at; i < end; i++)
            {
                if (source[i] is not ('\n' or '\r')) text[i] = ' ';
            }

            at = end;
        }

        return text.ToString();
    }

    private static List<(int Offset, string Code, string Message)> Findings(string html)
    {
        var findings = new List<(int, string, string)>();
        var scanner = new HtmlScanner(html);
        while (scanner.Read())
        {
            if (scanner.IsEndTag) continue;
            var name = scanner.Name;
            if (name == "script")
            {
                findings.Add((scanner.TagStart, DiagnosticCodes.InlineScript, "the e-book template holds a <script>; a book runs no script"));
            }

            foreach (var (attribute, value) in scanner.Attributes)
            {
                if (attribute.StartsWith("on", StringComparison.Ordinal))
                {
                    findings.Add((scanner.TagStart, DiagnosticCodes.InlineScript, $"<{name}> has an inline event handler ({attribute}); a book runs no script"));
                }
                else if (attribute is "src" or "href" or "xlink:href" or "poster" or "data" or "srcset" && LeavesTheBook(value) is { } scheme)
                {
                    var loads = Loading.Contains(name) || attribute != "href";
                    if (loads) findings.Add((scanner.TagStart, DiagnosticCodes.ExternalRequest, $"<{name}> loads '{Shorten(value)}' from outside the book; put the file under assets/"));
                    else if (scheme is not ("http" or "https" or "mailto")) findings.Add((scanner.TagStart, DiagnosticCodes.InlineScript, $"<{name}> links to '{Shorten(value)}', a {scheme}: link that can run a script"));
                }
                else if (attribute == "style" && value.Contains("url(", StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add((scanner.TagStart, DiagnosticCodes.ExternalRequest, $"<{name}>'s style loads a file with url(); put styles in epub/book.css"));
                }
            }

            if (name == "style" && (scanner.RawText ?? string.Empty) is var css && (css.Contains("url(", StringComparison.OrdinalIgnoreCase) || css.Contains("@import", StringComparison.OrdinalIgnoreCase)))
            {
                findings.Add((scanner.TagStart, DiagnosticCodes.ExternalRequest, "a <style> element loads a file (url() or @import); put styles in epub/book.css"));
            }
        }

        return findings;
    }

    // The scheme of an address that leaves the book ("//host" counts as "http"); null for a path inside it or a blank (a value the template fills).
    private static string? LeavesTheBook(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith("//", StringComparison.Ordinal)) return "http";
        return LinkSanitizer.SchemeOf(trimmed);
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "…";

    private sealed record Problem(int Line, int Column, string Message);

    // An e-book template is a document (the layout: XML declaration, doctype) or a fragment of one (the others); the epub: prefix is the layout's.
    private static Problem? XmlProblem(string text, bool isDocument)
    {
        var names = new XmlNamespaceManager(new NameTable());
        names.AddNamespace("epub", "http://www.idpf.org/2007/ops");
        var context = new XmlParserContext(null, names, null, XmlSpace.None);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, ConformanceLevel = isDocument ? ConformanceLevel.Document : ConformanceLevel.Fragment,
        };
        try
        {
            using var reader = isDocument ? XmlReader.Create(new StringReader(text), settings) : XmlReader.Create(new StringReader(text), settings, context);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (XmlException e)
        {
            var end = e.Message.IndexOf(" Line ", StringComparison.Ordinal);
            return new Problem(e.LineNumber, e.LinePosition, (end > 0 ? e.Message[..end] : e.Message).TrimEnd('.', ' '));
        }
    }
}
