using System.Diagnostics;
using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using EditionBuilder.Pdf;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>PDFs made by the writer for the tests, and poppler-utils (pdftotext, pdffonts, pdfinfo) to read them back.</summary>
public static class PdfArticles
{
    private static readonly Lazy<byte[]> SeedPdf = new(() => Write(SeedSite.Get().Content, SeedSite.Get().Templates));

    /// <summary>The seed article's PDF (the compiler is required).</summary>
    public static byte[] Seed => SeedPdf.Value;

    /// <summary>The seed article, parsed as every writer reads it.</summary>
    public static ParsedArticle SeedArticle() => Parse(SeedSite.Get().Content);

    public static ParsedArticle Parse(EditionContent content)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = new ArticleParser().Parse(content.Articles[0], diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return parsed!;
    }

    /// <summary>The pinned Typst compiler, or a skip (a failure in CI).</summary>
    public static TypstEngine.Lookup RequireEngine()
    {
        var lookup = TypstEngine.Find(Tools.Folder, Repo.Root, AppContext.BaseDirectory);
        if (lookup.Engine is not null) return lookup;
        var message = $"{lookup.Problem} (run `npm ci --prefix tools`)";
        if (Programs.InCi) Assert.Fail(message + " (CI=true: a missing program fails the run)");
        Skip.If(true, message);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>A writer with the given theme and the pinned compiler.</summary>
    public static PdfWriter Writer(Theme theme, EditionMetadata edition, long? sourceDateEpoch = null)
    {
        var diagnostics = new DiagnosticBag();
        var writer = PdfWriter.Create(theme, edition, RequireEngine(), sourceDateEpoch, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return writer!;
    }

    /// <summary>The PDF of an edition's first article, with no errors.</summary>
    public static byte[] Write(EditionContent content, Theme? theme = null)
    {
        theme ??= SeedSite.Get().Templates;
        var diagnostics = new DiagnosticBag();
        var file = Writer(theme, content.Edition).Write(Parse(content), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        return file!.Bytes;
    }

    /// <summary>The text of the PDF (of one page when given), as pdftotext reads it.</summary>
    public static string Text(byte[] pdf, int? page = null)
    {
        var arguments = page is { } p ? $"-f {p} -l {p}" : string.Empty;
        return Poppler("pdftotext", pdf, arguments, "-");
    }

    /// <summary>Each page's text, first page first.</summary>
    public static IReadOnlyList<string> Pages(byte[] pdf) =>
        Text(pdf).Split('\f').SkipLast(1).ToList();

    /// <summary>Each page's lines in reading order, read from the words pdftotext finds and where it finds them (<c>-bbox</c>): lines top to bottom, words right to left, a word's pieces joined and each Arabic piece put back in logical order.</summary>
    /// <remarks>pdftotext's plain text splits a word at each positioned diacritic (shadda, tanwin) of a Typst PDF, which moves the pieces to lines of their own (typst/typst#4225 is the same for Devanagari); the words' boxes keep their places. A zero-width box is a diacritic that poppler also counted inside its word: it is left out. Within a line Latin runs come word-reversed (the line is read right to left), which the tests allow for by comparing Arabic words, or Latin words as a set.</remarks>
    public static IReadOnlyList<IReadOnlyList<string>> Lines(byte[] pdf)
    {
        var xhtml = System.Xml.Linq.XDocument.Parse(Poppler("pdftotext", pdf, "-bbox", "-"));
        var pages = new List<IReadOnlyList<string>>();
        foreach (var page in xhtml.Descendants().Where(e => e.Name.LocalName == "page"))
        {
            var words = page.Elements().Where(e => e.Name.LocalName == "word")
                .Select(w => (Text: w.Value, XMin: Number(w, "xMin"), XMax: Number(w, "xMax"), YMin: Number(w, "yMin"), YMax: Number(w, "yMax")))
                .Where(w => w.XMax - w.XMin > 0.01).OrderBy(w => (w.YMin + w.YMax) / 2).ToList();
            var lines = new List<List<(string Text, double XMin, double XMax, double YMin, double YMax)>>();
            foreach (var word in words)
            {
                var middle = (word.YMin + word.YMax) / 2;
                var line = lines.LastOrDefault();
                if (line is not null && middle >= line.Min(w => w.YMin) && middle <= line.Max(w => w.YMax)) line.Add(word);
                else lines.Add([word]);
            }

            pages.Add(lines.Select(LineText).ToList());
        }

        return pages;
    }

    // Words right to left; pieces that touch are one word; an Arabic piece's characters, which pdftotext gives in visual order, reversed.
    private static string LineText(List<(string Text, double XMin, double XMax, double YMin, double YMax)> line)
    {
        var text = new StringBuilder();
        double? previousStart = null;
        foreach (var word in line.OrderByDescending(w => w.XMax))
        {
            if (previousStart is { } start && start - word.XMax > 0.3) text.Append(' ');
            var piece = word.Text.Any(c => c is >= '\u0600' and <= '\u06FF') ? new string(word.Text.Reverse().ToArray()) : word.Text;
            text.Append(piece);
            previousStart = word.XMin;
        }

        return text.ToString();
    }

    private static double Number(System.Xml.Linq.XElement word, string name) =>
        double.Parse((string)word.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many images the PDF holds (pdfimages -list; an image's transparency, its smask, is not counted apart).</summary>
    public static int Images(byte[] pdf) =>
        Poppler("pdfimages", pdf, "-list", string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Count(row => row.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "image", ..]);

    /// <summary>pdffonts' table of the PDF's fonts.</summary>
    public static string Fonts(byte[] pdf) => Poppler("pdffonts", pdf, string.Empty, string.Empty);

    /// <summary>pdfinfo's fields (Title, Pages, Tagged…).</summary>
    public static Dictionary<string, string> Info(byte[] pdf) =>
        Poppler("pdfinfo", pdf, "-enc UTF-8", string.Empty).Split('\n').Where(l => l.Contains(':'))
            .ToDictionary(l => l[..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..].Trim());

    private static string Poppler(string program, byte[] pdf, string arguments, string after)
    {
        var path = "/usr/bin/" + program;
        Programs.Require(path, "poppler-utils");
        using var temp = new TempFolder();
        var file = temp.File("article.pdf", pdf);
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(argument);
        start.ArgumentList.Add(file);
        if (after.Length > 0) start.ArgumentList.Add(after);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
