using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Render;

/// <summary>An article's images in its site folder (&lt;article&gt;/media/…): every file of its media folder passes <see cref="ImageRule"/> (an image whose name and bytes agree, within the size and pixel limits; an SVG written out again from the allow-list), whether or not a chapter shows it; any other is an error at the file.</summary>
public static class MediaFiles
{
    public static List<SiteFile> Of(ArticleContent article, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        foreach (var media in article.Media)
        {
            var verdict = ImageRule.Check(media.Read(), media.Path);
            if (verdict.Bytes is not { } published)
            {
                diagnostics.Error(verdict.Code!, media.Where, verdict.Line, verdict.Column, verdict.Problem!);
                continue;
            }

            files.Add(new SiteFile($"{article.Slug}/{media.Path}", published));
        }

        return files;
    }
}
