using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;

namespace DualWrite.Emulators.Dataverse.Tests.WebApi;

/// <summary>Builds a $batch body the way the documentation shows it: parts, changesets, Content-IDs, CRLF line ends.</summary>
internal sealed class BatchBody
{
    private readonly StringBuilder _text = new();

    public string Boundary { get; } = "batch_" + Guid.NewGuid().ToString("N");

    public BatchBody Request(string method, string url, JsonNode? body = null)
    {
        _text.Append("--").Append(Boundary).Append("\r\n");
        AppendRequest(_text, method, url, body, null);
        return this;
    }

    public BatchBody Changeset(params (string Method, string Url, JsonNode? Body)[] requests)
    {
        var changeset = "changeset_" + Guid.NewGuid().ToString("N");
        _text.Append("--").Append(Boundary).Append("\r\n");
        _text.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        var id = 1;
        foreach (var (method, url, body) in requests)
        {
            _text.Append("--").Append(changeset).Append("\r\n");
            AppendRequest(_text, method, url, body, id++);
        }

        _text.Append("--").Append(changeset).Append("--\r\n");
        return this;
    }

    public HttpContent ToContent()
    {
        var content = new StringContent(_text + "--" + Boundary + "--\r\n", Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/mixed; boundary=" + Boundary);
        return content;
    }

    private static void AppendRequest(StringBuilder text, string method, string url, JsonNode? body, int? contentId)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is not null)
        {
            text.Append("Content-ID: ").Append(contentId).Append("\r\n");
        }

        text.Append("\r\n").Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n");
        if (body is not null)
        {
            text.Append("Content-Type: application/json; type=entry\r\n\r\n").Append(body.ToJsonString()).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }

    public static IReadOnlyList<int> Statuses(string responseText)
    {
        var statuses = new List<int>();
        foreach (var line in responseText.Split("\r\n"))
        {
            if (line.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                statuses.Add(int.Parse(line.AsSpan(9, 3), provider: System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return statuses;
    }
}
