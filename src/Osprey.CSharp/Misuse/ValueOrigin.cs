using Microsoft.CodeAnalysis;

namespace Osprey.CSharp.Misuse;

/// <summary>What kind of place a value was made at, as <see cref="ValueOrigins"/> finds it.</summary>
internal enum OriginKind
{
    /// <summary>A non-empty string literal or an array of constants (a password or key written in the code).</summary>
    Literal,

    /// <summary>Another constant: null, an empty string, a number.</summary>
    Constant,

    /// <summary>Data the program read from outside: a file, the network, the console, a database, a request.</summary>
    Input,

    /// <summary>The result of hashing, encrypting, decrypting or protecting: what came before it is no longer in clear.</summary>
    Protected,

    /// <summary>A place the caller asked the walk to stop at (a <c>SecureString</c>'s contents).</summary>
    Boundary,

    /// <summary>Nothing more is known: a parameter nobody in the program passes, <c>this</c>, an unmodelled expression.</summary>
    Unknown,
}

/// <summary>One place a value may come from.</summary>
/// <param name="Kind">What the place is.</param>
/// <param name="Operation">The operation at the place.</param>
/// <param name="Decoded">Whether the value was base64-decoded on the way (an encoding, not encryption).</param>
internal readonly record struct ValueOrigin(OriginKind Kind, IOperation Operation, bool Decoded);
