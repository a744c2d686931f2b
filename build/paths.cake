// Every path the build uses, in one place.
public sealed class BuildPaths
{
    public BuildPaths(ICakeContext context, string content, string output, string theme, string deployDir)
    {
        // Cake runs with build/ as its working folder; everything is relative to the repository root above it.
        Root = context.Environment.WorkingDirectory.Combine("..").Collapse();
        Solution = Root.CombineWithFilePath("EditionBuilder.sln");
        CliProject = Root.CombineWithFilePath("src/EditionBuilder.Cli/EditionBuilder.Cli.csproj");
        Artifacts = Root.Combine("artifacts");
        Bin = Artifacts.Combine("bin");
        Cli = Bin.CombineWithFilePath("edition.dll");
        Cache = Artifacts.Combine(".cache");
        Content = Resolve(content);
        Site = Resolve(output);
        Theme = theme is null ? null : Resolve(theme);
        Package = Artifacts.Combine("package");
        Publish = Artifacts.Combine("publish");
        DeployTarget = Resolve(deployDir);
    }

    // An argument's path: absolute as given, relative to the repository root otherwise.
    private DirectoryPath Resolve(string path) =>
        System.IO.Path.IsPathRooted(path) ? new DirectoryPath(path) : Root.Combine(path).Collapse();

    public DirectoryPath Root { get; }
    public FilePath Solution { get; }
    public FilePath CliProject { get; }
    public DirectoryPath Artifacts { get; }
    public DirectoryPath Bin { get; }
    public FilePath Cli { get; }
    public DirectoryPath Cache { get; }
    public DirectoryPath Content { get; }
    public DirectoryPath Site { get; }
    public DirectoryPath Theme { get; }
    public DirectoryPath Package { get; }
    public DirectoryPath Publish { get; }
    public DirectoryPath DeployTarget { get; }
}
