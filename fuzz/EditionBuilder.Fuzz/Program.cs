using System.Diagnostics;
using EditionBuilder.Fuzz;
using FsCheck;
using FsCheck.Fluent;

// Fuzzes the importers and the Markdown round trip (--target import, the default: text exports; --target docx: Word
// documents) or article.yml, edition.yml and chapter front matter (--target metadata) with FsCheck-generated broken inputs.
// usage: dotnet run -c Release --project fuzz/EditionBuilder.Fuzz -- [--target import|docx|metadata] [--minutes 10] [--crashers <dir>]
if (args.Length == 2 && args[0] == "--explain")
{
    Console.WriteLine(ImportOracle.Explain(File.ReadAllBytes(args[1])));
    return 0;
}

var target = args.SkipWhile(a => a != "--target").Skip(1).FirstOrDefault() ?? "import";
if (target is not ("import" or "docx" or "metadata"))
{
    Console.Error.WriteLine($"--target takes import, docx or metadata, not '{target}'");
    return 2;
}

var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).Select(double.Parse).FirstOrDefault(10);
var tests = Path.Combine("tests", "EditionBuilder.Tests");
var crashers = args.SkipWhile(a => a != "--crashers").Skip(1).FirstOrDefault() ?? Path.Combine(tests, "Fuzz", target == "metadata" ? "metadata-crashers" : "crashers");
Directory.CreateDirectory(crashers);

var corpus = new List<byte[]>();
var seedText = File.ReadAllBytes(Path.Combine("content", "russian-iranian-partnership", "source", "article.txt"));
if (target == "import")
{
    corpus.Add(seedText);
    corpus.AddRange(Directory.EnumerateFiles(Path.Combine(tests, "Golden", "import"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
}
else if (target == "docx")
{
    corpus.AddRange([DocxCorpus.Seed(seedText), DocxCorpus.Rich()]);
}
else
{
    corpus.AddRange(Directory.EnumerateFiles(Path.Combine(tests, "Fuzz", "metadata-corpus")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
}

Func<byte[], string?> check = target switch { "import" => ImportOracle.Check, "docx" => DocxOracle.Check, _ => MetadataOracle.Check };
var clock = Stopwatch.StartNew();
long executions = 0, findings = 0;
var arbitrary = (target switch
{
    "import" => Mutations.Inputs(corpus),
    "docx" => DocxMutations.Inputs(corpus),
    _ => Mutations.Inputs(corpus, Mutations.YamlTokens),
}).ToArbitrary();
while (clock.Elapsed.TotalMinutes < minutes)
{
    byte[]? failing = null;
    string? why = null;
    var property = Prop.ForAll(arbitrary, input =>
    {
        Interlocked.Increment(ref executions);
        var problem = check(input);
        if (problem is not null && failing is null) { failing = input; why = problem; }
        return problem is null;
    });
    try
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000).WithQuietOnSuccess(true), property);
    }
    catch (Exception) when (failing is not null)
    {
        findings++;
        var name = Path.Combine(crashers, $"crash-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(failing))[..12]}.{(target == "docx" ? "docx" : "txt")}");
        File.WriteAllBytes(name, failing);
        Console.WriteLine($"finding {findings}: {why!.Split('\n')[0]} -> {name}");
    }

    Console.WriteLine($"{clock.Elapsed:mm\\:ss} {executions} executions, {findings} findings, {executions / Math.Max(1, clock.Elapsed.TotalSeconds):0} exec/s");
}

Console.WriteLine($"done: {executions} executions in {clock.Elapsed.TotalMinutes:0.0} minutes, {findings} findings");
return findings == 0 ? 0 : 1;
