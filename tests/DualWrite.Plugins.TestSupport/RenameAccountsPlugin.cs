using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DualWrite.Plugins.TestSupport;

/// <summary>
/// A plug-in of someone else's: when a company is saved it renames that company's accounts through the
/// organization service, so each account update runs in a nested pipeline whose ParentContext is the
/// company's save.
/// </summary>
public sealed class RenameAccountsPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
        var service = factory.CreateOrganizationService(context.UserId);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("msdyn_company", ConditionOperator.Equal, context.PrimaryEntityId);
        foreach (var account in service.RetrieveMultiple(query).Entities)
        {
            service.Update(new Entity("account", account.Id) { ["name"] = account.GetAttributeValue<string>("name") + " (renamed)" });
        }
    }
}
