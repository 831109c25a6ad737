using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>Reads a shipped nginx template from deploy/nginx/ and fills its @PLACEHOLDERS@, as an operator would.</summary>
public static class DeployTemplate
{
    public static string Render(string templateName, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("deploy", "nginx", templateName));
        foreach (var (name, value) in values)
        {
            text = text.Replace("@" + name + "@", value, StringComparison.Ordinal);
        }

        var unfilled = System.Text.RegularExpressions.Regex.Match(text, "^[^#\n]*@[A-Z_]+@", System.Text.RegularExpressions.RegexOptions.Multiline);
        return unfilled.Success ? throw new InvalidOperationException("unfilled placeholder: " + unfilled.Value) : text;
    }
}
