using System.Diagnostics;
using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Content.Yaml;

/// <summary>The YAML reader under every metadata file: duplicate keys, aliases, nesting, syntax errors with a hint, control characters.</summary>
public class YamlTreeReaderTests
{
    private static List<string> Read(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        MetadataYaml.ReadArticle("article.yml", yaml, diagnostics);
        return diagnostics.Items.Select(d => d.ToString()).ToList();
    }

    [Fact]
    public void Given_a_key_written_twice_When_read_Then_an_error_at_the_second()
    {
        Assert.Equal(["article.yml:3:1: error EB0210: the key 'date' is written twice (first on line 1); keep one"],
            Read("date: 2020\nvolume: 1\ndate: 2021\n"));
        Assert.Equal(["article.yml:3:3: error EB0210: the key 'ar' is written twice (first on line 2); keep one"],
            Read("title:\n  ar: أ\n  ar: ب\n"));
    }

    [Theory]
    [InlineData("title:\n  ar: الشراكة: انعكاساتها\n", "article.yml:2:14: error EB0205: a value holding ': ' (a colon and a space) must be in double quotes, or YAML reads a new key here: write key: \"…: …\"")]
    [InlineData("title:\n  ar: \"غير مغلق\n  en: x\n", "article.yml:2:7: error EB0205: a quote opened here is not closed: end the value with the same quote (\" or ') on its line")]
    [InlineData("title:\n\tar: x\n", "article.yml:2:1: error EB0205: YAML indents with spaces, not tabs: replace the tab at the start of this line by spaces")]
    [InlineData("authors: [أ, ب\nvolume: 3\n", "article.yml:1:11: error EB0205: the YAML is malformed after this point: check the indentation (spaces, not tabs) and put in double quotes any value that holds ': ', ' #', or starts with [ { & * ! | > ' \" % @ or `")]
    [InlineData("title: { ar: x\n", "article.yml:2:1: error EB0205: a { … } map opened before this point is not closed: add the missing '}' (and quote any value holding a comma or colon)")]
    [InlineData("doi: @x\n", "article.yml:1:6: error EB0205: a value cannot start with '@' in YAML: put the value in double quotes")]
    [InlineData("date: 2020\n---\nvolume: 1\n", "article.yml:2:1: error EB0205: a second YAML document starts here ('---'); a file holds one document: remove the line '---'")]
    public void Given_a_YAML_syntax_error_When_read_Then_one_error_with_a_hint(string yaml, string expected)
    {
        Assert.Equal([expected], Read(yaml));
    }

    [Fact]
    public void Given_an_alias_to_nothing_or_to_its_own_value_When_read_Then_an_error_at_the_alias()
    {
        Assert.Equal(["article.yml:1:7: error EB0211: the alias '*x' names no anchor ('&x') written before it"], Read("date: *x\n"));
        Assert.Equal(["article.yml:1:20: error EB0211: the alias '*a' is inside the value it names, which would never end"], Read("authors: &a [أحمد, *a]\n"));
    }

    [Fact]
    public void Given_a_few_aliases_When_read_Then_they_stand_for_their_anchor()
    {
        var diagnostics = new DiagnosticBag();

        var metadata = MetadataYaml.ReadArticle("article.yml", "authors:\n  - name: أ\n    affiliation: &u جامعة دمشق\n  - name: ب\n    affiliation: *u\n", diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["جامعة دمشق", "جامعة دمشق"], metadata!.Authors.Select(a => a.Affiliations[0].Text));
    }

    [Fact]
    public void Given_the_100_KB_alias_bomb_When_read_Then_it_stops_at_the_alias_that_crosses_the_limit_quickly_and_small()
    {
        // Issue 13: one 4 KB title anchored, then 23,837 aliases to it in authors: 95 MB once expanded.
        var head = "title:\n  ar: &a \"" + string.Join(' ', Enumerable.Repeat("لول", 1000)) + "\"\nauthors: [";
        var aliases = (100 * 1024 - Encoding.UTF8.GetByteCount(head)) / 4;
        var text = new StringBuilder(head).Append(string.Join(", ", Enumerable.Repeat("*a", aliases))).Append("]\n");
        Assert.InRange(Encoding.UTF8.GetByteCount(text.ToString()), 100 * 1024 - 8, 100 * 1024 + 8);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var diagnostics = Read(text.ToString());

        Assert.Equal(["article.yml:3:411: error EB0211: more than 100 aliases ('*name'); write the values out instead"], diagnostics);
        Assert.InRange(clock.ElapsedMilliseconds, 0, 2000);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 64L * 1024 * 1024);
    }

    [Fact]
    public void Given_aliases_that_expand_past_a_million_characters_When_read_Then_an_error_at_the_alias_that_crosses()
    {
        var yaml = "title: { ar: &a \"" + new string('x', 100_000) + "\" }\nauthors: [" + string.Join(", ", Enumerable.Repeat("*a", 20)) + "]\n";

        var diagnostics = Read(yaml);

        Assert.Equal(["article.yml:2:43: error EB0211: the file expands to more than 1,000,000 characters through its aliases ('*name'); write the values out instead"], diagnostics);
    }

    [Fact]
    public void Given_more_aliases_than_allowed_When_read_Then_an_error_at_the_first_one_over()
    {
        var yaml = "title: { ar: &a x }\nauthors: [" + string.Join(", ", Enumerable.Repeat("*a", 101)) + "]\n";

        var diagnostics = Read(yaml);

        Assert.Equal(["article.yml:2:411: error EB0211: more than 100 aliases ('*name'); write the values out instead"], diagnostics);
    }

    [Fact]
    public void Given_values_nested_too_deep_When_read_Then_an_error_at_the_level_too_many()
    {
        var diagnostics = Read("authors: " + new string('[', 5000) + new string(']', 5000) + "\n");

        Assert.Equal(["article.yml:1:41: error EB0212: values are nested more than 32 levels deep here"], diagnostics);
    }

    [Fact]
    public void Given_bidi_controls_in_a_value_When_read_Then_a_warning_at_the_character_and_the_value_is_kept()
    {
        var diagnostics = new DiagnosticBag();

        var metadata = MetadataYaml.ReadArticle("article.yml", "title:\n  ar: عنوان \u202Bمقلوب\u202C\n", diagnostics);

        Assert.Equal(
            ["article.yml:2:13: warning EB0230: control character U+202B in this value: pages show it as a visible mark and never let it reorder the text; remove it if it came with copy-paste",
             "article.yml:2:19: warning EB0230: control character U+202C in this value: pages show it as a visible mark and never let it reorder the text; remove it if it came with copy-paste"],
            diagnostics.Items.Select(d => d.ToString()));
        Assert.Equal("عنوان \u202Bمقلوب\u202C", metadata!.TitleIn("ar"));
    }
}
