using System.Collections.Generic;
using System.Text;
using DualWrite.Core.Multipart;

namespace DualWrite.Core.Tests.Multipart;

public sealed class MultipartWriterTests
{
    private static string WriteBatch()
    {
        var text = new StringBuilder();
        MultipartWriter.AppendNestedStart(text, "batch_1", "changeset_1");
        MultipartWriter.AppendDelimiter(text, "changeset_1");
        MultipartWriter.AppendHttpPart(text, "1", "POST http://host/data/Customers HTTP/1.1", new[] { new KeyValuePair<string, string>("Content-Type", "application/json") }, "{\"name\":\"A\"}");
        MultipartWriter.AppendClose(text, "changeset_1");
        MultipartWriter.AppendDelimiter(text, "batch_1");
        MultipartWriter.AppendHttpPart(text, null, "HTTP/1.1 204 No Content", new[] { new KeyValuePair<string, string>("OData-Version", "4.0") }, null);
        MultipartWriter.AppendClose(text, "batch_1");
        return text.ToString();
    }

    [Fact]
    public void Writes_parts_changesets_and_http_messages_with_crlf_line_ends()
    {
        Assert.Equal(
            "--batch_1\r\n" +
            "Content-Type: multipart/mixed; boundary=changeset_1\r\n" +
            "\r\n" +
            "--changeset_1\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n" +
            "Content-ID: 1\r\n" +
            "\r\n" +
            "POST http://host/data/Customers HTTP/1.1\r\n" +
            "Content-Type: application/json\r\n" +
            "\r\n" +
            "{\"name\":\"A\"}\r\n" +
            "--changeset_1--\r\n" +
            "--batch_1\r\n" +
            "Content-Type: application/http\r\n" +
            "Content-Transfer-Encoding: binary\r\n" +
            "\r\n" +
            "HTTP/1.1 204 No Content\r\n" +
            "OData-Version: 4.0\r\n" +
            "\r\n" +
            "--batch_1--\r\n",
            WriteBatch());
    }

    [Fact]
    public void An_empty_body_is_still_written_as_a_body()
    {
        var text = new StringBuilder();
        MultipartWriter.AppendHttpPart(text, null, "HTTP/1.1 200 OK", new KeyValuePair<string, string>[0], string.Empty);
        Assert.EndsWith("HTTP/1.1 200 OK\r\n\r\n\r\n", text.ToString());
    }

    [Fact]
    public void What_it_writes_the_reader_reads_back()
    {
        var parts = MultipartReader.Read(WriteBatch(), "batch_1");

        Assert.Equal(2, parts.Count);
        Assert.Equal("changeset_1", parts[0].NestedBoundary);
        var inner = Assert.Single(MultipartReader.Read(parts[0].Content, "changeset_1"));
        Assert.Equal("1", inner.Header("Content-ID"));
        var request = MultipartReader.ReadHttpMessage(inner.Content);
        Assert.Equal("POST http://host/data/Customers HTTP/1.1", request.StartLine);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("{\"name\":\"A\"}", request.Body.Trim());
        var response = MultipartReader.ReadHttpMessage(parts[1].Content);
        Assert.Equal("204", response.StartLineWords[1]);
        Assert.Equal("4.0", response.Headers["OData-Version"]);
        Assert.Equal(string.Empty, response.Body.Trim());
    }
}
