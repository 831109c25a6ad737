using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Targets;

/// <summary>A place a publication goes: the local web root, or a remote mirror.</summary>
public interface IPublicationTarget
{
    /// <summary>A short name for logs and the run report, e.g. <c>local</c> or the mirror's name.</summary>
    string Name { get; }

    /// <summary>Publishes the set; throws when the target does not hold a verified copy afterwards.</summary>
    Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken);
}
