namespace Osprey.CSharp.Models;

/// <summary>
/// The API a model row is about: namespace, type (without generic arity), whether subtypes and
/// overrides match too, member name (empty for every member), and an optional parameter-type signature.
/// </summary>
internal sealed record ApiReference(string Namespace, string Type, bool Subtypes, string Name, string Signature)
{
    /// <summary>The qualified type name, <c>Namespace.Type</c>.</summary>
    public string QualifiedType => Namespace.Length == 0 ? Type : Namespace + "." + Type;

    /// <inheritdoc />
    public override string ToString() => $"{QualifiedType}.{(Name.Length == 0 ? "*" : Name)}{Signature}";
}
