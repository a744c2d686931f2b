using Xunit;

namespace EditionBuilder.Tests.Support;

/// <summary>Compares output with a golden file kept in the repository; UPDATE_GOLDEN=1 rewrites it on purpose.</summary>
public static class Golden
{
    public static void Matches(string relativePath, string actual)
    {
        var path = Path.Combine(Repo.TestsFolder, "Golden", relativePath);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
