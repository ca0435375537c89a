using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DualWrite.Chaos.Ledger;
using DualWrite.Chaos.Records;

namespace DualWrite.Chaos.Driving;

/// <summary>
/// Random creates, updates and deletes on both sides across customers, contacts and customer groups, from several
/// workers at once, each choice drawn from the run's seed. Every record is changed by one operation at a time
/// except the two-sided edits: a customer changed in F&amp;O (phone) and in Dataverse (email) at the same moment.
/// Keys are never reused, values never repeat, so the checks can tell every operation's effect apart.
/// </summary>
public sealed class ChaosDriver
{
    /// <summary>Live records per table the run keeps around (creates win below it).</summary>
    private const int LivePerTable = 40;

    private readonly SideClients _clients;
    private readonly OperationLedger _ledger;
    private readonly string _runTag;
    private readonly object _gate = new();
    private readonly Random _random;
    private readonly Dictionary<ChaosEntity, List<TrackedRecord>> _live = EntityShape.All.ToDictionary(s => s.Entity, _ => new List<TrackedRecord>());
    private readonly List<TrackedRecord> _all = new();
    private readonly Dictionary<ChaosEntity, int> _nextNumber = EntityShape.All.ToDictionary(s => s.Entity, _ => 0);
    private long _operation;

    private readonly bool _formDefaults;

    public ChaosDriver(SideClients clients, OperationLedger ledger, int seed, string runTag, bool formDefaults = false)
    {
        _formDefaults = formDefaults;
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _random = new Random(seed);
        _runTag = runTag;
    }

