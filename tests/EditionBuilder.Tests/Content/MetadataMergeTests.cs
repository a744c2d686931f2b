using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>Import fills only what article.yml leaves empty, in the publisher's own text: comments, order and every set field stay byte for byte.</summary>
public class MetadataMergeTests
{
    private static ArticleMetadata Found()
    {
        var found = new ArticleMetadata { Authors = [new Author { Name = "أحمد علي", Affiliations = ["جامعة دمشق"] }] };
        found.Title["ar"] = "عنوان من المصدر";
        found.Title["en"] = "Title from the source";
        found.Keywords["ar"] = ["روسيا", "إيران"];
        return found;
    }

    private static string Merge(string existing, out IReadOnlyList<string> filled)
    {
        var merged = MetadataMerge.MergeText("article.yml", existing, Found(), out filled, out var notFilled);
        Assert.Empty(notFilled);
        return merged;
    }

    [Fact]
    public void Given_a_hand_edited_article_yml_with_empty_fields_When_merged_Then_only_the_empty_ones_are_filled_and_comments_stay()
    {
        const string existing = "# my notes\ntitle:\n  ar: \"\"   # to do\n  en: My own English title\nauthors: []\ndoi: 10.1234/x   # checked\ndate:\n";

        var merged = Merge(existing, out var filled);

        Assert.Equal(["title.ar", "authors", "keywords.ar"], filled);
        Assert.Equal("# my notes\ntitle:\n  ar: \"عنوان من المصدر\"   # to do\n  en: My own English title\nauthors: [{ name: \"أحمد علي\", affiliation: \"جامعة دمشق\" }]\ndoi: 10.1234/x   # checked\ndate:\nkeywords: { ar: [\"روسيا\", \"إيران\"] }\n", merged);
        var read = MetadataYaml.ReadArticle("article.yml", merged, new DiagnosticBag())!;
        Assert.Equal(("عنوان من المصدر", "My own English title", "10.1234/x"), (read.TitleIn("ar"), read.TitleIn("en"), read.Doi));
    }

    [Fact]
    public void Given_every_field_already_set_When_merged_Then_the_text_is_returned_unchanged()
    {
        const string existing = "title: { ar: عنواني, en: Mine }\nauthors: [سارة خليل]\nkeywords: { ar: [سوريا] }\n";

        var merged = Merge(existing, out var filled);

        Assert.Same(existing, merged);
        Assert.Empty(filled);
    }

    [Fact]
    public void Given_a_title_map_missing_a_language_When_merged_Then_the_language_is_added_in_the_map_as_written()
    {
        Assert.Equal("title:\n  en: Mine\n  ar: \"عنوان من المصدر\"\nauthors: [x]\nkeywords: { fr: [y], ar: [\"روسيا\", \"إيران\"] }\n",
            Merge("title:\n  en: Mine\nauthors: [x]\nkeywords: { fr: [y] }\n", out _));
    }

    [Fact]
    public void Given_empty_values_written_as_null_When_merged_Then_they_are_replaced_in_place()
    {
        Assert.Equal("title: { ar: \"عنوان من المصدر\", en: \"Title from the source\" }\nauthors: [{ name: \"أحمد علي\", affiliation: \"جامعة دمشق\" }]\nkeywords: { ar: [\"روسيا\", \"إيران\"] }\n",
            Merge("title: ~\nauthors: ~\nkeywords: {}\n", out _));
    }

    [Fact]
    public void Given_an_empty_article_yml_When_merged_Then_the_fields_are_appended()
    {
        var merged = Merge("# only a comment\n", out var filled);

        Assert.StartsWith("# only a comment\ntitle: { ar: \"عنوان من المصدر\", en: \"Title from the source\" }\n", merged);
        Assert.Equal(["title.ar", "title.en", "authors", "keywords.ar"], filled);
    }

    [Fact]
    public void Given_a_build_from_a_folder_with_a_source_When_read_Then_the_source_fills_empty_fields_and_never_a_set_one()
    {
        var target = new ArticleMetadata { Authors = [new Author { Name = "سارة خليل" }] };
        target.Title["ar"] = string.Empty;
        target.Title["en"] = "Kept";

        var filled = MetadataMerge.Fill(target, Found());

        Assert.Equal(["title.ar", "keywords.ar"], filled);
        Assert.Equal(("عنوان من المصدر", "Kept", "سارة خليل"), (target.TitleIn("ar"), target.TitleIn("en"), target.Authors.Single().NameIn("ar")));
    }
}
