using System.Diagnostics;
using EditionBuilder.Fuzz;
using FsCheck;
using FsCheck.Fluent;

// Fuzzes the importers and the Markdown round trip with FsCheck-generated broken sources: text exports (--target text,
// the default) or Word documents (--target docx).
// usage: dotnet run -c Release --project fuzz/EditionBuilder.Fuzz -- [--target text|docx] [--minutes 10] [--crashers tests/EditionBuilder.Tests/Fuzz/crashers]
if (args.Length == 2 && args[0] == "--explain")
{
    Console.WriteLine(ImportOracle.Explain(File.ReadAllBytes(args[1])));
    return 0;
}

var minutes = args.SkipWhile(a => a != "--minutes").Skip(1).Select(double.Parse).FirstOrDefault(10);
var crashers = args.SkipWhile(a => a != "--crashers").Skip(1).FirstOrDefault() ?? Path.Combine("tests", "EditionBuilder.Tests", "Fuzz", "crashers");
Directory.CreateDirectory(crashers);

var docx = args.SkipWhile(a => a != "--target").Skip(1).FirstOrDefault() == "docx";
var seedText = File.ReadAllBytes(Path.Combine("content", "russian-iranian-partnership", "source", "article.txt"));
var corpus = new List<byte[]>();
if (docx)
{
    corpus.AddRange([DocxCorpus.Seed(seedText), DocxCorpus.Rich()]);
}
else
{
    corpus.Add(seedText);
    corpus.AddRange(Directory.EnumerateFiles(Path.Combine("tests", "EditionBuilder.Tests", "Golden", "import"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
}

Func<byte[], string?> check = docx ? DocxOracle.Check : ImportOracle.Check;

var clock = Stopwatch.StartNew();
long executions = 0, findings = 0;
var arbitrary = (docx ? DocxMutations.Inputs(corpus) : Mutations.Inputs(corpus)).ToArbitrary();
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
        var name = Path.Combine(crashers, $"crash-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(failing))[..12]}.{(docx ? "docx" : "txt")}");
        File.WriteAllBytes(name, failing);
        Console.WriteLine($"finding {findings}: {why!.Split('\n')[0]} -> {name}");
    }

    Console.WriteLine($"{clock.Elapsed:mm\\:ss} {executions} executions, {findings} findings, {executions / Math.Max(1, clock.Elapsed.TotalSeconds):0} exec/s");
}

Console.WriteLine($"done: {executions} executions in {clock.Elapsed.TotalMinutes:0.0} minutes, {findings} findings");
return findings == 0 ? 0 : 1;
