using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Site;

namespace EditionBuilder.Render;

/// <summary>An article's images in its site folder (&lt;article&gt;/media/…), each checked by its bytes: an image every browser shows or a safe SVG, within the size limit.</summary>
public static class MediaFiles
{
    public static List<SiteFile> Of(ArticleContent article, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        foreach (var media in article.Media)
        {
            var bytes = media.Read();
            if (bytes.Length > ImageCheck.MaxBytes)
            {
                diagnostics.Error(DiagnosticCodes.ImageTooLarge, media.Where, 0, 0, $"the image is larger than {ImageCheck.MaxBytes / (1024 * 1024)} MiB; make it smaller");
                continue;
            }

            var extension = ImageCheck.WebExtension(bytes);
            if (extension is null)
            {
                diagnostics.Error(DiagnosticCodes.MediaNotAnImage, media.Where, 0, 0,
                    $"media/ holds only images a browser shows (PNG, JPEG, GIF, WebP, SVG); this file is {ImageCheck.OtherFormat(bytes) ?? "none of them"}");
                continue;
            }

            if (extension == "svg" && ImageCheck.SvgProblem(bytes) is { } problem)
            {
                diagnostics.Error(DiagnosticCodes.ImageUnsafe, media.Where, 0, 0, $"this SVG cannot be shown safely: {problem}");
                continue;
            }

            files.Add(new SiteFile($"{article.Slug}/{media.Path}", bytes));
        }

        return files;
    }
}
