using System;
using System.Linq;
using CsCheck;
using DualWrite.Core.Conflicts;
using DualWrite.Core.Maps;

namespace DualWrite.Core.Properties.Tests.Conflicts;

/// <summary>
/// The three-way merge is order-independent where ConflictResolver's remarks say so: the order of the fields
/// does not matter; a field changed on one side only takes that side's value whoever wrote last (unless the
/// map's record-level LastWriterWins governs it); FinOpsWins, DataverseWins and ManualReview do not look at
/// the clock; and the merged record is the base plus each side's own changes.
/// </summary>
public class MergeOrderProperties
{
    private const int Iterations = 3000;

    [Fact]
    public void The_order_of_the_fields_does_not_change_any_decision()
    {
        Gen.Select(MergeScenarios.Request, Gen.Int[0, 719]).Sample(
            (request, permutation) =>
            {
                var order = Permutation(request.Fields.Count, permutation);
                var shuffled = MergeScenarios.With(request, order.Select(i => request.Fields[i]).ToList());
                var straight = ConflictResolver.Resolve(request);
                var reordered = ConflictResolver.Resolve(shuffled);
                Assert.Equal(straight.Outcome, reordered.Outcome);
                for (var i = 0; i < order.Length; i++)
                {
                    var a = straight.Decisions[order[i]];
                    var b = reordered.Decisions[i];
                    Assert.Same(a.Field, b.Field);
                    Assert.Equal(a.Action, b.Action);
                    Assert.True(Equals(a.Value, b.Value), a + " vs " + b);
                }
            },
            iter: Iterations,
            print: c => MergeScenarios.Describe(c.Item1) + " permutation " + c.Item2);
    }

    [Fact]
    public void Who_wrote_last_matters_only_to_fields_changed_on_both_sides_under_a_last_writer_policy()
    {
        MergeScenarios.Request.Sample(
            request =>
            {
                var swapped = MergeScenarios.With(request, times: (request.DataverseModifiedOn, request.FinOpsModifiedOn));
                var one = ConflictResolver.Resolve(request);
                var other = ConflictResolver.Resolve(swapped);
                var recordLevel = request.Map.ConflictPolicy == ConflictPolicy.LastWriterWins;
                var bothChangedAny = one.Decisions.Any(d => d.Change is FieldChange.FinOpsOnly or FieldChange.Both) && one.Decisions.Any(d => d.Change is FieldChange.DataverseOnly or FieldChange.Both);
                for (var i = 0; i < one.Decisions.Count; i++)
                {
                    var decision = one.Decisions[i];
                    var policy = request.Map.ConflictPolicyFor(decision.Field);
                    var governedByRecord = recordLevel && decision.Field.ConflictPolicy is null && bothChangedAny;
                    var timed = policy is ConflictPolicy.LastWriterWins or ConflictPolicy.FieldMerge;
                    if (governedByRecord || (decision.Change == FieldChange.Both && timed))
                    {
                        continue;
                    }

                    Assert.True(Equals(decision.Value, other.Decisions[i].Value) && decision.Action == other.Decisions[i].Action, decision + " became " + other.Decisions[i]);
                }
            },
            iter: Iterations,
            print: MergeScenarios.Describe);
    }

    [Fact]
    public void The_merged_record_is_the_base_plus_each_sides_own_changes()
    {
        MergeScenarios.Request.Where(r => r.Map.ConflictPolicy != ConflictPolicy.LastWriterWins || r.Fields.All(f => f.Field.ConflictPolicy is not null)).Sample(
            request =>
            {
                var resolution = ConflictResolver.Resolve(request);
                foreach (var decision in resolution.Decisions)
                {
                    var versions = decision.Versions;
                    var expected = decision.Change switch
                    {
                        FieldChange.None => versions.FinOps ?? versions.Dataverse,
                        FieldChange.FinOpsOnly => versions.FinOps,
                        FieldChange.DataverseOnly => versions.Dataverse,
                        _ => decision.Value,
                    };
                    Assert.True(Equals(expected, decision.Value), decision + ": expected " + expected);
                }
            },
            iter: Iterations,
            print: MergeScenarios.Describe);
    }

    /// <summary>The n-th permutation of 0..count-1 (factorial number system).</summary>
    private static int[] Permutation(int count, int n)
    {
        var pool = Enumerable.Range(0, count).ToList();
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            var f = Factorial(count - 1 - i);
            var index = n / f % pool.Count;
            result[i] = pool[index];
            pool.RemoveAt(index);
            n %= f;
        }

        return result;
    }

    private static int Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
