// EditionBuilder's build: thin tasks that call the `edition` CLI (compiled once by Compile) and fail on a non-zero exit.
// Usage: ./build.sh [--target=<name>] [--content=content] [--output=artifacts/site] [--theme=<dir>] [--deploy-dir=artifacts/deploy/www]
//                   [--configuration=Release] [--port=8080]      (./build.sh --help lists the targets)
// Nothing here deletes the site, the cache, packages or deploy releases except the Clean target, asked for by name.
#load "paths.cake"
#load "parameters.cake"

BuildParameters parameters = null;

Setup(context =>
{
    parameters = new BuildParameters(context);
    Information($"EditionBuilder: target {parameters.Target}, content {parameters.Paths.Content}, site {parameters.Paths.Site}");
});

// Runs `dotnet edition.dll <args>` and throws on a non-zero exit; the CLI's output and diagnostics pass through unchanged.
void Edition(string stage, params string[] args)
{
    var arguments = new ProcessArgumentBuilder().AppendQuoted(parameters.Paths.Cli.FullPath);
    foreach (var arg in args) arguments.AppendQuoted(arg);
    var settings = new ProcessSettings { Arguments = arguments, WorkingDirectory = parameters.Paths.Root };
    if (!EnvironmentVariable("SOURCE_DATE_EPOCH", string.Empty).Any()) settings.EnvironmentVariables = SourceDateEpoch();
    var exit = StartProcess("dotnet", settings);
    if (exit != 0) throw new CakeException($"{stage} failed: edition {string.Join(" ", args)} exited with {exit}");
}

// Reproducible packages: the bag's date is the last commit's, not the clock's.
IDictionary<string, string> SourceDateEpoch()
{
    IEnumerable<string> output;
    var exit = StartProcess("git", new ProcessSettings { Arguments = "log -1 --format=%ct", RedirectStandardOutput = true, Silent = true }, out output);
    var epoch = exit == 0 ? output.FirstOrDefault() : null;
    return string.IsNullOrWhiteSpace(epoch) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = epoch.Trim() };
}

// The theme option, when one was given.
string[] ThemeArguments() => parameters.Theme is null ? new string[0] : new[] { "--theme", parameters.Paths.Theme.FullPath };

Task("Clean")
    .Description("Deletes artifacts/ (the compiled CLI, the site, the cache, packages and the default deploy target): only when asked by name.")
    .Does(() =>
{
    if (DirectoryExists(parameters.Paths.Artifacts)) DeleteDirectory(parameters.Paths.Artifacts, new DeleteDirectorySettings { Recursive = true, Force = true });
});

Task("Compile")
    .Description("Compiles the edition CLI into artifacts/bin (framework-dependent; later runs reuse obj/ and take seconds).")
    .Does(() =>
{
    Information("compiling the edition CLI into artifacts/bin (the first time restores packages and takes about a minute)");
    DotNetPublish(parameters.Paths.CliProject.FullPath, new DotNetPublishSettings
    {
        Configuration = parameters.Configuration,
        OutputDirectory = parameters.Paths.Bin,
        SelfContained = false,
        NoLogo = true,
        Verbosity = DotNetVerbosity.Minimal,
    });
});

// Set by Search: --search when the pinned Pagefind is installed (a failed index then fails the build), else --no-search.
string searchOption = "--no-search";

Task("Search")
    .Description("Decides whether Build indexes the site for search: with Pagefind installed in tools/node_modules (build.sh runs `npm ci --prefix tools` when Node.js is present) the index is required, otherwise the site is built without search and this says so once.")
    .IsDependentOn("Compile")
    .Does(() =>
{
    var pagefind = GetFiles(parameters.Paths.Root.FullPath + "/tools/node_modules/@pagefind/*/bin/pagefind*").Any();
    searchOption = pagefind ? "--search" : "--no-search";
    if (!pagefind) Warning("search skipped: Pagefind is not installed (install Node.js, then run `npm ci --prefix tools` or ./build.sh again); the site has no search page");
});

Task("Build")
    .Description("edition build: imports what needs importing, renders, minifies, verifies, indexes for search and precompresses the edition into --output, with the incremental cache in artifacts/.cache (the previous site is replaced only on success).")
    .IsDependentOn("Search")
    .Does(() =>
{
    Edition("Build", new[] { "build", parameters.Paths.Content.FullPath, "-o", parameters.Paths.Site.FullPath, "--cache", parameters.Paths.Cache.FullPath, searchOption }.Concat(ThemeArguments()).ToArray());
});

Task("Verify")
    .Description("Checks every link, fragment, note and lang/dir of the site already built in --output (edition build verifies as it builds; this re-checks a site on disk).")
    .IsDependentOn("Compile")
    .Does(() =>
{
    Edition("Verify", "verify", parameters.Paths.Site.FullPath);
});

Task("Package")
    .Description("Writes a BagIt bag and a zip of the built site under artifacts/package, then verifies them.")
    .IsDependentOn("Build")
    .Does(() =>
{
    Edition("Package", "package", parameters.Paths.Site.FullPath, "-o", parameters.Paths.Package.FullPath, "--content", parameters.Paths.Content.FullPath);
    foreach (var zip in GetFiles(parameters.Paths.Package.FullPath + "/*.zip").OrderBy(f => f.FullPath, StringComparer.Ordinal))
    {
        Edition("Package", "verify-package", zip.FullPath);
    }
});

Task("Deploy")
    .Description("Publishes the built site atomically to --deploy-dir (default artifacts/deploy/www), keeping the previous release for `edition rollback`.")
    .IsDependentOn("Build")
    .Does(() =>
{
    Edition("Deploy", "deploy", parameters.Paths.Site.FullPath, parameters.Paths.DeployTarget.FullPath);
});

Task("Test")
    .Description("Runs the whole test suite (the README's `dotnet test`).")
    .Does(() =>
{
    DotNetTest(parameters.Paths.Solution.FullPath, new DotNetTestSettings { Configuration = parameters.Configuration, NoLogo = true });
});

Task("Serve")
    .Description("Previews the edition on 127.0.0.1 (--port, default 8080) and rebuilds it on every change.")
    .IsDependentOn("Compile")
    .Does(() =>
{
    Edition("Serve", new[] { "serve", parameters.Paths.Content.FullPath, "--port", parameters.Port.ToString() }.Concat(ThemeArguments()).ToArray());
});

Task("Default")
    .Description("Builds and verifies the default edition into artifacts/site (the Build target).")
    .IsDependentOn("Build");

RunTarget(parameters?.Target ?? Argument("target", "Default"));
