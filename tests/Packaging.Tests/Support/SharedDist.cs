namespace Fedmd.Tests.Packaging.Support;

/// <summary>Every packaging test shares one build of <c>dist/</c>, and they run one after another (dpkg is machine-wide).</summary>
[CollectionDefinition(Name)]
public sealed class SharedDist : ICollectionFixture<DistArtifacts>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "dist";
}
