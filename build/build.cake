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
    .Description("Compiles the edition CLI into artifacts/bin (framework-dependent, ReadyToRun for this machine's runtime; later runs reuse obj/ and take seconds).")
    .Does(() =>
{
    Information("compiling the edition CLI into artifacts/bin (the first time restores packages and the ReadyToRun compiler and takes about a minute)");
    // ReadyToRun: the program and its libraries are compiled to native code here, once, instead of by the JIT every time the
    // program starts. A rebuild of the seed takes 0.2 s instead of 1 s (docs/performance.md, "Rebuilds"). The code is for this
    // machine's runtime identifier (linux-x64 here); it still needs the installed .NET 10 runtime.
    DotNetPublish(parameters.Paths.CliProject.FullPath, new DotNetPublishSettings
    {
        Configuration = parameters.Configuration,
        OutputDirectory = parameters.Paths.Bin,
        SelfContained = false,
        PublishReadyToRun = true,
        NoLogo = true,
        Verbosity = DotNetVerbosity.Minimal,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("UseCurrentRuntimeIdentifier", "true"),
    });
});

// Set by Search: the index is required (a failed index then fails the build).
string searchOption = "--search";

Task("Search")
    .Description("Decides how Build indexes the site for search: the edition's own index (the default engine, nothing to install), required.")
    .IsDependentOn("Compile")
    .Does(() =>
{
    searchOption = "--search";
});

Task("Build")
    .Description("edition build: imports what needs importing, renders, minifies, verifies, indexes for search and precompresses the edition into --output, with the incremental cache in artifacts/.cache (the previous site is replaced only on success).")
    .IsDependentOn("Search")
    .Does(() =>
{
    Edition("Build", new[] { "build", parameters.Paths.Content.FullPath, "-o", parameters.Paths.Site.FullPath, "--cache", parameters.Paths.Cache.FullPath, searchOption }.Concat(ThemeArguments()).ToArray());
});

Task("Import")
    .Description("Writes the Markdown chapters of every article of --content built from its source/ (edition import <source> -o <article>), for hand editing; chapters, abstracts and images you edited are never replaced (edition import refuses them and this target says which).")
    .IsDependentOn("Compile")
    .Does(() =>
{
    var refused = new List<string>();
    var imported = 0;
    foreach (var article in ArticleFoldersWithSource())
    {
        var sources = GetFiles(article.FullPath + "/source/*")
            .Where(f => IsSourceName(f.GetFilename().FullPath))
            .OrderBy(f => f.FullPath, StringComparer.Ordinal)
            .ToList();
        if (sources.Count != 1)
        {
            refused.Add($"{article}: source/ holds {sources.Count} source files; an article folder holds one (.docx or .txt)");
            continue;
        }

        // No --force: edition import refuses to change a chapter, abstract or image that differs from what the source gives,
        // since it may hold the editor's work. One article's refusal does not stop the others; the target fails at the end.
        try
        {
            Edition("Import", "import", sources[0].FullPath, "-o", article.FullPath);
            imported++;
        }
        catch (CakeException e)
        {
            refused.Add($"{article}: {e.Message}");
        }
    }

    if (refused.Count > 0)
    {
        throw new CakeException($"Import: {imported} article(s) imported, {refused.Count} left as they were:\n  " + string.Join("\n  ", refused)
            + "\nAn article whose chapters you edited keeps them; to start again from its source, run `edition import <source> -o <article> --force`.");
    }

    if (imported == 0) Warning($"Import: no article of {parameters.Paths.Content} is built from a source/ file; nothing to import");
    else Information($"Import: {imported} article(s) imported into their Markdown chapters; edit them by hand, then ./build.sh");
});

// The content folder's article folders that hold a source/ folder, in name order (theme/ and hidden folders are not articles).
IEnumerable<DirectoryPath> ArticleFoldersWithSource() =>
    GetSubDirectories(parameters.Paths.Content)
        .Where(d => d.GetDirectoryName() != "theme" && !d.GetDirectoryName().StartsWith(".") && DirectoryExists(d.Combine("source")))
        .OrderBy(d => d.FullPath, StringComparer.Ordinal);

// What ContentFolder takes for a source (SourceReader.IsSource): a text export or a Word file, not an editor's lock file or
// hidden; a .doc or .docm is handed to edition import too, which refuses it with the reason.
bool IsSourceName(string name) =>
    !name.StartsWith("~$") && !name.StartsWith(".")
    && new[] { ".txt", ".docx", ".docm", ".dotx", ".dotm", ".doc" }.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant());

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

// The runtime the Publish target builds for: the one release publishers download.
const string PublishRuntime = "linux-x64";

