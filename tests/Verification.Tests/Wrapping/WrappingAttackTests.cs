using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification.Wrapping;

/// <summary>
/// The wrapping-attack suite. Every variant is refused by the strict verifier, and xmlsec1 (given only the bare public
/// key, and told which element holds the ID) accepts every variant, which proves that each is a real attack whose
/// signature still holds and that the refusal comes from the signature profile, not from broken cryptography.
/// </summary>
public sealed class WrappingAttackTests : IDisposable
{
    private static readonly (RSA Key, X509Certificate2 Certificate) Federation = TestCertificates.CreateRsa("fedmd-wrapping-suite");
    private static readonly (RSA Key, X509Certificate2 Certificate) Attacker = TestCertificates.CreateRsa("attacker");
    private static readonly byte[] Legitimate = SampleMetadata.Sign(Federation.Key, Federation.Certificate);

    private readonly TemporaryDirectory _directory = new();
    private readonly string _certificateFile;
    private readonly WrappingAttacks _attacks = new(Federation.Key, Federation.Certificate, Legitimate);

    public WrappingAttackTests()
    {
        _certificateFile = TestCertificates.WritePem(Federation.Certificate, _directory.Combine("federation.crt"));
    }

    public static TheoryData<string> Variants =>
    [
        "wrapped-in-new-root", "second-element-with-same-id", "reference-to-child-entity", "two-signatures",
        "signature-not-first-child", "extra-transform", "different-transform", "inclusive-signed-info-c14n", "sha1-signature", "sha1-digest",
        "attacker-keyinfo", "comment-in-signed-text", "dtd-with-entities",
    ];

    /// <summary>
    /// Every way the strict verifier can run: streaming (the gate), the DOM reference, and streaming with the
    /// signature read last (the self-check while the signer writes).
    /// </summary>
    public static TheoryData<string> Paths => ["streaming", "dom", "signature-last"];

    // A DTD is outside the byte-level subset, which the signature-last mode refuses as such (tested on its own).
    public static TheoryData<string, string> VariantsOnBothPaths()
    {
        var data = new TheoryData<string, string>();
        foreach (var variant in Variants)
        {
            data.Add(variant, "streaming");
            data.Add(variant, "dom");
            if (variant != "dtd-with-entities")
            {
                data.Add(variant, "signature-last");
            }
        }

        return data;
    }

