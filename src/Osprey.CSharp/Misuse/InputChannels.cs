using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Misuse;

/// <summary>Where a read from outside gets its data.</summary>
internal enum InputChannel
{
    /// <summary>Neither a file nor the network as far as can be seen (console, environment, database, request).</summary>
    Other,

    /// <summary>A file on disk.</summary>
    File,

    /// <summary>A plain network connection: a socket, an HTTP or FTP client, a TCP listener.</summary>
    Network,

    /// <summary>Through decryption or TLS: what is read was protected on the way.</summary>
    Protected,
}

/// <summary>
/// Classifies a read (<c>reader.ReadLine()</c>) by the objects it reads through: the reader, the
/// stream it wraps, the client that opened the stream, following locals back to their creation.
/// </summary>
internal static class InputChannels
{
    private const int Budget = 32;

    private static readonly HashSet<string> NetworkTypes = new(StringComparer.Ordinal)
    {
        "WebClient", "HttpClient", "TcpClient", "Socket", "NetworkStream", "WebRequest", "HttpWebRequest", "FtpWebRequest", "WebResponse", "HttpWebResponse",
        "FtpWebResponse", "TcpListener", "UdpClient", "HttpResponseMessage", "HttpContent", "HttpListenerRequest",
    };

    private static readonly HashSet<string> ProtectedTypes = new(StringComparer.Ordinal) { "CryptoStream", "ICryptoTransform", "SslStream", "ProtectedData", "IDataProtector" };

    private static readonly HashSet<string> FileTypes = new(StringComparer.Ordinal) { "File", "FileStream", "FileInfo" };

    /// <summary>The channel of the read <paramref name="input"/>.</summary>
    public static InputChannel Of(IOperation input)
    {
        var found = InputChannel.Other;
        var pending = new Stack<IOperation>();
        var visited = new HashSet<IOperation>();
        pending.Push(input);
        for (var steps = 0; pending.Count > 0 && steps < Budget; steps++)
        {
            var op = pending.Pop();
            if (!visited.Add(op))
            {
                continue;
            }

            var channel = Classify(op);
            if (channel == InputChannel.Protected)
            {
                return channel;
            }

            if (channel > found)
            {
                found = channel;
            }

            foreach (var next in Inner(op))
            {
                pending.Push(next);
            }
        }

        return found;
    }

    private static InputChannel Classify(IOperation op)
    {
        var type = op switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
            IPropertyReferenceOperation property => property.Property.ContainingType,
            IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
            _ => null,
        };
        if (type is null)
        {
            return InputChannel.Other;
        }

        if (ProtectedTypes.Contains(type.Name))
        {
            return InputChannel.Protected;
        }

        if (SinkCategories.DerivesFrom(type, [.. NetworkTypes]))
        {
            return InputChannel.Network;
        }

        // new StreamReader(path) opens a file; new StreamReader(stream) reads whatever the stream is.
        var opensFile = op is IObjectCreationOperation { Type.Name: "StreamReader" or "BinaryReader" } reader
            && reader.Arguments.FirstOrDefault()?.Value.Type?.SpecialType == SpecialType.System_String;
        return opensFile || FileTypes.Contains(type.Name) ? InputChannel.File : InputChannel.Other;
    }

    private static IEnumerable<IOperation> Inner(IOperation op)
    {
        switch (op)
        {
            case IInvocationOperation invocation:
                if (invocation.Instance is { } instance)
                {
                    yield return instance;
                }

                foreach (var argument in invocation.Arguments)
                {
                    yield return argument.Value;
                }

                break;
            case IObjectCreationOperation creation:
                foreach (var argument in creation.Arguments)
                {
                    yield return argument.Value;
                }

                break;
            case IPropertyReferenceOperation { Instance: { } receiver }:
                yield return receiver;
                break;
            case IConversionOperation conversion:
                yield return conversion.Operand;
                break;
            case ILocalReferenceOperation local:
                foreach (var value in ValueOrigins.Assigned(local))
                {
                    yield return value;
                }

                break;
        }
    }
}
