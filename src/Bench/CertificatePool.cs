using System.Reflection;

namespace Fedmd.Bench;

/// <summary>
/// A fixed set of RSA (2048 and 4096 bits) and EC (P-256, P-384) certificates shipped with the generator: key
/// generation cannot be seeded, and a fixed pool keeps a corpus identical for a seed.
/// </summary>
internal sealed class CertificatePool
{
    private CertificatePool(IReadOnlyList<string> rsa, IReadOnlyList<string> ec)
    {
        Rsa = rsa;
        Ec = ec;
    }

    /// <summary>Base64 DER of the RSA certificates.</summary>
    public IReadOnlyList<string> Rsa { get; }

    /// <summary>Base64 DER of the EC certificates.</summary>
    public IReadOnlyList<string> Ec { get; }

    /// <summary>Reads the embedded certificates.</summary>
    public static CertificatePool Load()
    {
        var assembly = typeof(CertificatePool).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith(".pem", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return new CertificatePool(
            [.. names.Where(n => n.Contains(".rsa-", StringComparison.Ordinal)).Select(n => Base64(assembly, n))],
            [.. names.Where(n => n.Contains(".ec-", StringComparison.Ordinal)).Select(n => Base64(assembly, n))]);
    }

    private static string Base64(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var pem = reader.ReadToEnd();
        return string.Concat(pem.Split('\n').Where(line => line.Length > 0 && !line.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim()));
    }
}
