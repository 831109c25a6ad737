using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Sources;

namespace Fedmd.Pass.Steps;

/// <summary>
/// Collects the pass's input: the registry's entity files at the path it is given, then every source some feed
/// imports, fetched one after the other (each falls back to its last good copy on its own). Their bytes go to the
/// pass's spool when it has one.
/// </summary>
public sealed class CollectStep(long maxEntityBytes, SourceImporter importer, IReadOnlyList<SourceDefinition> sources) : IPassStep<string, Collected>
{
    /// <inheritdoc />
    public async Task<Collected> RunAsync(string input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = new RegistryDirectory(input, maxEntityBytes, context.Spool).ReadItems();
        var imports = new List<SourceImport>();
        foreach (var source in sources)
        {
            imports.Add(await importer.ImportAsync(source, context.Spool, cancellationToken).ConfigureAwait(false));
        }

        return new Collected(input, items, imports);
    }
}
