// The build's arguments, read once in Setup.
public sealed class BuildParameters
{
    public BuildParameters(ICakeContext context)
    {
        Target = context.Argument("target", "Default");
        Configuration = context.Argument("configuration", "Release");
        Content = context.Argument("content", "content");
        Output = context.Argument("output", "artifacts/site");
        Theme = context.Argument<string>("theme", null);
        DeployDir = context.Argument("deploy-dir", "artifacts/deploy/www");
        Port = context.Argument("port", 8080);
        Paths = new BuildPaths(context, Content, Output, Theme, DeployDir);
    }

    public string Target { get; }
    public string Configuration { get; }
    public string Content { get; }
    public string Output { get; }
    public string Theme { get; }
    public string DeployDir { get; }
    public int Port { get; }
    public BuildPaths Paths { get; }
}
