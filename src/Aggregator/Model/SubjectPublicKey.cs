namespace Fedmd.Aggregator.Model;

/// <summary>A certificate's SubjectPublicKeyInfo as encoded: the algorithm, its parameters and the key's bits.</summary>
/// <param name="AlgorithmOid">The key algorithm, e.g. <c>1.2.840.113549.1.1.1</c> (rsaEncryption).</param>
/// <param name="Parameters">The AlgorithmIdentifier's parameters as DER (an EC key's named curve), or null when absent.</param>
/// <param name="Key">The subjectPublicKey BIT STRING's contents (an RSA key's RSAPublicKey DER, an EC point).</param>
public sealed record SubjectPublicKey(string AlgorithmOid, ReadOnlyMemory<byte>? Parameters, ReadOnlyMemory<byte> Key);