Task("Publish")
    .Description("Publishes `edition` for linux-x64 as one self-contained file (no .NET needed to run it) with the default theme beside it, into artifacts/publish/linux-x64 and artifacts/publish/edition-linux-x64.tar.gz; then builds and verifies the edition with it, with no dotnet on PATH.")
    .Does(() => PublishProgram(aot: false));

Task("PublishAot")
    .Description("Like Publish, compiled ahead of time to native code (Native AOT: starts in a fraction of the time, no JIT), into artifacts/publish/linux-x64-aot and edition-linux-x64-aot.tar.gz; needs a C toolchain (gcc or clang) and takes longer to compile.")
    .Does(() => PublishProgram(aot: true));

// Publish and PublishAot: the program and its theme in their own folder, smoke-tested, then archived.
void PublishProgram(bool aot)
{
    var name = aot ? $"{PublishRuntime}-aot" : PublishRuntime;
    var folder = parameters.Paths.Publish.Combine(name);
    // Only this target's own output is replaced: a file left from an older publish must not ship.
    if (DirectoryExists(folder)) DeleteDirectory(folder, new DeleteDirectorySettings { Recursive = true, Force = true });
    Information($"publishing the edition CLI for {PublishRuntime} into {folder} ({(aot ? "Native AOT" : "self-contained, one file, ReadyToRun")}; the first time restores the runtime packs)");
    // No .pdb files beside the program: a publisher gets the program and its theme, nothing else.
    var properties = new DotNetMSBuildSettings().WithProperty("DebugType", "none");
    // Native AOT reports trimming warnings the JIT build does not see (docs/developing.md, "Native AOT", lists them:
    // Scriban's dynamic binder for async custom functions, NUglify's culture constants, DocxPackage's Exception.TargetSite);
    // none is on a path the seed build takes, and the smoke test below builds and verifies the edition, so they stay warnings here.
    if (aot) properties = properties.WithProperty("PublishAot", "true").WithProperty("TreatWarningsAsErrors", "false");
    DotNetPublish(parameters.Paths.CliProject.FullPath, new DotNetPublishSettings
    {
        Configuration = parameters.Configuration,
        Runtime = PublishRuntime,
        SelfContained = true,
        PublishSingleFile = aot ? null : true,
        PublishReadyToRun = aot ? null : true,
        OutputDirectory = folder,
        NoLogo = true,
        Verbosity = DotNetVerbosity.Minimal,
        MSBuildSettings = properties,
    });

    var program = folder.CombineWithFilePath("edition");
    var site = parameters.Paths.Publish.Combine($"smoke-site-{name}");
    // The smoke test: the published program alone, in an empty environment with no dotnet on PATH (env -i), builds the
    // default edition and verifies it. The test PublishedProgramTests also hides the installed .NET and compares the site with
    // the framework-dependent build's, byte for byte.
    var empty = new[] { "-i", "PATH=/usr/bin:/bin", "HOME=" + parameters.Paths.Publish.FullPath, "LANG=C.UTF-8" };
    RunChecked("Publish", "env", empty.Concat(new[] { program.FullPath, "--version" }));
    RunChecked("Publish", "env", empty.Concat(new[] { program.FullPath, "build", parameters.Paths.Content.FullPath, "-o", site.FullPath, "--no-cache", "--no-search" }));
    RunChecked("Publish", "env", empty.Concat(new[] { program.FullPath, "verify", site.FullPath }));

    // One archive for publishers: edition and templates/ (the default theme, found beside the program), in a fixed order with
    // fixed owners and the last commit's time, so the same sources give the same bytes.
    var archive = parameters.Paths.Publish.CombineWithFilePath($"edition-{name}.tar.gz");
    var epoch = SourceDateEpoch().TryGetValue("SOURCE_DATE_EPOCH", out var value) ? value : "0";
    RunChecked("Publish", "tar", new[] { "--sort=name", "--owner=0", "--group=0", "--numeric-owner", $"--mtime=@{epoch}", "--use-compress-program=gzip -n", "-cf", archive.FullPath, "-C", folder.FullPath, "edition", "templates" });
    Information($"published {program} and {archive}");
}

// Runs a program with the given arguments and throws on a non-zero exit.
void RunChecked(string stage, string program, IEnumerable<string> args)
{
    var arguments = new ProcessArgumentBuilder();
    foreach (var arg in args) arguments.AppendQuoted(arg);
    var exit = StartProcess(program, new ProcessSettings { Arguments = arguments, WorkingDirectory = parameters.Paths.Root });
    if (exit != 0) throw new CakeException($"{stage} failed: {program} {string.Join(" ", args)} exited with {exit}");
}

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
