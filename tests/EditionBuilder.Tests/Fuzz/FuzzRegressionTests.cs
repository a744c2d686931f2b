using EditionBuilder.Fuzz;
using EditionBuilder.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EditionBuilder.Tests.Fuzz;

/// <summary>Every input the fuzzer ever found stays fixed, and a short fuzz run is part of every test run.</summary>
public class FuzzRegressionTests
{
    public static TheoryData<string> Crashers()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.TestsFolder, "Fuzz", "crashers")).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Crashers))]
    public void Given_an_input_the_fuzzer_once_broke_When_imported_Then_it_is_rejected_cleanly_or_reads_back_exactly(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Fuzz", "crashers", name));
        var problem = name.EndsWith(".docx", StringComparison.Ordinal) ? DocxOracle.Check(bytes) : ImportOracle.Check(bytes);

        Assert.Null(problem);
    }

    public static TheoryData<string> MetadataCrashers()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.TestsFolder, "Fuzz", "metadata-crashers")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(MetadataCrashers))]
    public void Given_a_metadata_file_the_fuzzer_once_broke_When_read_Then_it_is_rejected_with_positions_or_round_trips(string name)
    {
        Assert.Null(MetadataOracle.Check(File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Fuzz", "metadata-crashers", name))));
    }

    [Fact]
    public void Given_a_thousand_mutated_metadata_files_When_read_Then_none_throws_every_error_is_positioned_and_what_is_accepted_round_trips()
    {
        var corpus = Directory.EnumerateFiles(Path.Combine(Repo.TestsFolder, "Fuzz", "metadata-corpus")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var accepted = 0;

        var property = Prop.ForAll(Mutations.Inputs(corpus, Mutations.YamlTokens).ToArbitrary(), input =>
        {
            var problem = MetadataOracle.Check(input);
            if (EditionBuilder.Content.MetadataYaml.ReadArticle("a.yml", System.Text.Encoding.UTF8.GetString(input), new EditionBuilder.Diagnostics.DiagnosticBag()) is not null) Interlocked.Increment(ref accepted);
            return (problem is null).Label(problem ?? string.Empty);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
        Assert.InRange(accepted, 100, 1000);
    }

    [Fact]
    public void Given_a_thousand_mutated_exports_When_imported_Then_none_throws_and_every_accepted_one_reads_back()
    {
        var corpus = new[] { Repo.SeedBytes() }
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.TestsFolder, "Golden", "import"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes))
            .ToList();

        var property = Prop.ForAll(Mutations.Inputs(corpus).ToArbitrary(), input =>
        {
            var problem = ImportOracle.Check(input);
            return (problem is null).Label(problem ?? string.Empty);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), property);
    }

    [Fact]
    public void Given_two_hundred_mutated_word_documents_When_imported_Then_none_throws_and_every_accepted_one_reads_back()
    {
        var corpus = new[] { DocxCorpus.Seed(Repo.SeedBytes()), DocxCorpus.Rich() };

        var property = Prop.ForAll(DocxMutations.Inputs(corpus).ToArbitrary(), input =>
        {
            var problem = DocxOracle.Check(input);
            return (problem is null).Label(problem ?? string.Empty);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void Given_the_fuzzers_corpus_documents_When_imported_Then_they_behave()
    {
        Assert.Null(DocxOracle.Check(DocxCorpus.Seed(Repo.SeedBytes())));
        Assert.Null(DocxOracle.Check(DocxCorpus.Rich()));
    }
}
