using System.Collections.Generic;
using System;
using DualWrite.Emulators.Dataverse.Faults;
using DualWrite.Emulators.Dataverse.Pipeline;
using DualWrite.Emulators.Dataverse.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk;

namespace DualWrite.Emulators.Dataverse.Tests.Pipeline;

public sealed class ExecutionContextTests
{
    [Fact]
    public void The_context_reports_message_table_stage_mode_depth_transaction_users_and_times()
    {
        var contexts = new Dictionary<int, IPluginExecutionContext>();
        var clock = new FakeTimeProvider(TestDataverse.Start);
        var user = Guid.NewGuid();
        using var dataverse = TestDataverse.Builder(clock)
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, s => contexts[10] = s.Context))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s => contexts[20] = s.Context))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s => contexts[40] = s.Context))
            .Build();

        var id = dataverse.CreateOrganizationService(user).Create(new Entity("account") { ["name"] = "A" });

        foreach (var (stage, context) in contexts)
        {
            Assert.Equal(stage, context.Stage);
            Assert.Equal("Create", context.MessageName);
            Assert.Equal("account", context.PrimaryEntityName);
            Assert.Equal(0, context.Mode);
            Assert.Equal(1, context.Depth);
            Assert.Equal(user, context.UserId);
            Assert.Equal(user, context.InitiatingUserId);
            Assert.Equal(TestDataverse.Start.UtcDateTime, context.OperationCreatedOn);
            Assert.Equal(dataverse.OrganizationId, context.OrganizationId);
        }

        Assert.False(contexts[10].IsInTransaction);
        Assert.True(contexts[20].IsInTransaction);
        Assert.True(contexts[40].IsInTransaction);
        Assert.Equal(id, contexts[40].PrimaryEntityId);
        Assert.Equal(id, contexts[40].OutputParameters["id"]);
        Assert.False(contexts[20].OutputParameters.Contains("id"));
        Assert.Equal(contexts[10].CorrelationId, contexts[40].CorrelationId);
        Assert.Equal("sdkmessageprocessingstep", contexts[40].OwningExtension.LogicalName);
        Assert.Equal("Create-PostOperation-1", contexts[40].OwningExtension.Name);
    }

    [Fact]
    public void A_request_made_by_plugin_code_runs_one_level_deeper_with_the_plugin_context_as_parent()
    {
        var nested = new List<IPluginExecutionContext>();
        IPluginExecutionContext? outer = null;
        var impersonated = Guid.NewGuid();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                outer = s.Context;
                var factory = (IOrganizationServiceFactory)s.Provider.GetService(typeof(IOrganizationServiceFactory))!;
                factory.CreateOrganizationService(impersonated).Create(new Entity("contact") { ["lastname"] = "Nested" });
            }))
            .AddStep(TestDataverse.Step("Create", "contact", PipelineStage.PreOperation, s => nested.Add(s.Context)))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        var inner = Assert.Single(nested);
        Assert.Equal(2, inner.Depth);
        Assert.True(inner.IsInTransaction);
        Assert.Equal(outer!.CorrelationId, inner.CorrelationId);
        Assert.Equal(impersonated, inner.UserId);
        Assert.Equal(dataverse.DefaultUserId, inner.InitiatingUserId);
        Assert.Same(outer, inner.ParentContext.ParentContext);
        Assert.Equal(10, inner.ParentContext.Stage);
    }

    [Fact]
    public void A_step_registered_to_run_as_another_user_gets_that_user_id_while_the_initiating_user_stays_the_caller()
    {
        var runAs = Guid.NewGuid();
        IPluginExecutionContext? seen = null;
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginFactory = (_, _) => new DelegatePlugin(s => seen = s.Context),
                Message = "Create",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                ImpersonatingUserId = runAs,
            })
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(runAs, seen!.UserId);
        Assert.Equal(dataverse.DefaultUserId, seen.InitiatingUserId);
    }

    [Fact]
    public void A_request_that_would_pass_depth_8_is_aborted_and_nothing_is_saved()
    {
        var deepest = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                deepest = Math.Max(deepest, s.Context.Depth);
                s.Service.Create(new Entity("account") { ["name"] = "again" });
            }))
            .Build();

        var fault = Assertions.Fault(ErrorCodes.InfiniteLoopDetected, () => dataverse.Service.Create(new Entity("account") { ["name"] = "A" }));

        Assert.Equal(8, deepest);
        Assert.Contains("depth 9", fault.Message, StringComparison.Ordinal);
        Assert.Equal(0, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void Shared_variables_flow_from_earlier_to_later_steps_and_prevalidation_ones_through_the_parent_context()
    {
        object? seenInPost = null;
        object? seenPreValidationInPost = null;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, s => s.Context.SharedVariables["fromPreValidation"] = "pv"))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s => s.Context.SharedVariables["fromPre"] = 42))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                seenInPost = s.Context.SharedVariables["fromPre"];
                seenPreValidationInPost = s.Context.ParentContext.SharedVariables["fromPreValidation"];
            }))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(42, seenInPost);
        Assert.Equal("pv", seenPreValidationInPost);
    }

    [Fact]
    public void The_tag_request_parameter_appears_as_the_tag_shared_variable_and_nested_pipelines_see_it_through_the_parent_context()
    {
        object? tag = null;
        string? nestedTag = null;
        bool nestedOwnTag = true;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s =>
            {
                tag = s.Context.SharedVariables["tag"];
                s.Service.Create(new Entity("contact") { ["lastname"] = "Nested" });
            }))
            .AddStep(TestDataverse.Step("Create", "contact", PipelineStage.PostOperation, s =>
            {
                nestedOwnTag = s.Context.SharedVariables.Contains("tag");
                for (var parent = s.Context.ParentContext; parent is not null; parent = parent.ParentContext)
                {
                    if (parent.SharedVariables.Contains("tag"))
                    {
                        nestedTag = (string)parent.SharedVariables["tag"];
                        break;
                    }
                }
            }))
            .Build();

        var request = new CreateRequest { Target = new Entity("account") { ["name"] = "A" } };
        request.Parameters["tag"] = "DualWrite";
        dataverse.Service.Execute(request);

        Assert.Equal("DualWrite", tag);
        Assert.Equal("DualWrite", nestedTag);
        Assert.False(nestedOwnTag);
    }

    [Fact]
    public void An_upsert_tag_reaches_the_steps_of_its_inner_create_or_update()
    {
        var tags = new List<object?>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s => tags.Add(s.Context.SharedVariables["tag"])))
            .AddStep(TestDataverse.Step("Update", "account", PipelineStage.PostOperation, s => tags.Add(s.Context.SharedVariables["tag"])))
            .Build();

        for (var i = 0; i < 2; i++)
        {
            var request = new UpsertRequest { Target = new Entity("account", "accountnumber", "K") { ["name"] = $"v{i}" } };
            request.Parameters["tag"] = "DualWrite";
            dataverse.Service.Execute(request);
        }

        Assert.Equal(["DualWrite", "DualWrite"], tags);
    }

    [Fact]
    public void Bypass_custom_plugin_execution_runs_no_steps()
    {
        var runs = 0;
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreValidation, _ => runs++))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => runs++))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, _ => runs++, mode: StepMode.Asynchronous))
            .Build();

        var request = new CreateRequest { Target = new Entity("account") { ["name"] = "A" } };
        request.Parameters["BypassCustomPluginExecution"] = true;
        dataverse.Service.Execute(request);

        Assert.Equal(0, runs);
        Assert.Equal(1, dataverse.Snapshot().RecordCount);
    }

    [Fact]
    public void The_service_provider_answers_the_same_context_for_every_context_interface()
    {
        var answers = new List<object?>();
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PreOperation, s =>
            {
                foreach (var type in new[]
                {
                    typeof(IExecutionContext), typeof(IPluginExecutionContext), typeof(IPluginExecutionContext2), typeof(IPluginExecutionContext3),
                    typeof(IPluginExecutionContext4), typeof(IPluginExecutionContext5), typeof(IPluginExecutionContext6), typeof(IPluginExecutionContext7),
                })
                {
                    answers.Add(s.Provider.GetService(type));
                }

                Assert.NotNull(s.Provider.GetService(typeof(ITracingService)));
                Assert.NotNull(s.Provider.GetService(typeof(IOrganizationServiceFactory)));
            }))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(8, answers.Count);
        Assert.All(answers, a => Assert.Same(answers[0], a));
    }

    [Fact]
    public void Traces_are_captured_with_the_step_that_wrote_them()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s => s.Tracing.Trace("created {0} with {1}", s.Context.PrimaryEntityName, "braces {ok}".Length), name: "Tracer"))
            .AddStep(TestDataverse.Step("Create", "account", PipelineStage.PostOperation, s => s.Tracing.Trace("literal {braces}"), name: "Literal", rank: 2))
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Collection(
            dataverse.Traces,
            t => { Assert.Equal("Tracer", t.StepName); Assert.Equal("created account with 11", t.Text); Assert.Equal(40, t.Stage); },
            t => Assert.Equal("literal {braces}", t.Text));
    }

    [Fact]
    public void Unsecure_and_secure_configuration_reach_the_plugins_two_string_constructor()
    {
        ConfiguredPlugin.Seen.Clear();
        using var dataverse = TestDataverse.Builder()
            .AddStep(new StepRegistration
            {
                PluginType = typeof(ConfiguredPlugin),
                Message = "Create",
                Table = "account",
                Stage = PipelineStage.PostOperation,
                UnsecureConfiguration = "public",
                SecureConfiguration = "secret",
            })
            .Build();

        dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal(["public|secret"], ConfiguredPlugin.Seen);
    }

    [Fact]
    public void Retrieve_postoperation_steps_can_change_what_the_caller_gets()
    {
        using var dataverse = TestDataverse.Builder()
            .AddStep(TestDataverse.Step("Retrieve", "account", PipelineStage.PostOperation, s => ((Entity)s.Context.OutputParameters["BusinessEntity"])["description"] = "decorated"))
            .Build();
        var id = dataverse.Service.Create(new Entity("account") { ["name"] = "A" });

        Assert.Equal("decorated", dataverse.Service.Retrieve("account", id, new ColumnSet("name"))["description"]);
    }

    private sealed class ConfiguredPlugin : IPlugin
    {
        private readonly string _config;

        public ConfiguredPlugin(string unsecureConfig, string secureConfig)
        {
            _config = unsecureConfig + "|" + secureConfig;
        }

        public static List<string> Seen { get; } = [];

        public void Execute(IServiceProvider serviceProvider) => Seen.Add(_config);
    }
}
