using System.Xml;
using System.Xml.Schema;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// Validates the submitted entity against the compiled metadata schemas, reporting each schema error with its line.
/// It reads the item's bytes (the submission, before any transformation) so that line numbers match the file.
/// </summary>
internal sealed class SchemaValidation(XmlSchemaSet schemas, SafeXmlLoader loader) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "schema.valid";

    /// <summary>At most this many schema errors are reported per entity; the rest repeat the same mistake.</summary>
    public const int MaxReported = 5;

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        var settings = loader.CreateReaderSettings();
        settings.ValidationType = ValidationType.Schema;
        settings.Schemas = schemas;
        settings.ValidationFlags = XmlSchemaValidationFlags.None;
        var reported = 0;
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error && reported++ < MaxReported)
            {
                item.AddError(Rule, $"schema validation failed at line {e.Exception.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(new MemoryStream(item.Bytes, writable: false), settings);
        while (reader.Read())
        {
        }
    }
}
