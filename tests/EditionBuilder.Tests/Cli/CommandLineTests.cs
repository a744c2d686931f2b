using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>The command line as a user meets it: help generated from the options, and a mistyped name answered with the nearest one.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("import", "--output")]
    [InlineData("build", "--output", "--theme", "--precompress", "--cache", "--no-cache")]
    [InlineData("verify")]
    [InlineData("package", "--output", "--content", "--name")]
    [InlineData("verify-package")]
    [InlineData("deploy")]
    [InlineData("rollback")]
    [InlineData("serve", "--port", "--theme")]
    public void Given_a_command_When_asked_for_its_help_Then_every_option_is_listed(string command, params string[] options)
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"edition {command}", result.Output);
        Assert.All(options, option => Assert.Contains(option, result.Output));
    }

    [Fact]
    public void Given_edition_help_Then_every_command_is_listed()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.All(["import", "build", "verify", "package", "verify-package", "deploy", "rollback", "serve"], c => Assert.Contains($"  {c} ", result.Output));
    }

    [Theory]
    [InlineData(new[] { "biuld" }, "edition: unknown command 'biuld'; did you mean 'build'?")]
    [InlineData(new[] { "serv" }, "edition: unknown command 'serv'; did you mean 'serve'?")]
    [InlineData(new[] { "build", "--outptu", "site" }, "edition: unknown option '--outptu'; did you mean '--output'?")]
    [InlineData(new[] { "build", "--them", "x" }, "edition: unknown option '--them'; did you mean '--theme'?")]
    [InlineData(new[] { "help", "deplyo" }, "edition: unknown command 'deplyo'; did you mean 'deploy'?")]
    public void Given_a_mistyped_command_or_option_When_run_Then_exit_2_and_the_nearest_name_is_suggested(string[] args, string message)
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Errors.Split('\n'));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Given_an_unknown_word_far_from_every_command_When_run_Then_no_suggestion_is_made()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "xylophone");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("edition: unknown command 'xylophone'\n", result.Errors);
    }
}
