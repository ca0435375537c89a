using System;
using DualWrite.Core.Ledger;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.WriteThrough;

/// <summary>Writes the plug-in's ledger row (<see cref="WriteThroughLedgerTable"/>) inside the save's transaction.</summary>
public static class WriteThroughLedger
{
    /// <summary>Creates the row for <paramref name="plan"/> and returns its id.</summary>
    public static Guid Record(IOrganizationService service, string mapName, WriteThroughPlan plan)
    {
        if (service is null)
        {
            throw new ArgumentNullException(nameof(service));
        }

        if (plan?.Request is null || plan.RecordPath is null)
        {
            throw new ArgumentException("Only a plan that sends a request has a ledger row.", nameof(plan));
        }

        var name = plan.RecordText ?? plan.RecordPath;
        var row = new Entity(WriteThroughLedgerTable.LogicalName);
        row.Attributes[WriteThroughLedgerTable.Name] = name.Length > WriteThroughLedgerTable.NameLength ? name.Substring(0, WriteThroughLedgerTable.NameLength) : name;
        row.Attributes[WriteThroughLedgerTable.Map] = mapName;
        row.Attributes[WriteThroughLedgerTable.FinOpsRecord] = plan.RecordPath;
        row.Attributes[WriteThroughLedgerTable.Operation] = plan.Request.Method;
        return service.Create(row);
    }
}
