namespace Osprey.Server.Abuse;

/// <summary>A seeded 64-bit hash stable across processes (FNV-1a then SplitMix64), unlike <see cref="string.GetHashCode()"/>.</summary>
internal static class StableHash
{
    /// <summary>Hashes the UTF-16 code units of <paramref name="text"/> (no allocation).</summary>
    public static ulong Of(ReadOnlySpan<char> text, ulong seed = 0)
    {
        var h = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>An order-sensitive combination of two hashes, for n-grams of hashed tokens.</summary>
    public static ulong Combine(ulong a, ulong b) => Mix((a * 0x100000001B3UL) ^ b);

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
