namespace Osprey.Server.Abuse;

/// <summary>
/// A submission as a vector: token unigrams and bigrams hashed into <see cref="Dimensions"/> buckets
/// (the hashing trick, with a sign bit so collisions cancel rather than add), log-scaled counts,
/// unit length. Paths are included: what a project's files are called says what it is.
/// </summary>
internal static class HashedNgramFeatures
{
    public const int Dimensions = 256;

    public static double[] Of(SubmissionSketch submission)
    {
        var v = new double[Dimensions];
        var tokens = Shingles.Tokens(submission.TextSample + "\n" + string.Join('\n', submission.Paths)).Select(t => StableHash.Of(t, 0x5EED)).ToArray();
        for (var i = 0; i < tokens.Length; i++)
        {
            Add(v, tokens[i]);
            if (i > 0) Add(v, StableHash.Combine(tokens[i - 1], tokens[i]));
        }

        double norm = 0;
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = Math.Sign(v[i]) * Math.Log(1 + Math.Abs(v[i]));
            norm += v[i] * v[i];
        }

        norm = Math.Sqrt(norm);
        if (norm > 0) for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private static void Add(double[] v, ulong h)
    {
        v[(int)(h % Dimensions)] += (h >> 63) == 0 ? 1 : -1;
    }

    public static double SquaredDistance(double[] a, double[] b)
    {
        double d = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] - b[i];
            d += x * x;
        }

        return d;
    }
}
