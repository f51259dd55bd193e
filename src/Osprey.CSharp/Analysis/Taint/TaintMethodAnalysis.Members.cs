using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Osprey.CSharp.Analysis.Taint;

/// <summary>
/// Fields and properties. Static fields are shared (one value per field for the whole program,
/// joined over every write). Instance fields are access paths on the object's value, including
/// those of <c>this</c>: a method reads a field of <c>this</c> as a placeholder bound at each call
/// to the receiver's field, and leaves what it wrote in its summary's out-value for <c>this</c>, so
/// two objects of the same type stay apart. Every concrete write to an instance field is also
/// joined into a program-wide value per field, which stands in for the object where the analysis
/// does not know it: at methods nobody calls and for receivers it did not track. Auto-properties of
/// source types are fields; other source properties are calls.
/// </summary>
internal sealed partial class TaintMethodAnalysis
{
    private TaintValue ReadField(IFieldReferenceOperation reference, TaintState state)
    {
        var field = reference.Field;
        if (_session.ConstantFields.TryGetConstant(field, out var constant))
        {
            if (reference.Instance is { } instance)
            {
                Eval(instance, state);
            }

            return TaintValue.OfConstant(constant);
        }

        return ReadStored(field, field.Name, reference.Instance, state);
    }

    private TaintValue ReadProperty(IPropertyReferenceOperation reference, TaintState state)
    {
        var property = reference.Property;
        if (IsAutoProperty(property))
        {
            return ReadStored(property, property.Name, reference.Instance, state);
        }

        if (property.GetMethod is not { } getter)
        {
            return reference.Instance is { } instance ? Eval(instance, state).Read(property.Name) : TaintValue.Bottom;
        }

        var isBaseCall = reference.Instance?.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax;
        return Call(getter, reference.Instance, reference.Arguments, reference, state, isVirtual: !isBaseCall);
    }

    private TaintValue ReadStored(ISymbol member, string name, IOperation? instance, TaintState state)
    {
        if (member.IsStatic)
        {
            return ReadStatic(member, state);
        }

        if (instance is null || IsThis(instance, state))
        {
            return state.Get(TaintState.This).Read(name);
        }

        var receiver = Eval(instance, state);
        return IsTracked(receiver) ? receiver.Read(name) : TaintValue.Merge(receiver.Read(name), _session.SharedField(member));
    }

    /// <summary>
    /// Whether the analysis knows which object <paramref name="value"/> is: one allocated here, or a
    /// caller's value a placeholder stands for. Fields of other objects also take the program-wide value.
    /// </summary>
    private static bool IsTracked(TaintValue value) => !value.Types.IsEmpty || value.Root is not null;

