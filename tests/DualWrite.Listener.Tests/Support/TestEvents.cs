using System;
using System.Collections.Generic;
using System.Threading;
using DualWrite.Core.Events;
using DualWrite.Core.Keys;

namespace DualWrite.Listener.Tests.Support;

/// <summary>Builds change events and their JSON for tests.</summary>
public static class TestEvents
{
    private static long sequence;

    // An hour ago, so events fall inside the receiver's EventTime window (30 days back, 5 minutes ahead)
    // whenever the tests run, with room for the millisecond steps that keep event times distinct.
    private static readonly DateTime BaseTime = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);

    /// <summary>A customer change: record key <c>CustomersV3(dataAreaId='usmf',CustomerAccount='{account}')</c>.</summary>
    public static FinOpsChangeEvent Customer(string account, long controlNumber, ChangeOperation operation = ChangeOperation.Update, string? eventId = null) =>
        Event("CustomersV3", Key("CustomerAccount", account), controlNumber, operation, eventId);

    public static FinOpsChangeEvent CustomerGroup(string group, long controlNumber, string? eventId = null) =>
        Event("CustomerGroups", Key("CustomerGroupId", group), controlNumber, ChangeOperation.Create, eventId);

    public static string CustomerKey(string account) => Customer(account, 1).ContextRecordSubject;

    public static string CustomerGroupKey(string group) => CustomerGroup(group, 1).ContextRecordSubject;

    public static string Json(FinOpsChangeEvent changeEvent) => FinOpsChangeEventJson.Write(changeEvent);

    private static ODataKey Key(string name, string value) =>
        ODataKey.Named(new[] { new KeyValuePair<string, object>("dataAreaId", "usmf"), new KeyValuePair<string, object>(name, value) });

    private static FinOpsChangeEvent Event(string entitySet, ODataKey key, long controlNumber, ChangeOperation operation, string? eventId) =>
        new(
            eventId ?? Guid.NewGuid().ToString(),
            controlNumber,
            BaseTime.AddMilliseconds(Interlocked.Increment(ref sequence)),
            "usmf",
            entitySet,
            operation,
            key);
}
