namespace Fedmd.Publisher.Local;

/// <summary>One file of a publication: its name inside the web root and its content.</summary>
/// <param name="Name">File name relative to the web root, e.g. <c>federation-metadata.xml</c>.</param>
/// <param name="Content">The bytes to publish.</param>
public sealed record PublicationFile(string Name, byte[] Content);
