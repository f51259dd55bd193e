using System.Globalization;

namespace Osprey.CSharp.Loading;

/// <summary>The framework families a project can target.</summary>
internal enum FrameworkFamily
{
    /// <summary>.NET 5 and later, and .NET Core.</summary>
    NetCore = 0,
    /// <summary>.NET Standard.</summary>
    NetStandard = 1,
    /// <summary>.NET Framework 4.x and earlier.</summary>
    NetFramework = 2,
}

/// <summary>
/// A parsed target framework moniker (<c>net10.0</c>, <c>netstandard2.0</c>, <c>net48</c>),
/// with the compatibility ranking NuGet uses to pick a package's nearest folder.
/// </summary>
internal sealed record TargetFrameworkMoniker(string Name, FrameworkFamily Family, Version Version)
{
    /// <summary>Parses a short TFM; ignores a platform suffix (<c>net8.0-windows</c>). Returns null for anything else.</summary>
    public static TargetFrameworkMoniker? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var name = text.Trim().ToLowerInvariant();
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var core = dash > 0 ? name[..dash] : name;
        if (core.StartsWith("netstandard", StringComparison.Ordinal))
        {
            return Dotted(core["netstandard".Length..]) is { } v ? new(core, FrameworkFamily.NetStandard, v) : null;
        }

        if (core.StartsWith("netcoreapp", StringComparison.Ordinal))
        {
            return Dotted(core["netcoreapp".Length..]) is { } v ? new(core, FrameworkFamily.NetCore, v) : null;
        }

        if (!core.StartsWith("net", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = core[3..];
        if (rest.Contains('.', StringComparison.Ordinal))
        {
            return Dotted(rest) is { } v ? new(core, v.Major >= 5 ? FrameworkFamily.NetCore : FrameworkFamily.NetFramework, v) : null;
        }

        // net48, net472, net4: digits are major, minor, build.
        if (rest.Length is < 1 or > 3 || !rest.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = rest.Select(c => c - '0').ToArray();
        var version = new Version(digits[0], digits.Length > 1 ? digits[1] : 0, digits.Length > 2 ? digits[2] : 0);
        return new(core, FrameworkFamily.NetFramework, version);
    }

    private static Version? Dotted(string text) =>
        Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version) ? version : null;

    /// <summary>Converts an old-style <c>TargetFrameworkVersion</c> (<c>v4.7.2</c>) to a TFM (<c>net472</c>).</summary>
    public static TargetFrameworkMoniker? FromFrameworkVersion(string? version)
    {
        var text = version?.Trim().TrimStart('v', 'V');
        if (!Version.TryParse(text, out var v))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
            {
                return null;
            }

            v = new Version(major, 0);
        }

        var build = v.Build > 0 ? v.Build.ToString(CultureInfo.InvariantCulture) : "";
        return new($"net{v.Major}{v.Minor}{build}", FrameworkFamily.NetFramework, v);
    }

    /// <summary>
    /// How well a package folder built for <paramref name="asset"/> fits a project targeting this
    /// framework: higher is nearer, null means it cannot be used.
    /// </summary>
    public int? CompatibilityWith(TargetFrameworkMoniker asset)
    {
        var v = asset.Version.Major * 100 + asset.Version.Minor * 10 + Math.Max(asset.Version.Build, 0);
        return (Family, asset.Family) switch
        {
            (FrameworkFamily.NetCore, FrameworkFamily.NetCore) when asset.Version <= Version => 3000 + v,
            (FrameworkFamily.NetCore, FrameworkFamily.NetStandard) => 2000 + v,
            (FrameworkFamily.NetStandard, FrameworkFamily.NetStandard) when asset.Version <= Version => 2000 + v,
            (FrameworkFamily.NetFramework, FrameworkFamily.NetFramework) when asset.Version <= Version => 3000 + v,
            (FrameworkFamily.NetFramework, FrameworkFamily.NetStandard) when Version >= new Version(4, 6, 1) && asset.Version <= new Version(2, 0) => 2000 + v,
            _ => null,
        };
    }

    /// <summary>The preprocessor symbols the SDK defines for this framework (<c>NET</c>, <c>NET8_0_OR_GREATER</c>, <c>NETFRAMEWORK</c>, …).</summary>
    public IEnumerable<string> PreprocessorSymbols()
    {
        switch (Family)
        {
            case FrameworkFamily.NetCore:
                yield return "NETCOREAPP";
                if (Version.Major >= 5)
                {
                    yield return "NET";
                    for (var major = 5; major <= Version.Major; major++)
                    {
                        yield return $"NET{major}_0_OR_GREATER";
                    }

                    yield return $"NET{Version.Major}_{Version.Minor}";
                }

                yield return "NETCOREAPP3_1_OR_GREATER";
                break;
            case FrameworkFamily.NetStandard:
                yield return "NETSTANDARD";
                yield return $"NETSTANDARD{Version.Major}_{Version.Minor}";
                break;
            default:
                yield return "NETFRAMEWORK";
                yield return Name.ToUpperInvariant();
                break;
        }
    }
}
