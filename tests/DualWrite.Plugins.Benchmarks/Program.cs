using System;
using System.Globalization;
using System.Threading.Tasks;
using DualWrite.Plugins.Configuration;
using DualWrite.Plugins.Registration;
using DualWrite.Plugins.TestSupport;
using DualWrite.Plugins.WriteThrough;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Plugins.Benchmarks;

/// <summary>
/// Prints what the write-through plug-in costs per save:
/// 1. its own work (checks, mapping with Core, lookup reads from the in-memory Dataverse, key and JSON
///    body), without the F&amp;O round trip: median and p95 over many saves;
/// 2. the latency it adds to a save: the same update through the in-memory Dataverse with the steps
///    registered (F&amp;O = Kestrel on loopback answering 204) and without them, and the ratio.
/// </summary>
internal static class Program
{
    private const int WarmUp = 300;
    private const int Count = 3000;
    private const int SaveWarmUp = 200;
    private const int SaveCount = 1500;

    private static async Task<int> Main()
    {
        Console.WriteLine("DualWrite write-through benchmark (" + Environment.ProcessorCount + " CPUs, " + Environment.Version + ")");
        Console.WriteLine();
        await OwnCostAsync();
        Console.WriteLine();
        await AddedLatencyAsync();
        return 0;
    }

    private static async Task OwnCostAsync()
    {
        await using var scenario = await CustomersScenario.StartAsync(registerSteps: false);
        var configuration = StepConfigurationJson.Build(StepConfigurations.CustomersMap, "https://contoso.operations.dynamics.com/");
        var settings = StepConfiguration.Parse(configuration, StepConfigurations.Secure).Settings!;
        var planner = new WriteThroughPlanner(settings);
        var service = scenario.Service;
        var billing = service.Create(CustomersScenario.NewAccount("US-900", "Parent"));
        var existing = CustomersScenario.NewAccount();
        existing["msdyn_billingaccount"] = new EntityReference("account", billing);
        existing["msdyn_paymentterm"] = new EntityReference("msdyn_paymentterm", CustomersScenario.PaymentNet30);
        existing.Id = service.Create(existing);
        static void Ignore(string line)
        {
        }

        var create = Samples.Measure("plan Create (company + 3 lookups, full payload)", WarmUp, Count, i =>
        {
            var plan = planner.Plan(Context("Create", existing, null), service, Ignore);
            Check(plan, "POST");
        });
        var update = Samples.Measure("plan Update of one column (company lookup, PATCH body)", WarmUp, Count, i =>
        {
            var target = new Entity("account", existing.Id) { ["name"] = "Contoso " + (i % 2) };
            var plan = planner.Plan(Context("Update", target, existing), service, Ignore);
            Check(plan, "PATCH");
        });
        var skipped = Samples.Measure("plan Update of an unmapped column (skipped)", WarmUp, Count, _ =>
        {
            var plan = planner.Plan(Context("Update", new Entity("account", existing.Id) { [CustomersScenario.UnmappedColumn] = "x" }, existing), service, Ignore);
            if (plan.Kind != WriteThroughPlanKind.Skip)
            {
                throw new InvalidOperationException(plan.ToString());
            }
        });
        var canned = new CannedLookupService(service);
        var createCanned = Samples.Measure("plan Create, lookup answers canned (plug-in CPU only)", WarmUp, Count, i =>
        {
            var plan = planner.Plan(Context("Create", existing, null), canned, Ignore);
            Check(plan, "POST");
        });
        var updateCanned = Samples.Measure("plan Update of one column, lookup answers canned", WarmUp, Count, i =>
        {
            var target = new Entity("account", existing.Id) { ["name"] = "Contoso " + (i % 2) };
            var plan = planner.Plan(Context("Update", target, existing), canned, Ignore);
            Check(plan, "PATCH");
        });
        var construct = Samples.Measure("new WriteThroughPlugin (parse configuration, load map)", WarmUp, Count, i =>
        {
            GC.KeepAlive(new WriteThroughPlugin(configuration, StepConfigurations.Secure));
        });

        Console.WriteLine("1. The plug-in's own cost per save (no F&O round trip; lookups read from the in-memory Dataverse)");
        Console.WriteLine("   " + create);
        Console.WriteLine("   " + update);
        Console.WriteLine("   " + skipped);
        Console.WriteLine("   " + createCanned);
        Console.WriteLine("   " + updateCanned);
        Console.WriteLine("   " + construct + "  <- once per plug-in instance; the platform caches instances");
    }

    private static async Task AddedLatencyAsync()
    {
        await using var with = await CustomersScenario.StartAsync();
        await using var without = await CustomersScenario.StartAsync(registerSteps: false);
        var withId = with.Service.Create(CustomersScenario.NewAccount());
        var withoutId = without.Service.Create(CustomersScenario.NewAccount());

        // Interleave the two so drift (JIT, GC, CPU frequency) hits both alike.
        var plugged = new Samples("with");
        var baseline = new Samples("without");
        for (var i = 0; i < SaveWarmUp + SaveCount; i++)
        {
            var name = "Contoso " + i.ToString(CultureInfo.InvariantCulture);
            var withTime = Samples.Time(() => with.Service.Update(new Entity("account", withId) { ["name"] = name }));
            var withoutTime = Samples.Time(() => without.Service.Update(new Entity("account", withoutId) { ["name"] = name }));
            if (i >= SaveWarmUp)
            {
                plugged.Add(withTime);
                baseline.Add(withoutTime);
            }
        }

        Console.WriteLine("2. Latency a save gains from the plug-in (Update of one mapped column, in-memory Dataverse, F&O = Kestrel on loopback)");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "   save without the plug-in   median {0,9:0.0} us   p95 {1,9:0.0} us", baseline.Median, baseline.P95));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "   save with the plug-in      median {0,9:0.0} us   p95 {1,9:0.0} us", plugged.Median, plugged.P95));
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "   added by the plug-in       median {0,9:0.0} us   p95 {1,9:0.0} us   ratio with/without (medians) {2:0.0}x   (n={3})",
            plugged.Median - baseline.Median,
            plugged.P95 - baseline.P95,
            plugged.Median / baseline.Median,
            plugged.Count));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "   F&O requests served: {0}, token requests: {1}", with.FinOps.Requests.Count, with.FinOps.TokenRequests));
    }

    private static RemoteExecutionContext Context(string message, Entity target, Entity? pre)
    {
        var context = new RemoteExecutionContext { MessageName = message, PrimaryEntityName = "account", PrimaryEntityId = target.Id, Stage = 40, Depth = 1 };
        context.InputParameters["Target"] = target;
        if (pre is not null)
        {
            context.PreEntityImages["pre"] = pre;
        }

        return context;
    }

    private static void Check(WriteThroughPlan plan, string method)
    {
        if (plan.Kind != WriteThroughPlanKind.Send || plan.Request!.Method != method)
        {
            throw new InvalidOperationException("Unexpected plan: " + plan);
        }
    }
}
