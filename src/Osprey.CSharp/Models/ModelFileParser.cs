using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Osprey.CSharp.Models;

/// <summary>
/// Reads one <c>*.model.yml</c> file: a mapping from relation name (<c>sourceModel</c>,
/// <c>sinkModel</c>, <c>summaryModel</c>, <c>barrierModel</c>, <c>barrierGuardModel</c>,
/// <c>neutralModel</c>) to a list of rows. Every row is validated; a bad row becomes a
/// <see cref="ModelError"/> naming the file and line, and the other rows are kept.
/// </summary>
internal static class ModelFileParser
{
    /// <summary>Parses <paramref name="text"/>, read from <paramref name="fileName"/>.</summary>
    public static ModelSet Parse(string fileName, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return new ModelSet { Errors = [new ModelError(new ModelOrigin(fileName, (int)e.Start.Line), "not valid YAML: " + e.Message)] };
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ModelSet.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return new ModelSet { Errors = [new ModelError(new ModelOrigin(fileName, 1), "a model file is a mapping from relation name to a list of rows")] };
        }

        var builder = new ModelSetBuilder(fileName);
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var relation = (keyNode as YamlScalarNode)?.Value ?? "";
            var line = (int)keyNode.Start.Line;
            if (!ModelSetBuilder.IsRelation(relation))
            {
                builder.Error(line, $"unknown relation '{relation}' (use sourceModel, sinkModel, summaryModel, barrierModel, barrierGuardModel or neutralModel)");
                continue;
            }

            if (valueNode is not YamlSequenceNode rows)
            {
                builder.Error(line, $"'{relation}' must be a list of rows");
                continue;
            }

            foreach (var rowNode in rows.Children)
            {
                var rowLine = (int)rowNode.Start.Line;
                if (rowNode is not YamlSequenceNode row || row.Children.Any(c => c is not YamlScalarNode))
                {
                    builder.Error(rowLine, "a row is a flow list of scalars, e.g. [\"System\", \"Console\", false, \"ReadLine\", \"\", \"ReturnValue\", \"local:console\", \"manual\"]");
                    continue;
                }

                var cells = row.Children.Select(c => ((YamlScalarNode)c).Value ?? "").ToImmutableArray();
                builder.Add(relation, rowLine, cells);
            }
        }

        return builder.Build();
    }
}