    /// <summary>Every record the run created or tried to.</summary>
    public IReadOnlyList<TrackedRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return _all.ToArray();
            }
        }
    }

    /// <summary>Runs <paramref name="workers"/> issuers until <paramref name="stop"/> or until <paramref name="operations"/> are made.</summary>
    public async Task RunAsync(int workers, int? operations, CancellationToken stop)
    {
        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(operations, stop), CancellationToken.None)).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private async Task WorkAsync(int? operations, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested && (operations is null || _ledger.Count < operations))
        {
            var busy = await OneAsync().ConfigureAwait(false);
            if (busy)
            {
                // Throttled or unavailable: a client waits (Retry-After) instead of hammering, as real ones do.
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One random step (one operation, or two for a two-sided edit); true when a side said it is busy (429, 503).</summary>
    private async Task<bool> OneAsync()
    {
        var answers = await StepAsync().ConfigureAwait(false);
        return answers.Any(a => a.Status is 429 or 503);
    }

    private async Task<Answer[]> StepAsync()
    {
        double roll;
        EntityShape shape;
        TrackedRecord? record;
        lock (_gate)
        {
            var pick = _random.NextDouble();
            shape = pick < 0.5 ? EntityShape.Customer : pick < 0.75 ? EntityShape.CustomerGroup : EntityShape.Contact;
            roll = _random.NextDouble();
            record = _live[shape.Entity].Count < LivePerTable / 2 || roll < 0.2 ? null : TakeIdle(shape);
        }

        if (record is null)
        {
            return [await CreateAsync(shape, Pick() ? Side.FinOps : Side.Dataverse).ConfigureAwait(false)];
        }

        try
        {
            if (shape.Entity == ChaosEntity.Customer && roll < 0.35)
            {
                return await TwoSidedEditAsync(record).ConfigureAwait(false);
            }
            else if (roll < 0.9 || (!shape.SupportsDataverseUpdateAndDeletes))
            {
                var side = shape.SupportsDataverseUpdateAndDeletes && Pick() ? Side.Dataverse : Side.FinOps;
                return [await UpdateAsync(record, side, shape.Fields[Index(shape.Fields.Count)], concurrent: false).ConfigureAwait(false)];
            }
            else
            {
                return [await DeleteAsync(record, Pick() ? Side.FinOps : Side.Dataverse).ConfigureAwait(false)];
            }
        }
        finally
        {
            record.Gate.Release();
        }
    }

    private async Task<Answer> CreateAsync(EntityShape shape, Side side)
    {
        TrackedRecord record;
        lock (_gate)
        {
            var number = ++_nextNumber[shape.Entity];
            record = new TrackedRecord(shape, shape.KeyFor(_runTag, number));
            _all.Add(record);
        }

        var id = Interlocked.Increment(ref _operation);
        var value = shape.Fields[0].ValueFor(id);
        var answer = side == Side.FinOps
            ? await SendAsync(_clients.FinOps, HttpMethod.Post, shape.FinOpsSet, shape.FinOpsCreate(record.Key, value)).ConfigureAwait(false)
            : await SendAsync(_clients.Dataverse, HttpMethod.Post, shape.DataverseSet, shape.DataverseCreate(record.Key, value, _clients.Company, _formDefaults)).ConfigureAwait(false);
        Record(record, new LedgerEntry(id, shape.Entity, record.Key, side, OperationKind.Create, new Dictionary<string, string> { [shape.Fields[0].FinOps] = value }, answer.Outcome, answer.Status, answer.Reason, false));
        if (answer.Outcome == Outcome.Accepted)
        {
            record.Live = true;
            lock (_gate)
            {
                _live[shape.Entity].Add(record);
            }
        }

        return answer;
    }

    private async Task<Answer> UpdateAsync(TrackedRecord record, Side side, FieldPair field, bool concurrent)
    {
        var shape = record.Shape;
        var id = Interlocked.Increment(ref _operation);
        var value = field.ValueFor(id);
        var answer = side == Side.FinOps
            ? await SendAsync(_clients.FinOps, HttpMethod.Patch, shape.FinOpsAddress(record.Key), new JsonObject { [field.FinOps] = value }).ConfigureAwait(false)
            : await SendAsync(_clients.Dataverse, HttpMethod.Patch, shape.DataverseAddress(record.Key, _clients.Company), new JsonObject { [field.Dataverse] = value }, ifMatchAny: true).ConfigureAwait(false);
        Record(record, new LedgerEntry(id, shape.Entity, record.Key, side, OperationKind.Update, new Dictionary<string, string> { [field.FinOps] = value }, answer.Outcome, answer.Status, answer.Reason, concurrent));
        return answer;
    }

    /// <summary>The same customer edited in F&amp;O and in Dataverse at once, different fields: both must survive.</summary>
    private async Task<Answer[]> TwoSidedEditAsync(TrackedRecord record)
    {
        var fields = record.Shape.Fields;
        var finOps = UpdateAsync(record, Side.FinOps, fields.First(f => f.FinOps == "PrimaryContactPhone"), concurrent: true);
        var dataverse = UpdateAsync(record, Side.Dataverse, fields.First(f => f.FinOps == "PrimaryContactEmail"), concurrent: true);
        return await Task.WhenAll(finOps, dataverse).ConfigureAwait(false);
    }

    private async Task<Answer> DeleteAsync(TrackedRecord record, Side side)
    {
        var shape = record.Shape;
        var id = Interlocked.Increment(ref _operation);
        var answer = side == Side.FinOps
            ? await SendAsync(_clients.FinOps, HttpMethod.Delete, shape.FinOpsAddress(record.Key), null).ConfigureAwait(false)
            : await SendAsync(_clients.Dataverse, HttpMethod.Delete, shape.DataverseAddress(record.Key, _clients.Company), null).ConfigureAwait(false);
        Record(record, new LedgerEntry(id, shape.Entity, record.Key, side, OperationKind.Delete, new Dictionary<string, string>(), answer.Outcome, answer.Status, answer.Reason, false));
        if (answer.Outcome != Outcome.Refused)
        {
            // Gone, or perhaps gone: the run changes it no more.
            record.Live = false;
            lock (_gate)
            {
                _live[shape.Entity].Remove(record);
            }
        }

        return answer;
    }

    private void Record(TrackedRecord record, LedgerEntry entry)
    {
        record.Add(entry);
        _ledger.Add(entry);
    }

    /// <summary>A live record of the table no other worker is changing (its gate taken), or null.</summary>
    private TrackedRecord? TakeIdle(EntityShape shape)
    {
        var live = _live[shape.Entity];
        for (var attempt = 0; attempt < 5 && live.Count > 0; attempt++)
        {
            var candidate = live[_random.Next(live.Count)];
            if (candidate.Gate.Wait(0))
            {
                return candidate;
            }
        }

        return null;
    }

    private bool Pick()
    {
        lock (_gate)
        {
            return _random.NextDouble() < 0.5;
        }
    }

    private int Index(int count)
    {
        lock (_gate)
        {
            return _random.Next(count);
        }
    }

    private static async Task<Answer> SendAsync(HttpClient http, HttpMethod method, string address, JsonObject? body, bool ifMatchAny = false)
    {
        using var request = new HttpRequestMessage(method, address);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (ifMatchAny)
        {
            // Update only: never an upsert that would create the record.
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        }

        try
        {
            using var response = await http.SendAsync(request).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new Answer(Outcome.Accepted, (int)response.StatusCode, string.Empty);
            }

            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new Answer(Outcome.Refused, (int)response.StatusCode, text.Length > 300 ? text[..300] : text);
        }
        catch (HttpRequestException ex)
        {
            return new Answer(Outcome.Unknown, 0, ex.Message);
        }
        catch (TaskCanceledException ex)
        {
            return new Answer(Outcome.Unknown, 0, "No answer: " + ex.Message);
        }
    }
}
