using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml;
using DualWrite.Emulators.FinOps.Tests.Support;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace DualWrite.Emulators.FinOps.Tests.OData;

/// <summary>A client the project did not write (ODataLib's own reader, driven by the $metadata) reads the emulator's answers.</summary>
public sealed class ODataLibClientTests
{
    [Fact]
    public async Task ODataLib_reads_a_page_of_customers_against_the_served_metadata()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var model = await ReadModelAsync(harness.Http);
        var set = model.EntityContainer.FindEntitySet("CustomersV3");

        using var response = await harness.Http.GetAsync("CustomersV3?$top=3");
        var message = new HttpODataResponseMessage(response, await response.Content.ReadAsByteArrayAsync());
        var settings = new ODataMessageReaderSettings { BaseUri = harness.Emulator.DataAddress };
        using var reader = new ODataMessageReader((IODataResponseMessage)message, settings, model);
        var feed = reader.CreateODataResourceSetReader(set, set.EntityType());
        var resources = new List<ODataResource>();
        while (feed.Read())
        {
            if (feed.State == ODataReaderState.ResourceEnd)
            {
                resources.Add((ODataResource)feed.Item);
            }
        }

        Assert.Equal(3, resources.Count);
        var first = resources[0].Properties.ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal("usmf", first["dataAreaId"]);
        Assert.IsType<decimal>(first["CreditLimit"]);
        Assert.IsType<ODataEnumValue>(first["OnHoldStatus"]);
        Assert.False(string.IsNullOrEmpty(resources[0].ETag));
    }

    [Fact]
    public async Task ODataLib_reads_the_error_body_of_a_refused_write()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var model = await ReadModelAsync(harness.Http);

        using var response = await harness.Http.PostAsync("CustomersV3", HttpJson.Body("""{"CustomerAccount":"US-990"}"""));
        var message = new HttpODataResponseMessage(response, await response.Content.ReadAsByteArrayAsync());
        using var reader = new ODataMessageReader((IODataResponseMessage)message, new ODataMessageReaderSettings(), model);
        var error = reader.ReadError();

        Assert.Equal("An error has occurred.", error.Message);
        Assert.Contains("must be filled in", error.InnerError.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_written_by_ODataLib_runs_and_ODataLib_reads_the_changeset_response()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var model = await ReadModelAsync(harness.Http);
        var batchUrl = new System.Uri(harness.Emulator.DataAddress, "$batch");
        var request = new BufferedODataRequestMessage(batchUrl, "POST");
        using (var writer = new ODataMessageWriter((IODataRequestMessage)request, new ODataMessageWriterSettings { BaseUri = harness.Emulator.DataAddress }, model))
        {
            var batch = writer.CreateODataBatchWriter();
            batch.WriteStartBatch();
            batch.WriteStartChangeset();
            WriteOperation(batch, "POST", new System.Uri(harness.Emulator.DataAddress, "CustomerGroups"), "1", """{"CustomerGroupId":"OL"}""");
            WriteOperation(batch, "PATCH", new System.Uri(harness.Emulator.DataAddress, "CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')"), "2", """{"Description":"By ODataLib"}""");
            batch.WriteEndChangeset();
            batch.WriteEndBatch();
        }

        using var content = new ByteArrayContent(request.Body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", request.GetHeader("Content-Type"));
        using var response = await harness.Http.PostAsync(batchUrl, content);
        var message = new HttpODataResponseMessage(response, await response.Content.ReadAsByteArrayAsync());
        using var reader = new ODataMessageReader((IODataResponseMessage)message, new ODataMessageReaderSettings(), model);
        var batchReader = reader.CreateODataBatchReader();
        var statuses = new List<int>();
        while (batchReader.Read())
        {
            if (batchReader.State == ODataBatchReaderState.Operation)
            {
                statuses.Add(batchReader.CreateOperationResponseMessage().StatusCode);
            }
        }

        Assert.Equal(new[] { 201, 204 }, statuses);
        var group = await HttpJson.GetAsync(harness.Http, "CustomerGroups(dataAreaId='usmf',CustomerGroupId='10')");
        Assert.Equal("By ODataLib", group.GetProperty("Description").GetString());
    }

    private static void WriteOperation(ODataBatchWriter batch, string method, System.Uri url, string contentId, string json)
    {
        var operation = batch.CreateOperationRequestMessage(method, url, contentId);
        operation.SetHeader("Content-Type", "application/json");
        using var stream = operation.GetStream();
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        stream.Write(bytes, 0, bytes.Length);
    }

    private static async Task<IEdmModel> ReadModelAsync(HttpClient http)
    {
        await using var stream = await http.GetStreamAsync("$metadata");
        using var xml = XmlReader.Create(stream);
        return CsdlReader.Parse(xml);
    }
}
