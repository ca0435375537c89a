using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using DualWrite.Corpus.Tests.Support;

namespace DualWrite.Corpus.Tests.Admin;

/// <summary>
/// Each case of tests/corpus/admin sent to the running listener's admin API over loopback: a 4xx (never a 500) whose
/// body names the bad map, id, value or parameter, no map state, error or conflict changed, and a good event still
/// flowing afterwards.
/// </summary>
[Collection(CorpusSystemCollection.Name)]
public sealed class AdminCorpusTests(CorpusSystem system)
{
    public static TheoryData<string> Cases => CorpusCase.Names("admin");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_admin_request_is_refused_by_name_and_changes_nothing(string name)
    {
        var corpusCase = CorpusCase.Load("admin", name);
        var input = corpusCase.Input;
        var before = await system.AdminStateAsync();
        using var request = new HttpRequestMessage(new HttpMethod(input["method"]?.GetValue<string>() ?? "GET"), input["path"]!.GetValue<string>());
        if (input["body"]?.GetValue<string>() is { } body)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input["contentType"]?.GetValue<string>() ?? "application/json");
        }

        switch (input["auth"]?.GetValue<string>() ?? "key")
        {
            case "key":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CorpusSystem.AdminKey);
                break;
            case "none":
                break;
            case "wrong":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-key");
                break;
            case "basic-wrong":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:not-the-key")));
                break;
            case "basic-other-user":
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("root:" + CorpusSystem.AdminKey)));
                break;
            case "event-secret":
                request.Headers.TryAddWithoutValidation("X-DualWrite-Secret", system.Emulators.EventSecret);
                break;
            case var other:
                throw new ArgumentException("unknown auth '" + other + "'");
        }

        using var response = await system.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var after = await system.AdminStateAsync();
        await system.RestoreMapsAsync();

        var status = (int)response.StatusCode;
        Assert.True(corpusCase.Expect["status"]!.GetValue<int>() == status, corpusCase + Environment.NewLine + "status " + status + ": " + text);
        MessageAssert.ContainsAll(corpusCase, text);
        Assert.Equal(before, after);
        await system.AssertGoodRecordFlowsAsync(corpusCase.ToString());
    }
}
