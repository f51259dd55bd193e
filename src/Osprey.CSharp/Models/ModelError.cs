namespace Osprey.CSharp.Models;

/// <summary>A model row (or file) that could not be used, with the place and the reason.</summary>
internal sealed record ModelError(ModelOrigin Origin, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Origin}: {Message}";
}
