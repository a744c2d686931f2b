using System.Globalization;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;

namespace EditionBuilder.Benchmarks;

/// <summary>Writes an N-article journal made from the seed (each article's text varied a little), as an EditionBuilder content folder and as a Hugo site with minimal layouts over the same Markdown.</summary>
public static class JournalGenerator
{
    public static void Generate(int articles, string output)
    {
        var seed = WordExportReader.Read("seed.txt", File.ReadAllBytes(Seed.SourcePath), new DiagnosticBag())!;
        var files = ArticleMarkdown.Write(seed, ArticleMarkdown.MetadataFrom(seed));
        var content = Path.Combine(output, "content");
        var hugo = Path.Combine(output, "hugo");
        Directory.CreateDirectory(content);
        File.WriteAllText(Path.Combine(content, "edition.yml"), "name:\n  ar: مجلة تجريبية\n  en: Test journal\n");
        WriteHugoSkeleton(hugo);

        for (var i = 1; i <= articles; i++)
        {
            var slug = $"article-{i.ToString("0000", CultureInfo.InvariantCulture)}";
            var variant = $" (العدد {i.ToString(CultureInfo.InvariantCulture)})";
            foreach (var (path, text) in files)
            {
                // A small variation per article: the number in its first paragraph and title.
                var varied = path == "article.yml"
                    ? $"title:\n  ar: \"الشراكة الروسية – الإيرانية في سوريا{variant}\"\n  en: \"The Russian – Iranian partnership in Syria ({i})\"\n"
                    : text.Replace("أثبت التدخّل العسكري الروسي", "أثبت التدخّل العسكري الروسي" + variant, StringComparison.Ordinal);
                Write(Path.Combine(content, slug, path), varied);
                if (path.EndsWith(".md", StringComparison.Ordinal)) Write(Path.Combine(hugo, "content", slug, path.Replace('/', '-')), varied);
            }

            Write(Path.Combine(hugo, "content", slug, "_index.md"), $"---\ntitle: \"الشراكة الروسية – الإيرانية في سوريا{variant}\"\n---\n");
        }
    }

    private static void WriteHugoSkeleton(string hugo)
    {
        Write(Path.Combine(hugo, "config.toml"), """
            baseURL = "/"
            languageCode = "ar"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
            [markup.goldmark.extensions]
              footnote = true
            """);
        Write(Path.Combine(hugo, "layouts", "_default", "baseof.html"), """
            <!DOCTYPE html>
            <html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }}</title></head>
            <body><main>{{ block "main" . }}{{ end }}</main></body></html>
            """);
        Write(Path.Combine(hugo, "layouts", "_default", "single.html"), """
            {{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>
            <nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
            """);
        Write(Path.Combine(hugo, "layouts", "_default", "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
            """);
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
