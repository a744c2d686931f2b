using BenchmarkDotNet.Running;
using EditionBuilder.Benchmarks;

// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- generate-source <megabytes> <notes> <out.txt>
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- generate-journal <articles> <out-dir>
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- epub-scale <content-dir> <runs>
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- generate-docx <out.docx>   (the seed as a Word document, for the pandoc comparison)
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- search-documents <site-dir> <out-dir>   (each searchable page as Pagefind is fed it, for benchmarks/scale/pagefind_feed.py)
// dotnet run -c Release --project benchmarks/EditionBuilder.Benchmarks -- compression-levels <site-dir> <rounds>   (brotli qualities and gzip levels on a site built --precompress none)
if (args.Length == 4 && args[0] == "generate-source")
{
    var seed = File.ReadAllText(Seed.SourcePath);
    var text = SourceGenerator.Generate(seed, (long)(double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    File.WriteAllText(args[3], text);
    Console.WriteLine($"wrote {args[3]}: {new FileInfo(args[3]).Length / 1024} KiB");
    return;
}

if (args.Length == 3 && args[0] == "generate-journal")
{
    JournalGenerator.Generate(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2]);
    Console.WriteLine($"wrote a {args[1]}-article journal to {args[2]}/content and {args[2]}/hugo");
    return;
}

if (args.Length == 3 && args[0] == "epub-scale")
{
    EpubScale.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 2 && args[0] == "generate-docx")
{
    File.WriteAllBytes(args[1], EditionBuilder.Fuzz.DocxCorpus.Seed(File.ReadAllBytes(Seed.SourcePath)));
    Console.WriteLine($"wrote {args[1]}: {new FileInfo(args[1]).Length / 1024} KiB");
    return;
}

if (args.Length == 3 && args[0] == "search-documents")
{
    var written = 0;
    foreach (var file in Directory.EnumerateFiles(args[1], "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var html = File.ReadAllText(file);
        if (!EditionBuilder.Search.SearchIndex.IsSearchable(html)) continue;
        var target = Path.Combine(args[2], Path.GetRelativePath(args[1], file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, EditionBuilder.Search.SearchDocument.For(html));
        written++;
    }

    Console.WriteLine($"wrote {written} search documents to {args[2]}");
    return;
}

if (args.Length == 3 && args[0] == "compression-levels")
{
    CompressionLevels.Run(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StageBenchmarks).Assembly).Run(args);
