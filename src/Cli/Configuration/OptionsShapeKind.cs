namespace Fedmd.Cli.Configuration;

/// <summary>What a configuration key holds, as the options type it binds to dictates.</summary>
internal enum OptionsShapeKind
{
    /// <summary>One value converted from its text: a string, number, boolean, date, or a type with a string converter.</summary>
    Value,

    /// <summary>An object whose keys are the options class's public settable properties.</summary>
    Section,

    /// <summary>A JSON array (<c>Key:0</c>, <c>Key:1</c>, … in environment variables) of one item shape.</summary>
    List,

    /// <summary>An object whose keys are free names, each holding the same item shape.</summary>
    Dictionary,
}
