using System.Reflection;

namespace Osprey.CSharp.Proof.Harness;

/// <summary>The C# sources compiled into harnesses (runtime and framework doubles), read from this assembly's resources.</summary>
internal static class EmbeddedSources
{
    public static string Read(string fileName)
    {
        using var stream = typeof(EmbeddedSources).Assembly.GetManifestResourceStream("Osprey.Harness." + fileName)
            ?? throw new InvalidOperationException($"The harness source '{fileName}' is missing from {typeof(EmbeddedSources).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
