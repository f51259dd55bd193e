using System.Collections.Immutable;
using System.Globalization;

namespace Osprey.CSharp.Models;

/// <summary>Which position of a call an access path starts at.</summary>
internal enum AccessPathRoot
{
    /// <summary><c>ReturnValue</c>: the call's result (for a constructor: the new object).</summary>
    ReturnValue,
    /// <summary><c>Argument[this]</c>: the receiver.</summary>
    This,
    /// <summary><c>Argument[i]</c>: one argument (or a range <c>Argument[i..j]</c>).</summary>
    Argument,
    /// <summary><c>Parameter</c>: every parameter of a method declared in a matching type (framework entry points).</summary>
    Parameter,
}

/// <summary>
/// A parsed access path such as <c>Argument[0]</c>, <c>Argument[this].Element</c>, <c>ReturnValue</c>,
/// <c>Argument[1..3]</c> or <c>Argument[2].Parameter</c> (the parameters of a lambda passed as argument 2).
/// </summary>
internal sealed record AccessPath(AccessPathRoot Root, int First, int Last, bool Element, bool LambdaParameters)
{
    /// <summary>The receiver.</summary>
    public static AccessPath ThisPath { get; } = new(AccessPathRoot.This, -1, -1, false, false);

    /// <summary>The result.</summary>
    public static AccessPath ReturnPath { get; } = new(AccessPathRoot.ReturnValue, -1, -1, false, false);

    /// <summary>Whether argument <paramref name="index"/> (or -1 for the receiver) is covered.</summary>
    public bool Covers(int index) => Root switch
    {
        AccessPathRoot.This => index == -1,
        AccessPathRoot.Argument => index >= First && index <= Last,
        _ => false,
    };

    /// <summary>Parses <paramref name="text"/>; returns null and an explanation when it is not an access path.</summary>
    public static AccessPath? TryParse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        var close = text.StartsWith("Argument[", StringComparison.Ordinal) ? text.IndexOf(']', StringComparison.Ordinal) : -1;
        var cut = close >= 0 ? close + 1 : text.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? dot : text.Length;
        var head = text[..cut];
        var rest = text[cut..];
        if (rest.Length > 0 && rest[0] != '.')
        {
            error = $"'{text}' is not an access path (a component must follow a '.')";
            return null;
        }

        var parts = rest.Split('.', StringSplitOptions.None);
        var element = false;
        var lambda = false;
        foreach (var part in parts.Skip(1))
        {
            switch (part)
            {
                case "Element": element = true; break;
                case "Parameter": lambda = true; break;
                default:
                    error = $"unknown access path component '{part}' (use Element or Parameter)";
                    return null;
            }
        }

        if (head == "ReturnValue")
        {
            return new AccessPath(AccessPathRoot.ReturnValue, -1, -1, element, false);
        }

        if (head == "Parameter")
        {
            return new AccessPath(AccessPathRoot.Parameter, 0, int.MaxValue, element, false);
        }

        if (head.StartsWith("Argument[", StringComparison.Ordinal) && head.EndsWith(']'))
        {
            var inside = head["Argument[".Length..^1];
            if (inside == "this")
            {
                return new AccessPath(AccessPathRoot.This, -1, -1, element, lambda);
            }

            var range = inside.Split("..");
            if (range.Length is 1 or 2
                && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                && (range.Length == 1 || int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var last = range.Length == 2 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
                if (last >= first)
                {
                    return new AccessPath(AccessPathRoot.Argument, first, last, element, lambda);
                }
            }
        }

        error = $"'{text}' is not an access path (expected ReturnValue, Parameter, Argument[this], Argument[i] or Argument[i..j], optionally followed by .Element or .Parameter)";
        return null;
    }

    /// <summary>The argument indices a range covers, for enumeration.</summary>
    public ImmutableArray<int> Indices(int argumentCount) => Root switch
    {
        AccessPathRoot.This => [-1],
        AccessPathRoot.Argument => [.. Enumerable.Range(First, Math.Max(0, Math.Min(Last, argumentCount - 1) - First + 1))],
        _ => [],
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var head = Root switch
        {
            AccessPathRoot.ReturnValue => "ReturnValue",
            AccessPathRoot.This => "Argument[this]",
            AccessPathRoot.Parameter => "Parameter",
            _ => First == Last ? $"Argument[{First}]" : $"Argument[{First}..{Last}]",
        };
        return head + (Element ? ".Element" : "") + (LambdaParameters ? ".Parameter" : "");
    }
}
