using System;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DualWrite.Corpus.Tests.Support;

namespace DualWrite.Corpus.Tests.Events;

/// <summary>
/// Each case of tests/corpus/events posted to the running listener's event endpoint over loopback: the answer and
/// its reasons, nothing stored when refused, and a good change afterwards still reaches Dataverse.
/// </summary>
[Collection(CorpusSystemCollection.Name)]
public sealed class EventEndpointCorpusTests(CorpusSystem system)
{
    public static TheoryData<string> Cases => CorpusCase.Names("events");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_event_request_is_refused_by_name_stores_nothing_and_the_stream_keeps_flowing(string name)
    {
        var corpusCase = CorpusCase.Load("events", name);
        var builder = new EventRequestBuilder(system);
        await system.WaitForQuietAsync();
        var before = await system.InboxCountAsync();
        var body = builder.Body(corpusCase.Input, out var eventId);
        var expectedStatus = corpusCase.Expect["status"]!.GetValue<int>();

        // Cases that resend: the first delivery is the genuine one; the case is about the second.
        var sends = corpusCase.Input["sends"]?.GetValue<int>() ?? 1;
        string text = string.Empty;
        int status = 0;
        for (var i = 0; i < sends; i++)
        {
            var sentBody = i == sends - 1 && corpusCase.Input["lastSet"] is JsonObject lastSet ? Patch(body, lastSet) : body;
            using var request = builder.Request(corpusCase.Input, sentBody);
            using var response = await system.Http.SendAsync(request);
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync();
        }

        Assert.True(expectedStatus == status, corpusCase + Environment.NewLine + "status " + status + ": " + text);
        Assert.True(status < 500 || status == 503, corpusCase + ": server error " + status);
        MessageAssert.ContainsAll(corpusCase, text);

        // No partial write: a refused request leaves the inbox as it was; an accepted one adds at most the one event.
        var stored = corpusCase.Expect["stored"]?.GetValue<int>() ?? 0;
        await system.WaitForQuietAsync();
        Assert.True(before + stored == await system.InboxCountAsync(), corpusCase + ": the inbox changed by " + (await system.InboxCountAsync() - before) + ", expected " + stored);
        if (stored == 0 && eventId is not null && sends == 1)
        {
            Assert.Null(await system.Inbox.GetEventAsync(eventId, default));
        }

        await system.AssertGoodRecordFlowsAsync(corpusCase.ToString());
    }

    private static string Patch(string body, JsonObject set)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        foreach (var (name, value) in set)
        {
            json[name] = value?.DeepClone();
        }

        return json.ToJsonString();
    }
}
