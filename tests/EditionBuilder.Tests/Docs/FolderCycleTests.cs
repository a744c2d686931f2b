using System.Text.RegularExpressions;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit;

namespace EditionBuilder.Tests.Docs;

/// <summary>The library's folders depend on each other in one direction, in the layers docs/architecture.md lists: a folder (a stage, with its subfolders) uses only its own layer and earlier ones, a writer never uses another writer, and no folder reaches itself; read from the compiled code (signatures and method bodies), not from `using` lines.</summary>
public partial class FolderCycleTests
{
    private const string Root = "EditionBuilder";

    private static readonly Lazy<FolderGraph> Library = new(() => FolderGraph.Of(typeof(SiteBuild).Assembly.Location));

    [Fact]
    public void Given_the_library_When_its_folders_dependencies_are_read_Then_no_folder_reaches_itself()
    {
        var cycles = Library.Value.Cycles();

        Assert.True(cycles.Count == 0, "the library's folders depend on each other in a circle:\n"
            + string.Join("\n", cycles.Select(c => Library.Value.Describe(c) + "; all of " + string.Join(", ", Library.Value.Circle(c[0])) + " reach each other")));
    }

    [Fact]
    public void Given_the_library_When_its_folders_dependencies_are_read_Then_the_known_ones_are_found()
    {
        // The graph is read from method bodies too: a reader that saw nothing would find no cycle either.
        var graph = Library.Value;

        Assert.Contains("Markdown", graph.DependenciesOf("Parse"));
        Assert.Contains("Model", graph.DependenciesOf("Import"));
        Assert.Contains("Writers", graph.DependenciesOf("Epub"));
        Assert.Contains("SiteVerifier", graph.Uses("Pipeline", "Verify").Select(u => u.To));
    }

    [Fact]
    public void Given_the_library_When_its_content_folder_reading_is_read_Then_it_neither_imports_nor_writes_Markdown()
    {
        // An article folder that holds only its source is handed to ISourceImport, which the import stage implements.
        var uses = Library.Value.DependenciesOf("Content");

        Assert.DoesNotContain("Import", uses);
        Assert.DoesNotContain("Markdown", uses);
        Assert.Contains("ISourceImport", Library.Value.Uses("Import", "Content").Select(u => u.To));
    }

