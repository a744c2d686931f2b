using EditionBuilder.Cli;

namespace EditionBuilder.Tests.Support;

/// <summary>Runs the <c>edition</c> command in-process, capturing its exit code, stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    private static readonly object CurrentDirectoryGate = new();

    /// <summary>Runs an action with the process's current folder deleted (as for a user whose folder was removed under a running <c>edition serve</c>), under the same lock as <see cref="Run"/>.</summary>
    public static T InDeletedFolder<T>(Func<T> action)
    {
        lock (CurrentDirectoryGate)
        {
            var previous = Directory.GetCurrentDirectory();
            var gone = Path.Combine(Path.GetTempPath(), "edition-gone-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(gone);
            Directory.SetCurrentDirectory(gone);
            Directory.Delete(gone);
            try
            {
                return action();
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

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
