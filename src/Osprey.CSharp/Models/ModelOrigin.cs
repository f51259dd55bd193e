namespace Osprey.CSharp.Models;

/// <summary>Where a model row was written: the file and 1-based line, for error messages.</summary>
internal readonly record struct ModelOrigin(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
