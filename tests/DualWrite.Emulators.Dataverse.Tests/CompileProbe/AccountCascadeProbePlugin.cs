using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Emulators.Dataverse.Tests.CompileProbe;

/// <summary>
/// Compile probe: a plug-in written the way real-world plug-ins are, touching the SDK surface broadly
/// (context, images, shared variables, queries, ExecuteMultiple/Upsert, GetAttributeValue, tracing and
/// InvalidPluginExecutionException). It must compile unchanged against Microsoft.CrmSdk.CoreAssemblies,
/// so it sticks to SDK-only APIs (the ! and ? annotations are what this repository's Nullable=enable asks for).
/// Registered on Update of account, PostOperation, images "pre" and "post"; the unsecure configuration is
/// the highest credit limit allowed.
/// </summary>
public sealed class AccountCascadeProbePlugin : IPlugin
{
    private readonly decimal _maxCreditLimit;

    public AccountCascadeProbePlugin(string unsecureConfig, string secureConfig)
    {
        _maxCreditLimit = string.IsNullOrEmpty(unsecureConfig)
            ? decimal.MaxValue
            : decimal.Parse(unsecureConfig, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;

        if (context.SharedVariables.Contains("tag") && (string)context.SharedVariables["tag"] == "DualWrite")
        {
            tracing.Trace("Skipping: change came from DualWrite.");
            return;
        }

        if (context.Depth > 1 || !context.InputParameters.Contains("Target") || !(context.InputParameters["Target"] is Entity))
        {
            return;
        }

        var target = (Entity)context.InputParameters["Target"];
        if (target.LogicalName != "account")
        {
            throw new InvalidPluginExecutionException("AccountCascadeProbePlugin is registered on the wrong table: " + target.LogicalName);
        }

        Entity? preImage = context.PreEntityImages.Contains("pre") ? context.PreEntityImages["pre"] : null;
        Entity postImage = context.PostEntityImages["post"];
        var oldName = preImage != null ? preImage.GetAttributeValue<string>("name") : null;
        var newName = postImage.GetAttributeValue<string>("name");
        var creditLimit = postImage.GetAttributeValue<Money>("creditlimit");
        tracing.Trace("Account {0}: '{1}' -> '{2}'", context.PrimaryEntityId, oldName, newName);

        if (creditLimit != null && creditLimit.Value > _maxCreditLimit)
        {
            throw new InvalidPluginExecutionException(string.Format(CultureInfo.InvariantCulture, "Credit limit {0:N2} exceeds the maximum of {1:N2}.", creditLimit.Value, _maxCreditLimit));
        }

        var service = factory.CreateOrganizationService(context.UserId);
        var query = new QueryExpression("contact")
        {
            ColumnSet = new ColumnSet("firstname", "lastname", "emailaddress1"),
            Criteria = new FilterExpression(LogicalOperator.And),
        };
        query.Criteria.AddCondition(new ConditionExpression("parentcustomerid", ConditionOperator.Equal, context.PrimaryEntityId));
        var named = new FilterExpression(LogicalOperator.Or);
        named.AddCondition("lastname", ConditionOperator.NotNull);
        named.AddCondition("emailaddress1", ConditionOperator.Like, "%@%");
        query.Criteria.AddFilter(named);
        query.AddOrder("lastname", OrderType.Ascending);
        var contacts = service.RetrieveMultiple(query);

        var batch = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
            Requests = new OrganizationRequestCollection(),
        };
        foreach (var contact in contacts.Entities)
        {
            var update = new Entity("contact", contact.Id);
            update["firstname"] = "of " + newName;
            batch.Requests.Add(new UpsertRequest { Target = update });
        }

        var audit = new Entity("contact", "emailaddress1", "audit-" + context.PrimaryEntityId.ToString("N") + "@example.com");
        audit["lastname"] = "Audit " + newName;
        batch.Requests.Add(new UpsertRequest { Target = audit });

        var result = (ExecuteMultipleResponse)service.Execute(batch);
        if (result.IsFaulted)
        {
            foreach (var item in result.Responses)
            {
                if (item.Fault != null)
                {
                    throw new InvalidPluginExecutionException("Cascade failed at request " + item.RequestIndex + ": " + item.Fault.Message);
                }
            }
        }

        var created = 0;
        foreach (var item in result.Responses)
        {
            var upsert = item.Response as UpsertResponse;
            if (upsert != null && upsert.RecordCreated)
            {
                created++;
            }
        }

        context.SharedVariables["probe.cascaded"] = contacts.Entities.Count;
        tracing.Trace("Cascaded to {0} contact(s); {1} audit record(s) created.", contacts.Entities.Count, created);
    }
}
