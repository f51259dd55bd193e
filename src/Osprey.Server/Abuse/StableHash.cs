using System.Text;

namespace Osprey.Server.Abuse;

/// <summary>A seeded 64-bit hash stable across processes (FNV-1a then SplitMix64), unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class StableHash
{
    public static ulong Of(string text, ulong seed = 0)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            h ^= b;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
