using System.Text.Json.Serialization;

namespace Fedmd.Signer.Audit;

/// <summary>
/// The audit line's JSON contract, generated at build time: reflection-based serialisation spent about 0.1 s of
/// every <c>fedmd sign</c> building its metadata. The default options, so the text is what reflection writes.
/// </summary>
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
