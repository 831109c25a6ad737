using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fedmd.Tests.EndToEnd.Monitoring;

/// <summary>
/// A strict reader of the Prometheus text exposition format (0.0.4), as node_exporter's textfile collector reads it:
/// <c># HELP</c> and <c># TYPE</c> at most once per family and before its samples, a family's samples together, valid
/// metric and label names, properly escaped label values, float values, no duplicate series, a final newline.
/// Throws <see cref="FormatException"/> naming the line on the first violation.
/// </summary>
internal static partial class PrometheusTextParser
{
    public static IReadOnlyList<PrometheusSample> Parse(string text)
    {
        if (text.Length == 0 || !text.EndsWith('\n'))
        {
            throw new FormatException("the file must end with a newline");
        }

        var samples = new List<PrometheusSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text[..^1].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1} '{line}'";
            if (line.Length == 0 || line != line.Trim())
            {
                throw new FormatException($"{where}: blank line or surrounding whitespace");
            }

            if (line.StartsWith('#'))
            {
                var comment = CommentLine().Match(line);
                if (!comment.Success)
                {
                    throw new FormatException($"{where}: a comment must be '# HELP name text' or '# TYPE name type'");
                }

                var family = comment.Groups["name"].Value;
                Enter(family, where);
                if (comment.Groups["kind"].Value == "HELP")
                {
                    if (!helps.Add(family))
                    {
                        throw new FormatException($"{where}: second HELP for {family}");
                    }
                }
                else
                {
                    if (samples.Exists(s => s.Name == family))
                    {
                        throw new FormatException($"{where}: TYPE after samples of {family}");
                    }

                    if (comment.Groups["text"].Value is not ("counter" or "gauge" or "histogram" or "summary" or "untyped") || !types.TryAdd(family, comment.Groups["text"].Value))
                    {
                        throw new FormatException($"{where}: unknown or repeated TYPE");
                    }
                }

                continue;
            }

            var sample = SampleLine().Match(line);
            if (!sample.Success)
            {
                throw new FormatException($"{where}: not a sample 'name{{labels}} value'");
            }

            var name = sample.Groups["name"].Value;
            Enter(name, where);
            var labels = Labels(sample.Groups["labels"].Value, where);
            if (!double.TryParse(sample.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && sample.Groups["value"].Value is not ("+Inf" or "-Inf" or "NaN"))
            {
                throw new FormatException($"{where}: value is not a float");
            }

            var key = name + "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}")) + "}";
            if (!series.Add(key))
            {
                throw new FormatException($"{where}: duplicate series {key}");
            }

            samples.Add(new PrometheusSample(name, labels, value, types.GetValueOrDefault(name)));
        }

        return samples;

        void Enter(string family, string where)
        {
            if (family == current)
            {
                return;
            }

            if (current is not null)
            {
                finished.Add(current);
            }

            if (finished.Contains(family))
            {
                throw new FormatException($"{where}: {family} appears again after other families");
            }

            current = family;
        }
    }

    private static Dictionary<string, string> Labels(string text, string where)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var position = 0;
        while (position < text.Length)
        {
            var name = LabelName().Match(text, position);
            if (!name.Success || name.Index != position)
            {
                throw new FormatException($"{where}: bad label name");
            }

            position += name.Length;
            var value = new StringBuilder();
            for (; ; position++)
            {
                if (position >= text.Length)
                {
                    throw new FormatException($"{where}: unterminated label value");
                }

                var c = text[position];
                if (c == '"')
                {
                    position++;
                    break;
                }

                if (c == '\\')
                {
                    position++;
                    value.Append(position < text.Length ? text[position] switch
                    {
                        '\\' => '\\',
                        '"' => '"',
                        'n' => '\n',
                        _ => throw new FormatException($"{where}: bad escape in a label value"),
                    } : throw new FormatException($"{where}: bad escape in a label value"));
                    continue;
                }

                if (c == '\n')
                {
                    throw new FormatException($"{where}: raw newline in a label value");
                }

                value.Append(c);
            }

            if (!labels.TryAdd(name.Groups[1].Value, value.ToString()))
            {
                throw new FormatException($"{where}: label {name.Groups[1].Value} twice");
            }

            if (position < text.Length)
            {
                if (text[position] != ',')
                {
                    throw new FormatException($"{where}: labels must be separated by commas");
                }

                position++;
            }
        }

        return labels;
    }

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<text>\S.*)$")]
    private static partial Regex CommentLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( -?[0-9]+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""")]
    private static partial Regex LabelName();
}

internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value, string? Type);
