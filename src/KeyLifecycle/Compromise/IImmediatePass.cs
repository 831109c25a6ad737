namespace Fedmd.KeyLifecycle.Compromise;

/// <summary>One publication pass run at once, as <c>fedmd run --once</c> runs it, so a removed key leaves the feeds now.</summary>
public interface IImmediatePass
{
    /// <summary>Runs the pass; returns its summary lines. Throws <see cref="Fedmd.Metadata.Failures.FedmdException"/> when it fails.</summary>
    IReadOnlyList<string> Run();
}
