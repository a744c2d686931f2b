using System.Globalization;
using System.Text;

namespace EditionBuilder.Pdf;

/// <summary>Typst source being written: the writer's own markup as it is, and every text of the article as a Typst string literal, so no character of a chapter is ever read as markup or code.</summary>
/// <remarks>A string literal shows its characters as they are: no smart quotes, no <c>--</c> dash, no <c>#</c> expression, no <c>*strong*</c>; its only escapes are <c>\\</c>, <c>\"</c> and <c>\u{…}</c>. After a literal the writer always writes <c>#</c>, <c>]</c>, <c>)</c>, a space or a line end, so nothing that follows can continue it as an expression.</remarks>
public sealed class TypstMarkup
{
    private readonly StringBuilder _source = new();
    private readonly StringBuilder _pendingText = new();

    /// <summary>Text shown as it is (kept until the next markup, so a run of text is one literal).</summary>
    public TypstMarkup Text(string text)
    {
        _pendingText.Append(text);
        return this;
    }

    /// <summary>The writer's own Typst markup or code, written as it is.</summary>
    public TypstMarkup Raw(string markup)
    {
        Flush();
        _source.Append(markup);
        return this;
    }

    /// <summary>A line end (in markup a single one is a space; two end a paragraph).</summary>
    public TypstMarkup Line() => Raw("\n");

    /// <summary>The source written so far.</summary>
    public override string ToString()
    {
        Flush();
        return _source.ToString();
    }

    private void Flush()
    {
        if (_pendingText.Length == 0) return;
        _source.Append('#').Append(Literal(_pendingText.ToString()));
        _pendingText.Clear();
    }

    /// <summary>A Typst string literal that holds exactly <paramref name="text"/>: quotes and backslashes escaped, control characters and half surrogate pairs as <c>\u{…}</c> (half a pair as U+FFFD, which UTF-8 cannot hold).</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\':
                    literal.Append("\\\\");
                    break;
                case '"':
                    literal.Append("\\\"");
                    break;
                case < ' ' or '\u007f':
                    literal.Append("\\u{").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('}');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        literal.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        literal.Append("\\u{fffd}");
                    }
                    else
                    {
                        literal.Append(c);
                    }

                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    /// <summary>An array of string literals, <c>("a", "b",)</c> (the trailing comma keeps a single item an array).</summary>
    public static string Array(IEnumerable<string> items)
    {
        var list = items.Select(Literal).ToList();
        return list.Count == 0 ? "()" : "(" + string.Join(", ", list) + ",)";
    }

    /// <summary>A Typst label for an id the writer made (note ids are ASCII letters, digits, '_' and '-'); anything else is replaced, so a label never ends early.</summary>
    public static string Label(string id) =>
        "<" + new string(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + ">";
}
