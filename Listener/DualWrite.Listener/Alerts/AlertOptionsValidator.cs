using System.Collections.Generic;
using DualWrite.Core.Security;
using Microsoft.Extensions.Options;

namespace DualWrite.Listener.Alerts;

/// <summary>Every problem in <c>DualWrite:Alerts</c> at once, each naming its setting and value.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        System.ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var at = AlertOptions.SectionName + ":Rules:" + i;
            if (string.IsNullOrWhiteSpace(rule.Map))
            {
                problems.Add(at + ":Map is empty: name a map or use * for every map.");
            }

            if (rule.Threshold <= 0)
            {
                problems.Add(at + ":Threshold is " + rule.Threshold + ": it must be above 0 (" + (rule.Kind == AlertKind.Errors ? "failures" : "seconds of lag") + ").");
            }

            if (rule.Kind == AlertKind.Errors && rule.WindowMinutes <= 0)
            {
                problems.Add(at + ":WindowMinutes is " + rule.WindowMinutes + ": it must be above 0.");
            }
        }

        if (options.WebhookUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != "http" && url.Scheme != "https")))
        {
            problems.Add(AlertOptions.SectionName + ":WebhookUrl '" + (url.IsAbsoluteUri ? SecretRedaction.Origin(url) : SecretRedaction.Mask) + "' is not an absolute http(s) URL (its path is not shown: webhook URLs carry their token).");
        }

        if (options.EvaluationInterval <= System.TimeSpan.Zero)
        {
            problems.Add(AlertOptions.SectionName + ":EvaluationInterval must be above zero, not " + options.EvaluationInterval + ".");
        }

        if (options.WebhookAttempts < 1 || options.WebhookQueueCapacity < 1 || options.RecentAlertsKept < 1)
        {
            problems.Add(AlertOptions.SectionName + ": WebhookAttempts, WebhookQueueCapacity and RecentAlertsKept must each be at least 1.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
