using System;
using System.Reflection;
using System.Threading.Tasks;
using DualWrite.Listener.Inbox;

namespace DualWrite.Listener.Tests.Support;

/// <summary>Wraps a store so that storing received events fails while <see cref="Failing"/> is set (a disk full, a database down).</summary>
public class FailingReceiveStore : DispatchProxy
{
    private IEventInbox inner = null!;

    public bool Failing { get; set; } = true;

    public static (IEventInbox Store, FailingReceiveStore Control) Wrap(IEventInbox inner)
    {
        var store = Create<IEventInbox, FailingReceiveStore>();
        var control = (FailingReceiveStore)(object)store;
        control.inner = inner;
        return (store, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Failing && targetMethod.Name == nameof(IEventInbox.ReceiveAsync))
        {
            return Task.FromException<ReceiveResult>(new System.IO.IOException("disk full"));
        }

        try
        {
            return targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
