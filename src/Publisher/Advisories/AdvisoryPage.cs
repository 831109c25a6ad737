using System.Globalization;
using System.Net;
using Fedmd.Publisher.Fingerprints;

namespace Fedmd.Publisher.Advisories;

/// <summary>
/// Renders <c>advisory.html</c>, the security advisory the fingerprint page links to (published on any key
/// compromise), or the standing page that says no advisory is in effect, so the link never leads nowhere.
/// </summary>
internal static class AdvisoryPage
{
    /// <summary>The advisory page for <paramref name="text"/>, shown verbatim (escaped, line breaks kept).</summary>
    public static string Render(string federationName, string text, DateTimeOffset published) =>
        Page(federationName, $"""
            <p><strong>Published {published.ToString("u", CultureInfo.InvariantCulture)}</strong></p>
            <pre>{WebUtility.HtmlEncode(text)}</pre>
            """);

    /// <summary>The standing page shown while no advisory is in effect.</summary>
    public static string None(string federationName) =>
        Page(federationName, "<p>No security advisory is in effect. The signing key fingerprints on the fingerprint page are current.</p>");

    private static string Page(string federationName, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(federationName)}: security advisory</title>
        <style>body {"{"} font-family: system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: .5rem 1rem; line-height: 1.45; {"}"} pre {"{"} white-space: pre-wrap; overflow-wrap: anywhere; background: #fff6dd; padding: .6rem; {"}"}</style>
        </head>
        <body>
        <h1>{WebUtility.HtmlEncode(federationName)}: security advisory</h1>
        {body}
        <p><a href="{FingerprintFacts.HtmlFileName}">Signing key fingerprints</a></p>
        </body>
        </html>

        """;
}
