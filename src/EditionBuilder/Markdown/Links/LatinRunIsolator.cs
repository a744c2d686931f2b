using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Links;

/// <summary>Wraps Latin runs (S400, JCPOA) of right-to-left body text in <c>&lt;span dir="ltr"&gt;</c>, so neighbouring punctuation lands where the print has it.</summary>
public static partial class LatinRunIsolator
{
    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9]*(?:[ \-./][A-Za-z0-9]+)*")]
    private static partial Regex LatinRun();

    /// <summary>Rewrites the paragraphs of a document, outside links and notes.</summary>
    public static void Isolate(IEnumerable<ParagraphBlock> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.Inline is null) continue;
            foreach (var literal in paragraph.Inline.Descendants<LiteralInline>().ToList())
            {
                if (literal.Parent is LinkInline) continue;
                var text = literal.Content.ToString();
                var matches = LatinRun().Matches(text);
                if (matches.Count == 0) continue;

                var pieces = new List<Inline>();
                var position = 0;
                foreach (Match match in matches)
                {
                    if (match.Index > position) pieces.Add(new LiteralInline(text[position..match.Index]));
                    pieces.Add(new HtmlInline("<span dir=\"ltr\">"));
                    pieces.Add(new LiteralInline(match.Value));
                    pieces.Add(new HtmlInline("</span>"));
                    position = match.Index + match.Length;
                }

                if (position < text.Length) pieces.Add(new LiteralInline(text[position..]));
                InlineEdits.ReplaceWith(literal, pieces);
            }
        }
    }
}
