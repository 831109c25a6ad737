using System.Globalization;
using System.Text;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// What an operator signs with their SSH key to approve one change: the change id, who approves, and the window in
/// which the approval counts. A fixed line format, so the bytes signed are the bytes checked.
/// </summary>
/// <param name="Change">The change approved.</param>
/// <param name="Principal">The operator, as named in <c>Rollover:AllowedSigners</c>.</param>
/// <param name="IssuedAt">When the approval was made (UTC, whole seconds).</param>
/// <param name="ExpiresAt">When it stops counting.</param>
public sealed record ApprovalDocument(ChangeId Change, string Principal, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt)
{
    private const string Header = "fedmd-approval v1";
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The document's bytes, as signed.</summary>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(
        $"{Header}\nchange: {Change.Value}\nprincipal: {Principal}\nissued-at: {Stamp(IssuedAt)}\nexpires-at: {Stamp(ExpiresAt)}\n");

    /// <summary>Parses a stored document; null when it is not of this shape.</summary>
    public static ApprovalDocument? TryParse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        if (lines.Length != 6 || lines[0] != Header || lines[5].Length != 0)
        {
            return null;
        }

        var change = ChangeId.TryParse(Value(lines[1], "change"));
        var principal = Value(lines[2], "principal");
        var issued = Instant(Value(lines[3], "issued-at"));
        var expires = Instant(Value(lines[4], "expires-at"));
        return change is null || !IsPrincipal(principal) || issued is null || expires is null
            ? null
            : new ApprovalDocument(change.Value, principal!, issued.Value, expires.Value);
    }

    /// <summary>Whether <paramref name="text"/> can name an operator: no spaces, commas or control characters, as allowed_signers needs.</summary>
    public static bool IsPrincipal(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 128 && text.All(c => c > ' ' && c != ',' && c != '"' && c < 0x7f);

    private static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    private static string? Value(string line, string name) =>
        line.StartsWith(name + ": ", StringComparison.Ordinal) ? line[(name.Length + 2)..] : null;

    private static DateTimeOffset? Instant(string? text) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;
}
