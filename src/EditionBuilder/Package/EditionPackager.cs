using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Model;
using EditionBuilder.Output;
using EditionBuilder.Site;

namespace EditionBuilder.Package;

/// <summary>The package of a built site: its name (<c>&lt;article-or-edition&gt;-&lt;version&gt;</c>), its bag-info from the content, a BagIt bag and its zip written together to one folder.</summary>
public static class EditionPackager
{
    /// <summary>What a package is called and says of itself.</summary>
    public sealed record Description(string Name, BagItPackage.BagInfo Info, DateTimeOffset ZipTime);

    /// <summary>What was written: the bag's folder and zip, and how many site files they hold.</summary>
    public sealed record Result(string BagFolder, string ZipPath, int Files, long ZipBytes);

    /// <summary>
    /// <c>edition package</c> from paths: the site checked to be one a build finished, the output checked (never the site, the
    /// content or a folder this tool did not write, without force), the content read for the package's name, version and date,
    /// the site read without following links, then the bag and its zip swapped in whole. Null, with the reasons in the bag and
    /// nothing written, when the site or the content has errors; warnings (EB0940) come with a written package.
    /// </summary>
    /// <exception cref="OutputRefusedException">The output is, holds or lies inside an input, or is a folder this tool did not write (without force).</exception>
    public static Result? Run(PackageRequest request, DiagnosticBag diagnostics)
    {
        var (site, output, contentFolder) = (request.Site, request.Output, request.Content);
        if (!SiteFolderReader.IsBuiltSite(site, "edition package", diagnostics)) return null;
        var hasContent = contentFolder is not null && Directory.Exists(contentFolder);
        OutputGuard.Ensure(OutputKind.Package, output,
            [new(site, "the site being packaged"), .. hasContent ? [new ProtectedPath(contentFolder!, "the content folder")] : Array.Empty<ProtectedPath>()],
            request.Force);

        var content = hasContent ? ContentFolder.Read(contentFolder!, diagnostics) : null;
        var files = SiteFolderReader.Read(site, diagnostics, includeCompressed: true);
        if (diagnostics.HasErrors) return null;
        var description = Describe(content, request.Name, request.SourceDateEpoch, diagnostics, contentFolder ?? "content");
        return Write(files, description, output);
    }

    /// <summary>Describes the package of an edition: named after its one article (else its English name), versioned by edition.yml, dated by SOURCE_DATE_EPOCH or else the newest article's date (never the clock, so the same content gives the same bag). Without either, bag-info.txt has no Bagging-Date and a warning (EB0940, at <paramref name="where"/>) says how to give one.</summary>
    public static Description Describe(EditionContent? content, string? name, string? sourceDateEpoch, DiagnosticBag? diagnostics = null, string where = "content")
    {
        var version = string.IsNullOrWhiteSpace(content?.Edition.Version) ? "1" : content.Edition.Version.Trim();
        var bagName = $"{Slug.From(name ?? DefaultName(content))}-{Slug.From(version)}";
        var (date, zipTime) = BagItPackage.BaggingDate(sourceDateEpoch, NewestDate(content));
        if (date.Length == 0)
        {
            diagnostics?.Warning(DiagnosticCodes.PackageUndated, where, 0, 0,
                "the package has no Bagging-Date: no article.yml gives a date and SOURCE_DATE_EPOCH is not set; give the articles their date (date: 2024-03-15), or set SOURCE_DATE_EPOCH (./build.sh --target=Package sets it from the last commit)");
        }

        return new Description(bagName, new BagItPackage.BagInfo(content?.Edition.Publisher ?? string.Empty, Summary(content), date), zipTime);
    }

    // The newest publication date of the edition's articles, a year or month taken at its first day ("2016" is 2016-01-01,
    // as the EPUB dates it); empty when none gives a date.
    private static string NewestDate(EditionContent? content)
    {
        var newest = (content?.Articles ?? []).Select(a => PublicationDate.Parse(a.Metadata.Date)).OfType<PublicationDate>()
            .Select(d => new DateOnly(d.Year, d.Month ?? 1, d.Day ?? 1)).DefaultIfEmpty(DateOnly.MinValue).Max();
        return newest == DateOnly.MinValue ? string.Empty : newest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes the bag and its zip into <paramref name="output"/>, replacing it whole.</summary>
    public static Result Write(IReadOnlyList<SiteFile> site, Description description, string output)
    {
        var bag = BagItPackage.Bag(site, description.Info);
        var zip = BagItPackage.Zip(description.Name, bag, description.ZipTime);
        var written = bag.Select(f => ($"{description.Name}/{f.Path}", f.Bytes)).Append(($"{description.Name}.zip", zip));
        AtomicFolder.Replace(output, written, OutputKind.Package);
        return new Result(Path.Combine(output, description.Name), Path.Combine(output, description.Name + ".zip"), site.Count, zip.LongLength);
    }

    private static string DefaultName(EditionContent? content) =>
        content is { Articles.Count: 1 } ? content.Articles[0].Slug : content?.Edition.NameIn("en") is { Length: > 0 } n ? n : "edition";

    private static string Summary(EditionContent? content) =>
        content is null ? "A static web edition built by EditionBuilder"
        : content.Articles.Count == 1 ? $"Web edition of \"{content.Articles[0].Metadata.TitleIn("en")}\""
        : $"Web edition of {content.Edition.NameIn("en")}: {content.Articles.Count} articles";
}

/// <summary>What <c>edition package</c> asks for: the built site, the folder the bag and its zip go to, the content folder the site was built from (for the package's name, version and date; none or missing: named "edition"), a name to use instead, and the SOURCE_DATE_EPOCH that dates it.</summary>
/// <param name="Force">Replace a non-empty output folder that edition package did not write.</param>
public sealed record PackageRequest(string Site, string Output, string? Content = "content", string? Name = null, bool Force = false, string? SourceDateEpoch = null);
