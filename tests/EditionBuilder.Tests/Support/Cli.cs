using EditionBuilder.Cli;

namespace EditionBuilder.Tests.Support;

/// <summary>Runs the <c>edition</c> command in-process, capturing its exit code, stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    private static readonly object CurrentDirectoryGate = new();

    public static Result Run(string workingDirectory, params string[] args)
    {
        lock (CurrentDirectoryGate)
        {
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var output = new StringWriter();
                var errors = new StringWriter();
                var code = EditionProgram.Run(args, output, errors);
                return new Result(code, output.ToString(), errors.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }
}
