using System.ComponentModel;
using System.Reflection;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// The shape a configuration key must have, derived by reflection from the options type it binds to, so that adding
/// an option to an options class is all it takes for the key to be known.
/// </summary>
internal sealed class OptionsShape
{
    private readonly IReadOnlyList<PropertyInfo> _properties;
    private readonly Type? _itemType;

    private OptionsShape(Type type, OptionsShapeKind kind, IReadOnlyList<PropertyInfo> properties, Type? itemType)
    {
        Type = type;
        Kind = kind;
        _properties = properties;
        _itemType = itemType;
    }

    /// <summary>The options type bound at this key (for a value, possibly <see cref="Nullable{T}"/>).</summary>
    public Type Type { get; }

    /// <summary>Whether the key holds a value, a section, a list or a dictionary.</summary>
    public OptionsShapeKind Kind { get; }

    /// <summary>A section's keys in declaration order (empty for the other shapes).</summary>
    public IEnumerable<string> KeyNames => _properties.Select(p => p.Name);

    /// <summary>The shape of a list's or dictionary's items.</summary>
    public OptionsShape Item => _itemType is null
        ? throw new InvalidOperationException($"{Type.Name} has no items")
        : Of(_itemType);

    /// <summary>What a user must write for this shape, for messages: "a value", "an object", "a list".</summary>
    public string Expected => Kind switch
    {
        OptionsShapeKind.Value => "a single value",
        OptionsShapeKind.List => "a list",
        _ => "an object",
    };

    /// <summary>The shape of <paramref name="type"/>.</summary>
    public static OptionsShape Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (IsValue(type))
        {
            return new OptionsShape(type, OptionsShapeKind.Value, [], null);
        }

        if (DictionaryValueType(type) is { } value)
        {
            return new OptionsShape(type, OptionsShapeKind.Dictionary, [], value);
        }

        if (ListItemType(type) is { } item)
        {
            return new OptionsShape(type, OptionsShapeKind.List, [], item);
        }

        // The binder sets public settable properties only; get-only ones (IsDevelopment) are not keys.
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true && p.SetMethod?.IsPublic == true)
            .OrderBy(p => p.MetadataToken)
            .ToList();
        return new OptionsShape(type, OptionsShapeKind.Section, properties, null);
    }

    /// <summary>Finds a section's key the way the binder does (ignoring case) and returns its declared name and shape.</summary>
    public bool TryGetKey(string name, out string declaredName, out OptionsShape shape)
    {
        var property = _properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        declaredName = property?.Name ?? string.Empty;
        shape = property is null ? this : Of(property.PropertyType);
        return property is not null;
    }

    private static bool IsValue(Type type)
    {
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        return plain.IsPrimitive || plain.IsEnum || plain == typeof(string) || plain == typeof(decimal)
            || plain == typeof(DateTimeOffset) || plain == typeof(DateTime) || plain == typeof(TimeSpan) || plain == typeof(Uri)
            || TypeDescriptor.GetConverter(plain).CanConvertFrom(typeof(string));
    }

    private static Type? DictionaryValueType(Type type) =>
        Implemented(type, typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>))?.GetGenericArguments()[1];

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType() : Implemented(type, typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static Type? Implemented(Type type, params Type[] definitions) =>
        (type.IsInterface ? type.GetInterfaces().Prepend(type) : type.GetInterfaces())
            .FirstOrDefault(i => i.IsGenericType && definitions.Contains(i.GetGenericTypeDefinition()));
}
