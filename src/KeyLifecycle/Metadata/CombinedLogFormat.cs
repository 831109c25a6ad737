using System.Globalization;
using System.Text.RegularExpressions;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// Parses nginx's predefined <c>combined</c> log format, the one the shipped template
/// (<c>deploy/nginx/fedmd-webroot.conf.template</c>) logs with since it sets no <c>log_format</c>:
/// <c>$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"</c>.
/// </summary>
public static partial class CombinedLogFormat
{
    /// <summary>The entry of one log line, or null for a line not in the combined format (counted, not fatal).</summary>
    public static AccessLogEntry? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Line().Match(line);
        if (!match.Success
            || !DateTimeOffset.TryParseExact(match.Groups["time"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            || !int.TryParse(match.Groups["status"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return null;
        }

        var target = match.Groups["target"].Value;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return new AccessLogEntry(match.Groups["address"].Value, time, query < 0 ? target : target[..query], status, Unescape(match.Groups["agent"].Value));
    }

    // nginx escapes " and \ and non-printable bytes in logged variables as \xHH.
    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)Convert.ToByte(m.Groups[1].Value, 16)).ToString());

    [GeneratedRegex("""^(?<address>\S+) \S+ \S+ \[(?<time>[^\]]+)\] "(?<method>[A-Z]+) (?<target>\S+)(?: [^"]*)?" (?<status>\d{3}) \S+ "(?:[^"\\]|\\.)*" "(?<agent>(?:[^"\\]|\\.)*)"\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex Line();

    [GeneratedRegex(@"\\x([0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex Escape();
}
