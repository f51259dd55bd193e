namespace Osprey.Bench.FlowBlot;

/// <summary>
/// One expected result of FlowBlot.NET: a flow file that must be reported (<c>fail</c>) or must
/// not be (<c>pass</c>) for the project's CWE.
/// </summary>
/// <param name="Project">The project folder, <c>&lt;Source&gt;2&lt;Sink&gt;_CWE&lt;n&gt;</c>.</param>
/// <param name="Cwe">The project's CWE.</param>
/// <param name="Concept">The analysis concept: the folder under <c>Flows/</c> (Field-Sensitivity, Aggregates, …).</param>
/// <param name="RelativePath">The file relative to the project folder, forward slashes.</param>
/// <param name="MustReport">True for <c>fail</c>, false for <c>pass</c>.</param>
/// <param name="StartLine">First line of the expected region.</param>
/// <param name="EndLine">Last line of the expected region.</param>
internal sealed record FlowBlotCase(string Project, int Cwe, string Concept, string RelativePath, bool MustReport, int StartLine, int EndLine);
