using System;
using DualWrite.Core.Multipart;

namespace DualWrite.Core.Tests.Multipart;

public sealed class MultipartReaderTests
{
    private const string Batch =
        "--batch_1\r\n" +
        "Content-Type: multipart/mixed; boundary=\"changeset_1\"\r\n" +
        "\r\n" +
        "--changeset_1\r\n" +
        "Content-Type: application/http\r\n" +
        "content-transfer-encoding: binary\r\n" +
        "Content-ID: 1\r\n" +
        "\r\n" +
        "POST http://host/data/Customers HTTP/1.1\r\n" +
        "Content-Type: application/json\r\n" +
        "\r\n" +
        "{\"name\":\"A\"}\r\n" +
        "--changeset_1--\r\n" +
        "--batch_1\r\n" +
        "Content-Type: application/http\r\n" +
        "\r\n" +
        "GET Customers?$top=1 HTTP/1.1\r\n" +
        "Accept: application/json\r\n" +
        "\r\n" +
        "--batch_1--\r\n";

    [Theory]
    [InlineData("multipart/mixed; boundary=batch_1", "batch_1")]
    [InlineData("multipart/mixed;boundary=\"batch_1\"", "batch_1")]
    [InlineData("Multipart/Mixed; charset=utf-8; BOUNDARY=b", "b")]
    [InlineData("application/json; boundary=b", null)]
    [InlineData("multipart/mixed", null)]
    [InlineData(null, null)]
    public void The_boundary_comes_from_a_multipart_content_type_with_or_without_quotes(string? contentType, string? boundary)
    {
        Assert.Equal(boundary, MultipartReader.BoundaryOf(contentType));
    }

    [Fact]
    public void A_batch_reads_into_parts_with_a_nested_changeset()
    {
        var parts = MultipartReader.Read(Batch, "batch_1");

        Assert.Equal(2, parts.Count);
        Assert.Equal("changeset_1", parts[0].NestedBoundary);
        Assert.Null(parts[1].NestedBoundary);
        var changeset = MultipartReader.Read(parts[0].Content, "changeset_1");
        var write = Assert.Single(changeset);
        Assert.Equal("1", write.Header("content-id"));
        Assert.Equal("binary", write.Header("Content-Transfer-Encoding"));
    }

    [Fact]
    public void Bare_line_feeds_read_like_crlf()
    {
        var crlf = MultipartReader.Read(Batch, "batch_1");
        var lf = MultipartReader.Read(Batch.Replace("\r\n", "\n"), "batch_1");

        Assert.Equal(crlf.Count, lf.Count);
        for (var i = 0; i < crlf.Count; i++)
        {
            Assert.Equal(crlf[i].Content, lf[i].Content);
        }
    }

    [Fact]
    public void An_http_message_has_its_start_line_headers_and_body()
    {
        var changeset = MultipartReader.Read(MultipartReader.Read(Batch, "batch_1")[0].Content, "changeset_1");

        var message = MultipartReader.ReadHttpMessage(changeset[0].Content);

        Assert.Equal(["POST", "http://host/data/Customers", "HTTP/1.1"], message.StartLineWords);
        Assert.Equal("application/json", message.Headers["content-type"]);
        Assert.Equal("{\"name\":\"A\"}", message.Body);
    }

    [Fact]
    public void A_message_without_a_body_has_an_empty_one()
    {
        var message = MultipartReader.ReadHttpMessage("HTTP/1.1 204 No Content\r\nOData-Version: 4.0\r\n\r\n");

        Assert.Equal("204", message.StartLineWords[1]);
        Assert.Equal("4.0", message.Headers["OData-Version"]);
        Assert.Equal(string.Empty, message.Body);
    }

    [Fact]
    public void A_body_cut_before_its_closing_delimiter_is_refused_but_can_be_read_as_far_as_it_goes()
    {
        var cut = Batch[..Batch.LastIndexOf("--batch_1--", StringComparison.Ordinal)];

        Assert.Throws<FormatException>(() => MultipartReader.Read(cut, "batch_1"));
        Assert.Equal(2, MultipartReader.ReadAvailable(cut, "batch_1").Count);
    }

    [Fact]
    public void A_body_without_the_boundary_is_refused()
    {
        var ex = Assert.Throws<FormatException>(() => MultipartReader.Read("no parts here", "batch_1"));

        Assert.Contains("--batch_1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Whitespace_after_a_delimiter_is_padding()
    {
        var parts = MultipartReader.Read("--b  \r\nX-A: 1\r\n\r\nbody\r\n--b-- \r\n", "b");

        Assert.Equal("body", Assert.Single(parts).Content);
    }
}
