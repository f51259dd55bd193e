using System.Text.Json;
using System.Text.Json.Serialization;

namespace Osprey.Server.Disclosure;

/// <summary>A case as the JSON kept in its database row: the whole immutable record, enums by name.</summary>
internal static class DisclosureCaseJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(DisclosureCase c) => JsonSerializer.Serialize(c, Options);

    public static DisclosureCase Read(string json) =>
        JsonSerializer.Deserialize<DisclosureCase>(json, Options) ?? throw new InvalidDataException("A stored disclosure case is empty.");
}