    [Fact]
    public void The_signature_last_mode_refuses_a_dtd_as_outside_its_subset()
    {
        var result = Verify(Verifier(), "signature-last", Attack("dtd-with-entities").Document);

        Assert.False(result.IsValid);
        Assert.Contains("outside the byte-level subset", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_legitimate_document_is_accepted_by_the_strict_verifier_xmlsec1_and_samlsign(string verifierPath)
    {
        var path = Write("legitimate.xml", Legitimate);

        var result = Verify(Verifier(), verifierPath, Legitimate);

        Assert.True(result.IsValid, result.Failure);
        Assert.Equal(CertificateFingerprint.Of(Federation.Certificate, FingerprintAlgorithm.Sha256), result.Signer);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(path, _certificateFile), IndependentVerifiers.Xmlsec1(path, _certificateFile).Output);
        Assert.True(IndependentVerifiers.SamlsignAccepts(path, _certificateFile), IndependentVerifiers.Samlsign(path, _certificateFile).Output);
    }

    [Theory]
    [MemberData(nameof(VariantsOnBothPaths))]
    public void Every_wrapping_variant_is_refused_for_the_profile_reason(string variant, string verifierPath)
    {
        var attack = Attack(variant);

        var byCertificate = Verify(Verifier(), verifierPath, attack.Document);
        var byFingerprint = Verify(new StrictVerifier(new VerificationOptions
        {
            PinnedFingerprints = [CertificateFingerprint.OfPublicKey(Federation.Certificate, FingerprintAlgorithm.Sha256)],
        }), verifierPath, attack.Document);

        Assert.False(byCertificate.IsValid, $"{variant} was accepted");
        Assert.Contains(attack.Reason, byCertificate.Failure, StringComparison.Ordinal);
        Assert.False(byFingerprint.IsValid, $"{variant} was accepted with a pinned fingerprint");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Xmlsec1_accepts_every_variant_because_its_signature_still_holds(string variant)
    {
        var attack = Attack(variant);
        var independent = attack.Xmlsec1;

        var path = Write(variant + ".xml", attack.Document);
        var certificate = independent.Certificate is null ? _certificateFile : TestCertificates.WritePem(independent.Certificate, _directory.Combine(variant + ".crt"));

        var result = IndependentVerifiers.Xmlsec1(path, certificate, independent.IdElement);

        Assert.True(result.ExitCode == 0 && result.Output.Contains("OK", StringComparison.Ordinal), $"{variant}: {result.Output}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_signature_by_an_unpinned_key_is_refused_even_when_its_certificate_is_in_key_info(string verifierPath)
    {
        var document = _attacks.AttackerKeyInfo(Attacker.Key, Attacker.Certificate);

        var result = Verify(new StrictVerifier(new VerificationOptions
        {
            PinnedFingerprints = [CertificateFingerprint.Of(Federation.Certificate, FingerprintAlgorithm.Sha256)],
        }), verifierPath, document);

        Assert.False(result.IsValid);
        Assert.Contains("matches none of the pinned fingerprints", result.Failure, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static VerificationResult Verify(StrictVerifier verifier, string path, byte[] document) => path switch
    {
        "dom" => verifier.VerifyWithDom(document),
        "signature-last" => verifier.VerifyWithSignatureLast(new MemoryStream(document, writable: false), (offset, length) => document.AsSpan((int)offset, length).ToArray()),
        _ => verifier.Verify(document),
    };

    private static StrictVerifier Verifier() => new(new VerificationOptions { PinnedCertificates = [Federation.Certificate] });

    private string Write(string name, byte[] bytes)
    {
        var path = _directory.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>
    /// One variant, the reason the profile gives, and how xmlsec1 checks that its signature still holds: every variant
    /// is a real attack, refused for its shape and never because its cryptography is broken.
    /// </summary>
    private Variant Attack(string name) => name switch
    {
        "wrapped-in-new-root" => new(_attacks.WrappedInNewRoot(), "not the root element's first child", new("EntitiesDescriptor")),
        "second-element-with-same-id" => new(_attacks.SecondElementWithTheSameId(), "carries the root's ID", new("EntitiesDescriptor")),
        "reference-to-child-entity" => new(_attacks.ReferenceToChildEntity(), "the Reference URI is '#_child-entity'", new("EntityDescriptor")),
        "two-signatures" => new(_attacks.TwoSignatures(), "holds 2 ds:Signature elements", new("EntitiesDescriptor")),
        "signature-not-first-child" => new(_attacks.SignatureNotFirstChild(), "not the root element's first child", new("EntitiesDescriptor")),
        "extra-transform" => new(_attacks.ExtraTransform(), "the profile requires exactly enveloped-signature then exclusive c14n", new("EntitiesDescriptor")),
        "different-transform" => new(_attacks.DifferentTransform(), "the profile requires exactly enveloped-signature then exclusive c14n", new("EntitiesDescriptor")),
        "inclusive-signed-info-c14n" => new(_attacks.InclusiveSignedInfoCanonicalization(), "not exclusive c14n", new("EntitiesDescriptor")),
        "sha1-signature" => new(_attacks.Sha1Signature(), "is not on the allow-list", new("EntitiesDescriptor")),
        "sha1-digest" => new(_attacks.Sha1Digest(), "is not SHA-256 or stronger", new("EntitiesDescriptor")),
        "attacker-keyinfo" => new(_attacks.AttackerKeyInfo(Attacker.Key, Attacker.Certificate), "does not verify with any pinned key", new("EntitiesDescriptor", Attacker.Certificate)),
        "comment-in-signed-text" => new(_attacks.CommentInSignedText(), "a comment splits the text", new("EntitiesDescriptor")),
        "dtd-with-entities" => new(_attacks.DtdWithEntities(), "DTD", new("EntitiesDescriptor")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown variant"),
    };

    private sealed record Variant(byte[] Document, string Reason, Xmlsec1Check Xmlsec1);

    /// <summary>
    /// The element xmlsec1 takes the ID from (for second-element-with-same-id the nested original, not the attacker's
    /// root) and, when not the federation's, the key that made the signature.
    /// </summary>
    private sealed record Xmlsec1Check(string IdElement, X509Certificate2? Certificate = null);
}
