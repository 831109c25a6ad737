namespace Fedmd.KeyLifecycle.Saml;

/// <summary>The common name of an entity's self-signed SAML certificate: the entityID's host, as is customary.</summary>
internal static class CertificateSubject
{
    public static string For(string entityId) =>
        Uri.TryCreate(entityId, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host) ? uri.Host : entityId[..Math.Min(entityId.Length, 64)];
}
