namespace Osprey.CSharp.Proof.Oracles.Sql;

/// <summary>The lexical class of a SQL token.</summary>
internal enum SqlTokenKind
{
    Word,
    Number,
    StringLiteral,
    QuotedIdentifier,
    LineComment,
    BlockComment,
    Semicolon,
    Operator,
}

/// <summary>A SQL token and where it sits in the statement (<c>End</c> is exclusive).</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int End, string Text)
{
    public bool Covers(int start, int end) => Start <= start && end <= End;

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
