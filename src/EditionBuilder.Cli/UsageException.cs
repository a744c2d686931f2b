namespace EditionBuilder.Cli;

/// <summary>A mistake in how the command was called: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
