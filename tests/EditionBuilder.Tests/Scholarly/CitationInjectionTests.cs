using EditionBuilder.Citations;
using EditionBuilder.Content;
using Xunit;

namespace EditionBuilder.Tests.Scholarly;

/// <summary>A title or name cannot write fields of its own into the cite files: BibTeX braces balance, RIS values stay on one line.</summary>
public class CitationInjectionTests
{
    private const string Injection = "عنوان} , url = \"javascript:alert(1)\", note = \"INJECTED\"";

    [Fact]
    public void Given_a_title_with_a_lone_closing_brace_and_fields_after_it_When_written_as_BibTeX_Then_a_brace_counting_reader_finds_exactly_the_article_fields()
    {
        var metadata = new ArticleMetadata { Authors = ["محمد {علي"], Volume = "1" };
        metadata.Title["ar"] = Injection;

        var fields = BibTeXReader.Read(CitationFiles.BibTeX("key", metadata, "https://example.org/a/index.html"));

        Assert.Equal(["@key", "author", "title", "volume", "language", "url"], fields.Keys);
        Assert.Equal(@"عنوان{\textbraceright} , url = ""javascript:alert(1)"", note = ""INJECTED""", fields["title"]);
        Assert.Equal(@"محمد {\textbraceleft}علي", fields["author"]);
        Assert.Equal("https://example.org/a/index.html", fields["url"]);
    }

    [Theory]
    [InlineData("}}}{{{")]
    [InlineData("{a}} b {{c}")]
    [InlineData("\\}\\{")]
    public void Given_any_mix_of_braces_When_written_as_BibTeX_Then_the_title_stays_one_field(string title)
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = title + " , note = {x}";

        var fields = BibTeXReader.Read(CitationFiles.BibTeX("key", metadata, null));

        Assert.Equal(["@key", "title", "language"], fields.Keys);
    }

    [Fact]
    public void Given_a_title_with_balanced_braces_When_written_as_BibTeX_Then_they_are_kept_as_escaped_pairs()
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = "a {b} c";

        Assert.Equal(@"a \{b\} c", BibTeXReader.Read(CitationFiles.BibTeX("key", metadata, null))["title"]);
    }

    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    [InlineData('\u000B')]
    [InlineData('\u000C')]
    [InlineData('\u001C')]
    [InlineData('\u001F')]
    [InlineData('\u0000')]
    [InlineData('\u0009')]
    [InlineData('\u007F')]
    [InlineData('\u009F')]
    public void Given_a_line_separator_or_control_in_a_value_When_written_as_RIS_or_BibTeX_Then_it_is_a_space(char separator)
    {
        var metadata = new ArticleMetadata { Authors = [$"محمد{separator}علي"] };
        metadata.Title["ar"] = $"عنوان{separator}ER  - ";
        metadata.Title["en"] = $"Title{separator}TY  - JOUR";

        var ris = CitationFiles.Ris(metadata, null);
        var bib = CitationFiles.BibTeX("key", metadata, null);

        Assert.DoesNotContain(ris, c => char.IsControl(c) && c is not '\r' and not '\n' || c is '\u2028' or '\u2029');
        Assert.DoesNotContain(bib, c => char.IsControl(c) && c is not '\n' || c is '\u2028' or '\u2029');
        var lines = ris.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["TY", "AU", "TI", "TT", "LA", "ER"], lines.Select(l => l[..2]));
        Assert.Equal("TI  - عنوان ER  -", lines[2]);
        Assert.Equal("AU  - محمد علي", lines[1]);
    }

    /// <summary>Reads one BibTeX entry the way BibTeX does: a braced value ends where its braces balance, counting every brace whatever precedes it; a quoted value ends at a quote outside braces.</summary>
    private static class BibTeXReader
    {
        public static Dictionary<string, string> Read(string text)
        {
            var at = 0;
            Expect(text, ref at, "@article{");
            var comma = text.IndexOf(',', at);
            var fields = new Dictionary<string, string> { ["@key"] = text[at..comma] };
            at = comma + 1;
            while (true)
            {
                SkipSpace(text, ref at);
                if (text[at] == '}') break;
                var nameStart = at;
                while (char.IsAsciiLetterOrDigit(text[at])) at++;
                var name = text[nameStart..at];
                Assert.True(name.Length > 0, $"a field name was expected at {at}: {text[at..]}");
                SkipSpace(text, ref at);
                Expect(text, ref at, "=");
                SkipSpace(text, ref at);
                Assert.False(fields.ContainsKey(name), $"field {name} twice");
                fields[name] = Value(text, ref at);
                SkipSpace(text, ref at);
                if (text[at] == ',') at++;
            }

            Assert.Equal("}\n", text[at..]);
            return fields;
        }

        private static string Value(string text, ref int at)
        {
            var quoted = text[at] == '"';
            Assert.True(quoted || text[at] == '{', $"a value was expected at {at}: {text[at..]}");
            var start = ++at;
            var depth = 0;
            for (; ; at++)
            {
                Assert.True(at < text.Length, "the value never ends");
                var c = text[at];
                if (c == '{') depth++;
                else if (c == '}' && depth > 0) depth--;
                else if (c == '}' && !quoted) break;
                else if (c == '"' && quoted && depth == 0) break;
            }

            return text[start..at++];
        }

        private static void SkipSpace(string text, ref int at)
        {
            while (char.IsWhiteSpace(text[at])) at++;
        }

        private static void Expect(string text, ref int at, string what)
        {
            Assert.True(string.CompareOrdinal(text, at, what, 0, what.Length) == 0, $"'{what}' was expected at {at}: {text[at..]}");
            at += what.Length;
        }
    }
}