    /// <summary>Writes <paramref name="value"/> into <paramref name="target"/>.</summary>
    private void Write(IOperation target, TaintValue value, TaintState state, IOperation at)
    {
        switch (target)
        {
            case ILocalReferenceOperation local:
                state.Set(local.Local, value);
                break;
            case IParameterReferenceOperation parameter:
                state.Set(parameter.Parameter, value);
                break;
            case IFlowCaptureReferenceOperation capture when _captureTargets.TryGetValue(capture.Id, out var captured):
                state.Set(capture.Id, value);
                Write(captured, value, state, at);
                break;
            case IFlowCaptureReferenceOperation capture:
                state.Set(capture.Id, value);
                break;
            case IInstanceReferenceOperation:
                state.Set(TaintState.This, value);
                break;
            case IFieldReferenceOperation field:
                WriteMember(field.Field, field.Field.Name, field.Instance, value, state, at);
                break;
            case IPropertyReferenceOperation property when IsAutoProperty(property.Property):
                WriteMember(property.Property, property.Property.Name, property.Instance, value, state, at);
                break;
            case IPropertyReferenceOperation property when property.Property.SetMethod is { } setter:
                var arguments = property.Arguments;
                CallWithExtraArgument(setter, property.Instance, arguments, value, at, state);
                if (!_session.Bodies.HasBody(setter) && property.Instance is { } instance)
                {
                    WriteInto(instance, property.Property.Name, value, state, strong: true);
                }

                break;
            case IArrayElementReferenceOperation element:
                foreach (var index in element.Indices)
                {
                    CheckIndex(Eval(index, state), index);
                }

                CheckIndexIntoInputSizedArray(element, state);

                WriteInto(element.ArrayReference, TaintValue.Element, AppendStep(value, at.Syntax.GetLocation(), "stored in an array element"), state, strong: false);
                break;
            case IDeclarationExpressionOperation declaration:
                Write(declaration.Expression, value, state, at);
                break;
            case ITupleOperation tuple:
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    Write(tuple.Elements[i], value.Read("Item" + (i + 1)), state, at);
                }

                break;
        }
    }

    private TaintValue ReadStatic(ISymbol member, TaintState state) =>
        state.Values.TryGetValue(member.OriginalDefinition, out var value) ? value : TaintValue.OfStatic(_session.StaticKey(member));

    private void WriteStatic(ISymbol member, TaintValue value, TaintState state)
    {
        state.Set(member.OriginalDefinition, value);
        _session.WriteSharedField(member, value);
    }

    private void WriteMember(ISymbol member, string name, IOperation? instance, TaintValue value, TaintState state, IOperation at)
    {
        if (member.IsStatic)
        {
            WriteStatic(member, AppendStep(value, at.Syntax.GetLocation(), $"stored in static field `{name}`"), state);
            return;
        }

        if (instance is null || IsThis(instance, state))
        {
            var stored = AppendStep(value, at.Syntax.GetLocation(), $"stored in field `{name}`");
            WriteShared(member, stored);
            state.Set(TaintState.This, state.Get(TaintState.This).WithField(name, stored));
            return;
        }

        WriteInto(instance, name, AppendStep(value, at.Syntax.GetLocation(), $"stored in field `{name}`"), state, strong: true);
    }

    private void WriteShared(ISymbol member, TaintValue value)
    {
        _session.WriteSharedField(member, value);
        var symbolic = value.AllOrigins().RemoveAll(o => o.IsSource || o.Parameter == -1);
        if (!symbolic.IsEmpty)
        {
            _summary.AddFieldWrite(member.OriginalDefinition, TaintValue.OfOrigins(symbolic));
        }
    }

    /// <summary>Updates the field <paramref name="name"/> of the object <paramref name="receiver"/> denotes.</summary>
    private void WriteInto(IOperation receiver, string name, TaintValue value, TaintState state, bool strong)
    {
        switch (receiver)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                var current = Eval(receiver, state);
                Write(receiver, strong ? current.WithField(name, value) : current.WithFieldMerged(name, value), state, receiver);
                WriteAliases(receiver, current, name, value, state);
                break;
            case IFieldReferenceOperation field when field.Field.IsStatic:
                var staticValue = ReadStatic(field.Field, state);
                WriteStatic(field.Field, strong ? staticValue.WithField(name, value) : staticValue.WithFieldMerged(name, value), state);
                break;
            case IPropertyReferenceOperation property when IsAutoProperty(property.Property) && property.Property.IsStatic:
                var staticProperty = ReadStatic(property.Property, state);
                WriteStatic(property.Property, strong ? staticProperty.WithField(name, value) : staticProperty.WithFieldMerged(name, value), state);
                break;
            case IFieldReferenceOperation field when field.Instance is not null && IsThis(field.Instance, state):
                WriteThisMember(field.Field, name, value, state, strong);
                break;
            case IPropertyReferenceOperation property when IsAutoProperty(property.Property) && property.Instance is not null && IsThis(property.Instance, state):
                WriteThisMember(property.Property, name, value, state, strong);
                break;
            case IFieldReferenceOperation field when field.Instance is { } inner:
                var fieldValue = ReadStored(field.Field, field.Field.Name, inner, state);
                WriteInto(inner, field.Field.Name, strong ? fieldValue.WithField(name, value) : fieldValue.WithFieldMerged(name, value), state, strong: true);
                break;
            case IConversionOperation conversion:
                WriteInto(conversion.Operand, name, value, state, strong);
                break;
            case IInstanceReferenceOperation:
                break;
        }
    }

    /// <summary>
    /// After a write to a field of the object <paramref name="receiver"/> held (<paramref name="before"/>),
    /// joins the value into the same field wherever else that object may be held: other variables
    /// (<c>var b = a; a.F = x;</c> makes <c>b.F</c> <c>x</c>) and fields nested in any variable
    /// (<c>x.attr = q; q.b = input;</c> makes <c>x.attr.b</c> <c>input</c>), as the value is on the
    /// paths where they are the same object. Never a strong update: one allocation site stands for
    /// every object created there, so sharing a site does not prove identity.
    /// </summary>
    private static void WriteAliases(IOperation receiver, TaintValue before, string name, TaintValue value, TaintState state)
    {
        if (before.Sites.IsEmpty)
        {
            return;
        }

        object? self = receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => capture.Id,
            _ => null,
        };
        List<(object Entity, TaintValue Value)>? updates = null;
        foreach (var (entity, other) in state.Values)
        {
            if (entity is not (ILocalSymbol or IParameterSymbol) || (other.Sites.IsEmpty && other.Fields.IsEmpty))
            {
                continue;
            }

            var updated = other.WithAliasedWrite(before, name, value, isWrittenVariable: Equals(entity, self));
            if (!ReferenceEquals(updated, other))
            {
                (updates ??= []).Add((entity, updated));
            }
        }

        foreach (var (entity, updated) in updates ?? [])
        {
            state.Set(entity, updated);
        }
    }

    /// <summary>Updates the part <paramref name="name"/> of the field <paramref name="member"/> of <c>this</c>.</summary>
    private void WriteThisMember(ISymbol member, string name, TaintValue value, TaintState state, bool strong)
    {
        var self = state.Get(TaintState.This);
        var current = self.Read(member.Name);
        var updated = strong ? current.WithField(name, value) : current.WithFieldMerged(name, value);
        WriteShared(member, updated);
        state.Set(TaintState.This, self.WithField(member.Name, updated));
    }

    /// <summary>Whether <paramref name="instance"/> is <c>this</c>, directly or through a flow capture the graph introduced.</summary>
    private static bool IsThis(IOperation instance, TaintState state) =>
        instance is IInstanceReferenceOperation
        || (instance is IFlowCaptureReferenceOperation capture && state.Get(capture.Id).Root is { Parameter: -1, Path: "" });

    private static bool IsAutoProperty(IPropertySymbol property) =>
        !property.DeclaringSyntaxReferences.IsEmpty && !property.IsAbstract && !property.IsIndexer
        && property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
}
