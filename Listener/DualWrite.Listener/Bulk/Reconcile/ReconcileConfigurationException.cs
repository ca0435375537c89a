using System;

namespace DualWrite.Listener.Bulk.Reconcile;

/// <summary>A reconcile that cannot start as asked: an unknown map or company, a master side the map cannot write to.</summary>
public sealed class ReconcileConfigurationException : Exception
{
    public ReconcileConfigurationException()
    {
    }

    public ReconcileConfigurationException(string message)
        : base(message)
    {
    }

    public ReconcileConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