    [Fact]
    public void Given_the_library_When_its_folders_are_checked_against_the_documented_layers_Then_none_uses_a_later_layer_or_a_writer_another()
    {
        var problems = Library.Value.AgainstLayers(DocumentedLayers());

        Assert.True(problems.Count == 0, "the library's folders break the layers of docs/architecture.md:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Given_the_architecture_document_When_its_layers_are_read_Then_they_run_from_the_shared_folders_to_the_build()
    {
        // A table the reader could not parse would pass the check above with every folder unplaced only if that were reported too; pin the shape.
        var layers = DocumentedLayers();

        Assert.Equal(["Diagnostics", "Files", "Site", "Model"], layers[0].Folders);
        Assert.Contains(layers, l => l.Apart && l.Folders.Contains("Epub") && l.Folders.Contains("Render") && l.Folders.Contains("Feeds"));
        Assert.Equal(["Pipeline"], layers[^2].Folders);
        Assert.True(layers.Count >= 8, $"only {layers.Count} layers read");
    }

    [Fact]
    public void Given_a_folder_that_uses_a_later_layer_When_checked_Then_the_pair_of_folders_and_the_types_are_named()
    {
        var graph = new FolderGraph();
        graph.Add("Epub", "EpubStyle", "Verify", "SiteVerifier");
        graph.Add("Epub", "EpubTemplates", "Verify", "HtmlScanner");
        graph.Add("Verify", "SiteVerifier", "Site", "SiteFile");

        var problem = Assert.Single(graph.AgainstLayers(ThreeLayers));

        Assert.Equal("Epub (layer 2, writers) uses Verify (layer 3, site checks), a later layer: EpubStyle uses SiteVerifier; EpubTemplates uses HtmlScanner", problem);
    }

    [Fact]
    public void Given_a_writer_that_uses_another_writer_When_checked_Then_the_two_writers_and_the_types_are_named()
    {
        var graph = new FolderGraph();
        graph.Add("Feeds", "FeedXml", "Epub", "XmlText");
        graph.Add("Epub", "EpubWriter", "Site", "SiteFile");

        var problem = Assert.Single(graph.AgainstLayers(ThreeLayers));

        Assert.Equal("Feeds uses Epub, another folder of layer 2 (writers), whose folders never use each other: FeedXml uses XmlText", problem);
    }

    [Fact]
    public void Given_a_folder_the_layers_do_not_place_When_checked_Then_it_is_named()
    {
        var graph = new FolderGraph();
        graph.Add("Gallery", "GalleryWriter", "Site", "SiteFile");

        Assert.Equal(["Gallery is in no layer of docs/architecture.md: place it"], graph.AgainstLayers(ThreeLayers));
    }

    [Fact]
    public void Given_folders_that_use_their_own_layer_and_earlier_ones_When_checked_Then_nothing_is_reported()
    {
        var graph = new FolderGraph();
        graph.Add("Epub", "EpubWriter", "Site", "SiteFile");
        graph.Add("Verify", "SiteVerifier", "Site", "SiteFile");
        graph.Add("Verify", "SiteVerifier", "Search", "SearchIndex");
        graph.Add("Search", "SearchIndex", "Epub", "EpubWriter");

        Assert.Empty(graph.AgainstLayers(ThreeLayers));
    }

    private static readonly List<Layer> ThreeLayers =
    [
        new(1, "shared", ["Site"], Apart: false),
        new(2, "writers", ["Epub", "Feeds"], Apart: true),
        new(3, "site checks", ["Verify", "Search"], Apart: false),
    ];

    /// <summary>The rows of the layer table in docs/architecture.md: "| 1. shared | `Diagnostics/`, `Files/` | together |".</summary>
    private static List<Layer> DocumentedLayers()
    {
        var document = File.ReadAllText(Path.Combine(Repo.Root, "docs", "architecture.md"));
        return LayerRow().Matches(document).Select(m => new Layer(
                int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["name"].Value.Trim(),
                [.. FolderSpan().Matches(m.Groups["folders"].Value).Select(f => f.Groups["folder"].Value)],
                m.Groups["within"].Value == "apart"))
            .ToList();
    }

    [GeneratedRegex(@"^\| (?<number>\d+)\. (?<name>[^|]+)\| (?<folders>[^|]+)\| (?<within>together|apart) \|$", RegexOptions.Multiline)]
    private static partial Regex LayerRow();

    [GeneratedRegex(@"`(?<folder>[A-Z][A-Za-z0-9]*)/`")]
    private static partial Regex FolderSpan();

    /// <summary>One row of the layer table: its folders use only their own layer and earlier ones; apart, they never use each other.</summary>
    private sealed record Layer(int Number, string Name, IReadOnlyList<string> Folders, bool Apart);

    [Fact]
    public void Given_folders_in_a_circle_When_the_cycles_are_looked_for_Then_the_circle_is_named_with_the_types_that_make_it()
    {
        var graph = new FolderGraph();
        graph.Add("Content", "ContentFolder", "Import", "SourceReader");
        graph.Add("Import", "SourceReader", "Content", "ArticleMetadata");
        graph.Add("Import", "SourceReader", "Model", "Article");
        graph.Add("Parse", "ArticleParser", "Content", "ArticleContent");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal("Content → Import → Content (ContentFolder uses SourceReader; SourceReader uses ArticleMetadata)", graph.Describe(cycle));
    }

    [Fact]
    public void Given_folders_in_one_direction_When_the_cycles_are_looked_for_Then_none_is_found()
    {
        var graph = new FolderGraph();
        graph.Add("Parse", "ArticleParser", "Markdown", "EditionMarkdown");
        graph.Add("Markdown", "ChapterReader", "Content", "MarkdownFile");
        graph.Add("Parse", "ArticleParser", "Content", "ArticleContent");

        Assert.Empty(graph.Cycles());
    }

    /// <summary>Which top-level folder of the library uses which, with the types that make each dependency.</summary>
    private sealed class FolderGraph
    {
        private readonly SortedDictionary<string, SortedDictionary<string, SortedSet<(string From, string To)>>> _edges = new(StringComparer.Ordinal);

        public static FolderGraph Of(string assemblyPath)
        {
            var graph = new FolderGraph();
            using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
            foreach (var type in assembly.MainModule.GetTypes())
            {
                foreach (var used in UsedTypes(type)) graph.Add(type, used);
            }

            return graph;
        }

        public void Add(string from, string fromType, string to, string toType)
        {
            if (from == to) return;
            if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = new(StringComparer.Ordinal);
            if (!targets.TryGetValue(to, out var uses)) targets[to] = uses = [];
            uses.Add((fromType, toType));
        }

        public IReadOnlyCollection<string> DependenciesOf(string folder) => _edges.TryGetValue(folder, out var targets) ? targets.Keys : [];

        public IReadOnlyCollection<(string From, string To)> Uses(string from, string to) =>
            _edges.TryGetValue(from, out var targets) && targets.TryGetValue(to, out var uses) ? uses : [];

        /// <summary>Each folder the layers do not place, each use of a later layer, and each use between folders of a layer kept apart, with the types that make it.</summary>
        public List<string> AgainstLayers(IReadOnlyList<Layer> layers)
        {
            var layerOf = layers.SelectMany(l => l.Folders.Select(f => (Folder: f, Layer: l))).ToDictionary(p => p.Folder, p => p.Layer, StringComparer.Ordinal);
            var problems = new List<string>();
            var folders = _edges.Keys.Concat(_edges.Values.SelectMany(t => t.Keys)).Distinct().Order(StringComparer.Ordinal);
            problems.AddRange(folders.Where(f => !layerOf.ContainsKey(f)).Select(f => $"{f} is in no layer of docs/architecture.md: place it"));
            foreach (var (from, targets) in _edges)
            {
                if (!layerOf.TryGetValue(from, out var fromLayer)) continue;
                foreach (var (to, uses) in targets)
                {
                    if (!layerOf.TryGetValue(to, out var toLayer)) continue;
                    var types = string.Join("; ", uses.Select(u => $"{u.From} uses {u.To}"));
                    if (toLayer.Number > fromLayer.Number)
                    {
                        problems.Add($"{from} (layer {fromLayer.Number}, {fromLayer.Name}) uses {to} (layer {toLayer.Number}, {toLayer.Name}), a later layer: {types}");
                    }
                    else if (toLayer == fromLayer && fromLayer.Apart)
                    {
                        problems.Add($"{from} uses {to}, another folder of layer {fromLayer.Number} ({fromLayer.Name}), whose folders never use each other: {types}");
                    }
                }
            }

            return problems;
        }

        /// <summary>One shortest circle through each group of folders that reach each other, each listed from its first folder in name order.</summary>
        public List<List<string>> Cycles()
        {
            var cycles = new List<List<string>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in _edges.Keys)
            {
                if (seen.Contains(start) || ShortestPath(start, start) is not { } cycle) continue;
                foreach (var folder in Circle(start)) seen.Add(folder);
                cycles.Add(cycle);
            }

            return cycles;
        }

        /// <summary>"A → B → A (TypeA uses TypeB; TypeB uses TypeA)": each step with one pair of types that makes it.</summary>
        public string Describe(List<string> cycle)
        {
            var steps = cycle.Zip(cycle.Skip(1)).Select(step => Uses(step.First, step.Second).First()).Select(u => $"{u.From} uses {u.To}");
            return string.Join(" → ", cycle) + " (" + string.Join("; ", steps) + ")";
        }

        /// <summary>The folders on some circle through start: those it reaches that reach it back.</summary>
        public IEnumerable<string> Circle(string start) =>
            _edges.Keys.Where(f => f == start || (ShortestPath(start, f) is not null && ShortestPath(f, start) is not null));

        // Breadth first, neighbours in name order, so the same code gives the same message.
        private List<string>? ShortestPath(string from, string to)
        {
            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            var queue = new Queue<string>([from]);
            while (queue.Count > 0)
            {
                var folder = queue.Dequeue();
                foreach (var next in DependenciesOf(folder))
                {
                    if (next == to)
                    {
                        var path = new List<string> { to, folder };
                        for (var at = folder; at != from; at = previous[at]) path.Add(previous[at]);
                        path.Reverse();
                        return path;
                    }

                    if (next != from && previous.TryAdd(next, folder)) queue.Enqueue(next);
                }
            }

            return null;
        }

        private void Add(TypeDefinition from, TypeReference to)
        {
            var outer = Outermost(from);
            var target = Outermost(to);
            if (Folder(outer) is { } fromFolder && Folder(target) is { } toFolder) Add(fromFolder, outer.Name, toFolder, target.Name);
        }

        private static TypeReference Outermost(TypeReference type)
        {
            while (type.DeclaringType is not null) type = type.DeclaringType;
            return type;
        }

        // The first namespace part under the library's ("EditionBuilder.Import.Docx" is Import); null for a type of another assembly.
        private static string? Folder(TypeReference type)
        {
            if (!type.Namespace.StartsWith(Root + ".", StringComparison.Ordinal)) return null;
            if (type.Scope is AssemblyNameReference reference && reference.Name != Root) return null;
            return type.Namespace[(Root.Length + 1)..].Split('.')[0];
        }

        // Every type the type names: its base, interfaces, attributes, members' signatures, and what its method bodies touch.
        private static IEnumerable<TypeReference> UsedTypes(TypeDefinition type)
        {
            var named = new List<TypeReference?> { type.BaseType };
            named.AddRange(type.Interfaces.Select(i => i.InterfaceType));
            named.AddRange(type.CustomAttributes.Select(a => a.AttributeType));
            named.AddRange(type.Fields.Select(f => f.FieldType));
            named.AddRange(type.Properties.Select(p => p.PropertyType));
            named.AddRange(type.Events.Select(e => e.EventType));
            foreach (var method in type.Methods)
            {
                named.Add(method.ReturnType);
                named.AddRange(method.Parameters.Select(p => p.ParameterType));
                named.AddRange(method.CustomAttributes.Select(a => a.AttributeType));
                if (!method.HasBody) continue;
                named.AddRange(method.Body.Variables.Select(v => v.VariableType));
                foreach (var instruction in method.Body.Instructions) named.AddRange(Operand(instruction));
            }

            return named.OfType<TypeReference>().SelectMany(Unwrapped);
        }

        private static IEnumerable<TypeReference?> Operand(Instruction instruction) => instruction.Operand switch
        {
            TypeReference type => [type],
            GenericInstanceMethod method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType), .. method.GenericArguments],
            MethodReference method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType)],
            FieldReference field => [field.DeclaringType, field.FieldType],
            _ => [],
        };

        // List<ArticleContent>[] names List, ArticleContent; a generic parameter names nothing.
        private static IEnumerable<TypeReference> Unwrapped(TypeReference type) => type switch
        {
            GenericInstanceType generic => Unwrapped(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Unwrapped)),
            GenericParameter => [],
            TypeSpecification specification => Unwrapped(specification.ElementType),
            _ => [type],
        };
    }
}
